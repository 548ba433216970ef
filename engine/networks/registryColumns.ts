/**
 * The three files of the network registry, their columns and their tokens:
 * - the **networks** file, one row per network: `id, name, type, territory, activities, animator, founded,
 *   ended` and, for the network's actor, `commune` (its seat) and `public_label`;
 * - the **members** file, one row per membership spell: `member, network, start, end, source_ref`
 *   (stored as `membership` links: CONVENTIONS.md has no second membership concept);
 * - the **actions** file, one row per action: `id, network, date, kind, title, participants, attendance`.
 *
 * Headers are matched case- and accent-insensitively through `mapColumns` (engine/io/columns.ts), with the
 * French names below. Lists inside a cell are `|`-separated; spaces around items are ignored. A file's
 * role is told by its header (`registryFileKind`) unless the caller forces it.
 */
import { canonicalToken, parseSubtype } from "../model/vocabulary.ts";
import { ACTION_KINDS, type ActionKind, type NetworkType } from "./types.ts";

export const REGISTRY_FILE_KINDS = ["networks", "members", "actions"] as const;
export type RegistryFileKind = (typeof REGISTRY_FILE_KINDS)[number];

export const NETWORK_FIELDS = [
  "id",
  "name",
  "type",
  "territory",
  "activities",
  "animator",
  "founded",
  "ended",
  "commune",
  "public_label",
] as const;
export type NetworkField = (typeof NETWORK_FIELDS)[number];

export const MEMBER_FIELDS = ["member", "network", "start", "end", "source_ref"] as const;
export type MemberField = (typeof MEMBER_FIELDS)[number];

export const ACTION_FIELDS = [
  "id",
  "network",
  "date",
  "kind",
  "title",
  "participants",
  "attendance",
] as const;
export type ActionField = (typeof ACTION_FIELDS)[number];

/** Accepted header names of the networks file (canonical form), by field. */
export const NETWORK_HEADER_NAMES: Readonly<Record<NetworkField, readonly string[]>> = {
  id: ["id", "identifiant", "network_id", "id_reseau", "code"],
  name: ["name", "nom", "libelle", "denomination"],
  type: ["type", "nature", "type_de_reseau", "network_type", "subtype", "sous_type"],
  territory: ["territory", "territoire", "communes", "perimetre", "territory_codes"],
  activities: ["activities", "activites", "activite", "naf", "codes_naf", "secteurs", "sectors"],
  animator: ["animator", "animateur", "animatrice", "animation", "animated_by"],
  founded: ["founded", "creation", "date_creation", "annee_creation", "date_de_creation"],
  ended: ["ended", "fin", "dissolution", "date_fin", "date_dissolution", "date_de_fin"],
  commune: ["commune", "siege", "commune_siege", "code_commune", "seat"],
  public_label: ["public_label", "label", "label_public", "labellisation"],
};

/** Accepted header names of the members file (canonical form), by field. */
export const MEMBER_HEADER_NAMES: Readonly<Record<MemberField, readonly string[]>> = {
  member: ["member", "membre", "adherent", "member_id", "id_membre", "id_adherent"],
  network: ["network", "reseau", "network_id", "id_reseau"],
  start: ["start", "adhesion", "date_adhesion", "debut", "date_debut", "joined"],
  end: ["end", "depart", "date_depart", "fin", "date_fin", "left"],
  source_ref: ["source_ref", "provenance", "reference", "ref"],
};

/** Accepted header names of the actions file (canonical form), by field. */
export const ACTION_HEADER_NAMES: Readonly<Record<ActionField, readonly string[]>> = {
  id: ["id", "identifiant", "action_id", "id_action"],
  network: ["network", "networks", "reseau", "reseaux", "network_id", "id_reseau"],
  date: ["date", "date_action", "jour", "day"],
  kind: ["kind", "nature", "type_action", "type_d_action", "action_kind", "type"],
  title: ["title", "intitule", "titre", "libelle", "objet"],
  participants: ["participants", "participant_ids", "entreprises_presentes", "liste_participants"],
  attendance: ["attendance", "presents", "nombre_participants", "nb_participants", "nombre_presents"],
};

/** Columns without which a file cannot be read at all (an `InputError`, not a quarantined row). */
export const REQUIRED_NETWORK_FIELDS: readonly NetworkField[] = ["id", "territory"];
export const REQUIRED_MEMBER_FIELDS: readonly MemberField[] = ["member", "network"];
export const REQUIRED_ACTION_FIELDS: readonly ActionField[] = ["network", "date", "kind"];

/**
 * The role of a file from its header: members when it has a member column; actions when it has a date
 * and a participants or kind column; networks when it has a territory or type column. Checked in that
 * order (an actions file's `nature` would otherwise read as a network type); undefined when none fits.
 */
export function registryFileKind(header: readonly string[]): RegistryFileKind | undefined {
  const tokens = new Set(header.map(canonicalToken));
  const has = (names: readonly string[]) => names.some((n) => tokens.has(n));
  if (has(MEMBER_HEADER_NAMES.member)) return "members";
  if (
    has(ACTION_HEADER_NAMES.date) &&
    (has(ACTION_HEADER_NAMES.participants) || has(ACTION_HEADER_NAMES.kind))
  )
    return "actions";
  if (has(NETWORK_HEADER_NAMES.territory) || has(NETWORK_HEADER_NAMES.type)) return "networks";
  return undefined;
}

/** Network types beyond the network-organisation subtypes (whose synonyms `parseSubtype` knows). */
const NETWORK_TYPE_SYNONYMS: Readonly<Record<string, NetworkType>> = {
  association: "association",
  association_professionnelle: "association",
  professional_association: "association",
  ap: "association",
  federation: "association",
  chamber: "chamber",
  chambre: "chamber",
  cci: "chamber",
  cma: "chamber",
  chambre_de_commerce: "chamber",
  chamber_of_commerce: "chamber",
  chambre_consulaire: "chamber",
};

/** The network type of a user token (`pôle`, `Club d'entreprises`, `CCI`…), undefined when in no list. */
export function parseNetworkType(raw: string): NetworkType | undefined {
  return parseSubtype(raw) ?? NETWORK_TYPE_SYNONYMS[canonicalToken(raw)];
}

const ACTION_KIND_SYNONYMS: Readonly<Record<string, ActionKind>> = {
  reunion: "meeting",
  rencontre: "meeting",
  assemblee: "meeting",
  assemblee_generale: "meeting",
  visite: "visit",
  visite_d_entreprise: "visit",
  visite_entreprise: "visit",
  company_visit: "visit",
  formation: "training",
  atelier: "training",
  workshop: "training",
  evenement: "event",
  salon: "event",
  conference: "event",
  projet: "project",
  projet_collectif: "project",
  plateforme: "platform",
  plateforme_partagee: "platform",
  shared_platform: "platform",
  inter_reseaux: "inter_network",
  rencontre_inter_reseaux: "inter_network",
  reunion_inter_reseaux: "inter_network",
  internetwork: "inter_network",
};

/** The action kind of a user token (`réunion`, `Visite`, `inter-réseaux`…), undefined when in no list. */
export function parseActionKind(raw: string): ActionKind | undefined {
  const token = canonicalToken(raw);
  if ((ACTION_KINDS as readonly string[]).includes(token)) return token as ActionKind;
  return ACTION_KIND_SYNONYMS[token];
}

/** The items of a `|`-separated cell, trimmed, blanks dropped, in the order written, each once. */
export function splitCellList(raw: string | null | undefined): string[] {
  if (raw === undefined || raw === null) return [];
  return [
    ...new Set(
      raw
        .split("|")
        .map((s) => s.trim())
        .filter((s) => s !== ""),
    ),
  ];
}
