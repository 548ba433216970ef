/**
 * Bridge firms: actors that are members (at asOf) of two or more registered networks, with those
 * networks in registry order — the firms through which the networks already meet. Sorted by number of
 * networks descending, then graph order. The pairwise view of the same fact is `shared` in
 * `membershipOverlap.ts` (and in `networkBridges`, which also gives the actors tied into both sets).
 */
import type { NetworkGraph } from "../model/graph.ts";

export interface BridgeFirm {
  id: string;
  name: string | null;
  naf: string | null;
  commune: string | null;
  networks: string[];
  count: number;
}

export function bridgeFirms(
  graph: NetworkGraph,
  order: readonly string[],
  memberSets: ReadonlyMap<string, ReadonlySet<string>>,
  options: { minNetworks?: number } = {},
): BridgeFirm[] {
  const minNetworks = options.minNetworks ?? 2;
  const networksOf = new Map<string, string[]>();
  for (const id of order)
    for (const member of memberSets.get(id) ?? []) {
      const list = networksOf.get(member);
      if (list) list.push(id);
      else networksOf.set(member, [id]);
    }
  const firms: BridgeFirm[] = [];
  graph.forEachNode((id, a) => {
    const networks = networksOf.get(id);
    if (networks && networks.length >= minNetworks)
      firms.push({ id, name: a.name, naf: a.naf, commune: a.commune, networks, count: networks.length });
  });
  // Array.prototype.sort is stable: graph order stays among equal counts.
  return firms.sort((x, y) => y.count - x.count);
}
