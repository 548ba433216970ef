/**
 * Territorial concentration of a network's members: the share of pairs of members (with a known
 * commune) located in the same or in adjacent communes (pairs of INSEE codes, e.g.
 * `datasets/rouen/geo/communes_76_adjacency.csv` read with `parseAdjacencyCsv`); with no adjacency
 * given, only the same commune counts. 1 = every member within reach of every other; a supply chain
 * spread over a département gives a few percent. Pairs rather than "members in the largest contiguous
 * patch": on a small territory a patch grows to cover almost every commune and the share saturates at 1
 * whatever the network (seen on the planted networks). Null with fewer than two members with a commune.
 */
import type { NetworkGraph } from "../model/graph.ts";

export interface CommunePair {
  a: string;
  b: string;
}

export function territorialConcentration(
  network: NetworkGraph,
  adjacency: readonly CommunePair[] | null = null,
): number | null {
  const count = new Map<string, number>();
  network.forEachNode((_, a) => {
    if (a.commune !== null) count.set(a.commune, (count.get(a.commune) ?? 0) + 1);
  });
  const located = [...count.values()].reduce((s, k) => s + k, 0);
  if (located < 2) return null;
  let close = 0;
  for (const k of count.values()) close += (k * (k - 1)) / 2;
  const seen = new Set<string>();
  for (const { a, b } of adjacency ?? []) {
    if (a === b) continue;
    const key = a < b ? `${a}|${b}` : `${b}|${a}`;
    if (seen.has(key)) continue;
    seen.add(key);
    close += (count.get(a) ?? 0) * (count.get(b) ?? 0);
  }
  return close / ((located * (located - 1)) / 2);
}
