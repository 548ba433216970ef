/**
 * Typology of territorial networks (Defélix et al. 2006, DOMAIN §4):
 *
 * |                         | wanted by the actors | recognised by a public authority |
 * | partners all firms      | industrial district  | SPL                              |
 * | partners varied         | cluster              | pôle de compétitivité            |
 *
 * - Partners: the network's members plus the research, training and public bodies tied to a member by
 *   a non-membership link. Varied when one of them is a research or training organisation or a public
 *   body; all firms when every partner of known kind is a firm. Undetermined ("kind") when no
 *   member has a known kind.
 * - Recognition: the organisation classified (scope `association`) carries a `public_label` or is an
 *   SPL / pôle by subtype; or at least half the members carry a `public_label` or are current members
 *   of an organisation that does. When no actor of the input carries a label and none is an SPL or
 *   pôle, the data cannot tell: undetermined ("public_label"), unless `recognised` is given.
 * - The chambers' categories (club, industrial-zone association, grappe, virtual network): the
 *   subtypes of the organisations that at least half the members belong to (or the organisation's
 *   own subtype), with the share of members.
 * - What the grid places: territorial systems of collaborating organisations. A set of fewer than
 *   `minMembers` members (default 10) is a business network, not yet a district, SPL, cluster or pôle;
 *   a network the form score calls a firme-réseau is organised by its pivot rather than by collaboration
 *   among peers. Both stay "undetermined" with the `reason` (the chambers' categories are still given).
 */
import type { NetworkGraph } from "../model/graph.ts";
import type { ActorKind, NetworkSubtype } from "../model/vocabulary.ts";
import { membersByOrganisation } from "./scopes.ts";

export type TerritorialType =
  | "industrial district"
  | "SPL"
  | "cluster"
  | "pôle de compétitivité"
  | "undetermined";

const CHAMBER_CATEGORIES: Partial<Record<NetworkSubtype, string>> = {
  club: "business club",
  zone_association: "industrial-zone association",
  grappe: "grappe d'entreprises",
  virtual: "virtual network",
};
const LABELLED_SUBTYPES: ReadonlySet<NetworkSubtype> = new Set<NetworkSubtype>(["spl", "pole"]);
const VARIED_KINDS: ReadonlySet<ActorKind> = new Set<ActorKind>(["research", "training", "public_body"]);

export interface Typology {
  type: TerritorialType;
  /** Attributes whose absence left the type undetermined. */
  missing: string[];
  /** Why the grid does not apply (too few members, a firme-réseau); null when it does. */
  reason: string | null;
  partners: "firms" | "varied" | null;
  recognised: boolean | null;
  chamberCategories: Array<{ category: string; organisation: string; share: number }>;
  evidence: {
    partnerKinds: Record<string, number>;
    labelledMembersShare: number | null;
    labels: string[];
  };
}

export interface TypologyOptions {
  /** The organisation whose members the network is (scope `association`). */
  organisation?: string | null;
  /** Override: the collaboration is (true) or is not (false) publicly recognised. */
  recognised?: boolean;
  /** Fewest members the grid places (default 10). */
  minMembers?: number;
  /** The organisational-form label of the network, when scored (a firme-réseau is not placed). */
  form?: string | null;
}

export const DEFAULT_TYPOLOGY_MIN_MEMBERS = 10;

export function typology(
  graph: NetworkGraph,
  members: readonly string[],
  options: TypologyOptions = {},
): Typology {
  const memberSet = new Set(members);
  const org = options.organisation ?? null;
  const partners = new Set(members);
  for (const m of members) {
    if (!graph.hasNode(m)) continue;
    graph.forEachEdge(m, (_, a, s, t) => {
      const other = s === m ? t : s;
      if (a.kind !== "membership" && VARIED_KINDS.has(graph.getNodeAttribute(other, "kind")))
        partners.add(other);
    });
  }
  const partnerKinds: Record<string, number> = {};
  for (const p of [...partners].sort()) {
    const kind = graph.hasNode(p) ? graph.getNodeAttribute(p, "kind") : "unspecified";
    partnerKinds[kind] = (partnerKinds[kind] ?? 0) + 1;
  }
  const knownKinds = Object.keys(partnerKinds).filter((k) => k !== "unspecified");
  const partnerType: Typology["partners"] =
    knownKinds.length === 0
      ? null
      : knownKinds.some((k) => VARIED_KINDS.has(k as ActorKind))
        ? "varied"
        : "firms";

  const labelled = (id: string) => {
    const a = graph.getNodeAttributes(id);
    return a.public_label !== null || (a.subtype !== null && LABELLED_SUBTYPES.has(a.subtype));
  };
  let anyLabel = false;
  graph.forEachNode((id) => {
    if (labelled(id)) anyLabel = true;
  });
  const byOrg = membersByOrganisation(graph);
  const labelledOrgs = [...byOrg.keys()].filter(labelled);
  const labels = new Set<string>();
  let labelledMembers = 0;
  for (const m of members) {
    if (!graph.hasNode(m)) continue;
    const own = graph.getNodeAttribute(m, "public_label");
    const via = labelledOrgs.filter((o) => byOrg.get(o)?.includes(m));
    if (own !== null) labels.add(own);
    for (const o of via)
      labels.add(graph.getNodeAttribute(o, "public_label") ?? graph.getNodeAttribute(o, "subtype") ?? o);
    if (own !== null || via.length > 0) labelledMembers++;
  }
  const share = members.length > 0 ? labelledMembers / members.length : null;
  let recognised: boolean | null;
  if (options.recognised !== undefined) recognised = options.recognised;
  else if (org !== null && graph.hasNode(org) && labelled(org)) recognised = true;
  else if (!anyLabel) recognised = null;
  else recognised = share !== null && share >= 0.5;

  const chamberCategories: Typology["chamberCategories"] = [];
  for (const [o, list] of byOrg) {
    const subtype = graph.getNodeAttribute(o, "subtype");
    const category = subtype === null ? undefined : CHAMBER_CATEGORIES[subtype];
    if (category === undefined) continue;
    const s = o === org ? 1 : list.filter((m) => memberSet.has(m)).length / Math.max(1, members.length);
    if (s >= 0.5) chamberCategories.push({ category, organisation: o, share: s });
  }
  const missing: string[] = [];
  if (partnerType === null) missing.push("kind");
  if (recognised === null) missing.push("public_label");
  const minMembers = options.minMembers ?? DEFAULT_TYPOLOGY_MIN_MEMBERS;
  const reason =
    members.length < minMembers
      ? `${members.length} members: fewer than ${minMembers}, a business network rather than a territorial system`
      : options.form === "firme-réseau"
        ? "a firme-réseau: organised by its pivot firm, not by collaboration among peers"
        : null;
  const type: TerritorialType =
    reason !== null || partnerType === null || recognised === null
      ? "undetermined"
      : partnerType === "firms"
        ? recognised
          ? "SPL"
          : "industrial district"
        : recognised
          ? "pôle de compétitivité"
          : "cluster";
  return {
    type,
    missing,
    reason,
    partners: partnerType,
    recognised,
    chamberCategories,
    evidence: { partnerKinds, labelledMembersShare: share, labels: [...labels].sort() },
  };
}
