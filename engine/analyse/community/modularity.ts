/**
 * Modularity of a partition (Newman & Girvan 2004; with resolution, Reichardt & Bornholdt 2006).
 *
 * Undirected: Q = Σ_c [ L_c / m − γ (d_c / 2m)² ], where m is the total edge weight, L_c the weight of
 * the edges inside community c (a self-loop counts once) and d_c the sum of its nodes' weighted degrees
 * (a self-loop adds 2w). Directed: Q = Σ_c [ L_c / m − γ out_c · in_c / m² ]. Parallel edges of a
 * multigraph all count. This is networkx's `community.modularity(G, communities, weight, resolution)`
 * (checked to 1e-12 in test/analyse/community/modularity.test.ts). A graph without edge weight has no
 * modularity: the result is `null`.
 */
import type Graph from "graphology";
import { readsAsDirected } from "../kernels/csr.ts";
import type { Labelling } from "./partition.ts";
import { assertNotMixed, type WeightOption, weightReader } from "./weights.ts";

export interface ModularityOptions {
  /** Edge weight attribute, or null for unweighted. Default `"weight"` (missing attribute = 1). */
  weight?: WeightOption;
  /** Resolution γ; > 1 favours smaller communities. Default 1. */
  resolution?: number;
}

export function modularity(
  graph: Graph,
  partition: Labelling,
  options: ModularityOptions = {},
): number | null {
  assertNotMixed(graph, "modularity");
  const gamma = options.resolution ?? 1;
  const read = weightReader(options.weight);
  const directed = readsAsDirected(graph);
  const community = (node: string) => {
    const c = partition[node];
    if (c === undefined) throw new RangeError(`partition has no community for node "${node}"`);
    return c;
  };
  const inside = new Map<number | string, number>();
  const outTotal = new Map<number | string, number>();
  const inTotal = new Map<number | string, number>();
  const add = (map: Map<number | string, number>, key: number | string, w: number) =>
    map.set(key, (map.get(key) ?? 0) + w);
  let m = 0;
  graph.forEachNode((node) => {
    community(node);
  });
  graph.forEachEdge((key, attributes, source, target) => {
    const w = read(key, attributes);
    const cs = community(source);
    const ct = community(target);
    m += w;
    if (cs === ct) add(inside, cs, w);
    // Undirected: both ends' degrees go to one total (in = out); directed: out of source, in of target.
    add(outTotal, cs, w);
    add(directed ? inTotal : outTotal, ct, w);
  });
  if (m === 0) return null;
  let q = 0;
  for (const l of inside.values()) q += l / m;
  if (directed) {
    for (const [c, out] of outTotal) q -= (gamma * out * (inTotal.get(c) ?? 0)) / (m * m);
  } else {
    for (const d of outTotal.values()) q -= gamma * (d / (2 * m)) ** 2;
  }
  return q;
}
