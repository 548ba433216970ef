/**
 * Column names. Headers are matched case- and accent-insensitively (through `canonicalToken`) against
 * the French and English names below; a user mapping (`{ "raison sociale": "name" }`, or
 * `--columns "raison sociale=name"` on the command line) is applied first and wins.
 */
import { ACTOR_RECORD_FIELDS } from "../model/types.ts";
import { canonicalToken } from "../model/vocabulary.ts";
import { InputError } from "./errors.ts";

/** Fields of the actors file: the actor record's fields but the derived `size_class`, in the same order. */
export const ACTOR_FIELDS = ACTOR_RECORD_FIELDS.filter(
  (f): f is Exclude<(typeof ACTOR_RECORD_FIELDS)[number], "size_class"> => f !== "size_class",
);
export type ActorField = (typeof ACTOR_FIELDS)[number];

export const LINK_FIELDS = [
  "source",
  "target",
  "kind",
  "weight",
  "direction",
  "orientation",
  "formality",
  "frequency",
  "start",
  "end",
  "source_ref",
] as const;
export type LinkField = (typeof LINK_FIELDS)[number];

/** Accepted header names of the actors file (canonical form), by field. */
export const ACTOR_HEADER_NAMES: Readonly<Record<ActorField, readonly string[]>> = {
  id: ["id", "identifiant", "key", "node", "noeud", "siret", "siren", "code"],
  name: ["name", "nom", "label", "libelle", "raison_sociale", "denomination"],
  kind: ["kind", "type", "nature", "categorie", "type_d_acteur", "actor_kind"],
  subtype: ["subtype", "sous_type", "soustype", "type_de_reseau"],
  naf: ["naf", "code_naf", "ape", "code_ape", "naf_rev2", "activite", "activity"],
  commune: ["commune", "code_commune", "code_insee", "insee", "depcom", "cog"],
  headcount: ["headcount", "effectif", "effectifs", "salaries", "employees", "staff"],
  founded: ["founded", "creation", "annee_creation", "date_creation", "year_founded"],
  public_label: ["public_label", "label_public", "labellisation", "reconnaissance", "labelled"],
};

/** Accepted header names of the links file (canonical form), by field. */
export const LINK_HEADER_NAMES: Readonly<Record<LinkField, readonly string[]>> = {
  source: ["source", "from", "origine", "de", "src", "emetteur", "source_id"],
  target: ["target", "to", "cible", "vers", "destination", "dst", "target_id"],
  kind: ["kind", "type", "nature", "relation", "type_de_lien", "link_kind"],
  weight: ["weight", "poids", "intensite", "value", "valeur"],
  direction: ["direction", "sens", "oriente", "directed"],
  orientation: ["orientation", "structure"],
  formality: ["formality", "formalite", "formel"],
  frequency: ["frequency", "frequence"],
  start: ["start", "debut", "date_debut", "since", "depuis", "start_date"],
  end: ["end", "fin", "date_fin", "until", "jusqu_a", "end_date"],
  source_ref: ["source_ref", "provenance", "origine_info", "reference", "ref"],
};

/** Columns our own exports add (derived fields): read back without being reported as ignored. */
const DERIVED_COLUMNS = new Set(["size_class", "category"]);

export interface ColumnMapping<F extends string> {
  /** Column index of each field found. */
  index: Partial<Record<F, number>>;
  /** Headers that map to no field (kept out of the record, listed in the summary). */
  ignored: string[];
}

/** Parse `a=b,c=d` (command-line form of a user mapping). */
export function parseColumnOverrides(spec: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!spec) return out;
  for (const part of spec.split(",")) {
    const [header, field] = part.split("=");
    if (!header || !field) throw new InputError(`--columns: "${part}" is not of the form header=field.`);
    out[header.trim()] = field.trim();
  }
  return out;
}

/**
 * Map a header to fields. Fails at once, naming the file, the missing column and the columns found,
 * when a required field has no column; also when two columns claim the same field.
 */
export function mapColumns<F extends string>(
  file: string,
  header: readonly string[],
  names: Readonly<Record<F, readonly string[]>>,
  required: readonly F[],
  overrides: Readonly<Record<string, string>> = {},
): ColumnMapping<F> {
  const fields = Object.keys(names) as F[];
  const byName = new Map<string, F>();
  for (const f of fields) for (const n of names[f]) byName.set(n, f);
  const userMap = new Map<string, string>();
  for (const [h, f] of Object.entries(overrides)) {
    if (!fields.includes(f as F)) {
      throw new InputError(`column mapping: "${f}" is not a field (fields: ${fields.join(", ")}).`);
    }
    userMap.set(canonicalToken(h), f);
  }
  const index: Partial<Record<F, number>> = {};
  const ignored: string[] = [];
  header.forEach((h, i) => {
    const token = canonicalToken(h);
    const field = (userMap.get(token) as F | undefined) ?? byName.get(token);
    if (field === undefined) {
      if (!DERIVED_COLUMNS.has(token)) ignored.push(h);
      return;
    }
    if (index[field] !== undefined) {
      throw new InputError(
        `${file}: columns "${header[index[field] as number]}" and "${h}" both map to the field "${field}"; rename one or pass a column mapping.`,
        { file, field },
      );
    }
    index[field] = i;
  });
  const missing = required.filter((f) => index[f] === undefined);
  if (missing.length > 0) {
    throw new InputError(
      `${file}: missing required column${missing.length > 1 ? "s" : ""} ${missing.map((m) => `"${m}"`).join(", ")} ` +
        `(accepted names: ${missing.map((m) => names[m].join("|")).join("; ")}); columns found: ${header.map((h) => `"${h}"`).join(", ") || "none"}.`,
      { file, field: missing[0] },
    );
  }
  return { index, ignored };
}
