/**
 * Pairs of members who should meet (DOMAIN.md §7: know members and create links between them). A pair
 * of members at asOf is suggested when all three hold:
 * 1. **activities**: the same NAF division (`horizontal`) or two divisions joined by a value chain
 *    (`complementary`, see `valueChains.ts`); members without a NAF code are left out;
 * 2. **place**: the same commune or adjacent communes (see `proximity.ts`);
 * 3. **no tie yet**: no link of any kind between them that began on or before asOf (an ended link
 *    counts: they have met).
 *
 * Score = wShared × shared + proximity + affinity, where `shared` is the number of actors other than
 * the organisation that both are tied to at asOf (links active that day; a common neighbour makes the
 * introduction easy), proximity = 1 for the same commune and 0.5 for adjacent ones, affinity = 1 for
 * the same division and, for complementary divisions, 0.5 + 0.5 × links / (most links of any observed
 * chain) — 0.5 for a pair known only from the table. Default wShared = 1. Ranked by score, then
 * shared, then ids; each pair carries its reason.
 */
import type { NetworkGraph } from "../../model/graph.ts";
import { nafDivision } from "../../model/naf.ts";
import { nafLabel } from "../../model/nafLabels.ts";
import { communeProximity, type Proximity } from "./proximity.ts";
import { divisionPairKey, type ValueChain } from "./valueChains.ts";

export interface MeetingPairOptions {
  asOf: string;
  adjacency: ReadonlyMap<string, ReadonlySet<string>>;
  chains: ReadonlyMap<string, ValueChain>;
  /** Weight of each shared neighbour in the score. Default 1. */
  sharedWeight?: number;
}

export interface MeetingPair {
  a: string;
  b: string;
  score: number;
  relation: "horizontal" | "complementary";
  divisions: [string, string];
  /** Links of the observed value chain between the two divisions (0 for horizontal or table pairs). */
  chainLinks: number;
  proximity: Proximity;
  communes: [string, string];
  shared: string[];
  reason: string;
}

const activeAt = (start: string | null, end: string | null, date: string) =>
  (start === null || start <= date) && (end === null || end >= date);

const divisionText = (d: string) => {
  const label = nafLabel(d);
  return label ? `${d} (${label})` : d;
};

export function meetingPairs(
  network: NetworkGraph,
  organisation: string,
  members: readonly string[],
  options: MeetingPairOptions,
): MeetingPair[] {
  const { asOf, adjacency, chains } = options;
  const sharedWeight = options.sharedWeight ?? 1;
  let maxChain = 0;
  for (const c of chains.values()) maxChain = Math.max(maxChain, c.links);
  // Ties ever formed up to asOf, and neighbours at asOf (the organisation left out).
  const tied = new Map<string, Set<string>>();
  const around = new Map<string, Set<string>>();
  for (const id of members) {
    const t = new Set<string>();
    const n = new Set<string>();
    network.forEachEdge(id, (_key, link, source, target) => {
      const other = source === id ? target : source;
      if (link.start !== null && link.start > asOf) return;
      t.add(other);
      if (other !== organisation && activeAt(link.start, link.end, asOf)) n.add(other);
    });
    tied.set(id, t);
    around.set(id, n);
  }
  const placed = members
    .map((id) => ({
      id,
      naf: network.getNodeAttribute(id, "naf"),
      commune: network.getNodeAttribute(id, "commune"),
    }))
    .filter((m): m is { id: string; naf: string; commune: string } => !!m.naf && !!m.commune)
    .sort((x, y) => (x.id < y.id ? -1 : 1));
  const pairs: MeetingPair[] = [];
  for (let i = 0; i < placed.length; i++) {
    const u = placed[i];
    const du = nafDivision(u.naf);
    for (let j = i + 1; j < placed.length; j++) {
      const v = placed[j];
      const proximity = communeProximity(u.commune, v.commune, adjacency);
      if (proximity === null) continue;
      if (tied.get(u.id)?.has(v.id)) continue;
      const dv = nafDivision(v.naf);
      let relation: MeetingPair["relation"];
      let affinity: number;
      let chainLinks = 0;
      let chainText = "";
      if (du === dv) {
        relation = "horizontal";
        affinity = 1;
      } else {
        const chain = chains.get(divisionPairKey(du, dv));
        if (!chain) continue;
        relation = "complementary";
        chainLinks = chain.links;
        affinity = chain.links > 0 && maxChain > 0 ? 0.5 + (0.5 * chain.links) / maxChain : 0.5;
        chainText =
          chain.links > 0
            ? `${chain.links} supply/subcontracting/client links observed between the divisions`
            : "complementary in the given table";
      }
      const nu = around.get(u.id) as Set<string>;
      const shared = [...(around.get(v.id) as Set<string>)].filter((x) => nu.has(x)).sort();
      const close = proximity === "same_commune" ? 1 : 0.5;
      const score = sharedWeight * shared.length + close + affinity;
      const what =
        relation === "horizontal"
          ? `same division ${divisionText(du)}`
          : `complementary divisions ${divisionText(du)} and ${divisionText(dv)}: ${chainText}`;
      const where =
        proximity === "same_commune"
          ? `same commune ${u.commune}`
          : `adjacent communes ${u.commune} and ${v.commune}`;
      const named = shared.slice(0, 5).join(", ") + (shared.length > 5 ? ", …" : "");
      const common = shared.length > 0 ? `${shared.length} shared contacts (${named})` : "no shared contact";
      pairs.push({
        a: u.id,
        b: v.id,
        score,
        relation,
        divisions: [du, dv],
        chainLinks,
        proximity,
        communes: [u.commune, v.commune],
        shared,
        reason: `${what}; ${where}; ${common}; no tie yet`,
      });
    }
  }
  pairs.sort(
    (x, y) =>
      y.score - x.score ||
      y.shared.length - x.shared.length ||
      (x.a < y.a ? -1 : x.a > y.a ? 1 : x.b < y.b ? -1 : x.b > y.b ? 1 : 0),
  );
  return pairs;
}
