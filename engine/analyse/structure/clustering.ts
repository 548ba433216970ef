/**
 * Local clustering coefficient, as networkx's `clustering(G, weight=)` on the same simple graph
 * (`adjacency.ts`: parallel links one edge with summed weight, self-loops dropped):
 * - undirected: c_u = 2 T_u / (d_u (d_u − 1)), T_u the triangles through u, d_u its distinct neighbours;
 * - undirected weighted (Onnela et al. 2005): T_u becomes Σ over triangles of (ŵ_uv ŵ_vw ŵ_wu)^(1/3),
 *   ŵ = w / (largest edge weight of the graph);
 * - directed (Fagiolo 2007): c_u = T_u / (2 (d_tot (d_tot − 1) − 2 d_↔)), T_u the directed triangles
 *   through u in any orientation, d_tot = in + out degree, d_↔ reciprocated pairs; weighted with the
 *   same geometric mean of normalised arc weights.
 * A node with fewer than two neighbours (or no triangle) has coefficient 0, as in networkx.
 *
 * `averageClustering` offers both conventions for those low-degree nodes: `lowDegree: "zero"`
 * (default, networkx's `average_clustering`: they count as 0) or `"exclude"` (igraph's
 * `transitivity_avglocal_undirected(mode="nan")`: they are left out of the mean). networkx's own
 * `count_zeros=False` is a third thing (it drops every zero, including nodes with neighbours but no
 * triangle) and is not offered.
 */

import { withAssign } from "../measure.ts";
import { type Adjacency, type AdjacencyOptions, type AnyGraph, buildAdjacency, byNode } from "./adjacency.ts";

export type ClusteringOptions = AdjacencyOptions;

function maxWeight(adj: Adjacency): number {
  let max = 0;
  for (const m of adj.out) for (const w of m.values()) if (w > max) max = w;
  return max;
}

function undirectedClustering(adj: Adjacency): number[] {
  const top = adj.weighted ? maxWeight(adj) : 1;
  return adj.ids.map((_, u) => {
    const nbrs = adj.out[u];
    const d = nbrs.size;
    if (d < 2) return 0;
    let t = 0; // each triangle seen twice, once from each of its other two corners
    for (const [j, wuj] of nbrs) {
      for (const [k, wjk] of adj.out[j]) {
        const wku = nbrs.get(k);
        if (wku === undefined) continue;
        t += adj.weighted ? Math.cbrt((wuj / top) * (wjk / top) * (wku / top)) : 1;
      }
    }
    return t === 0 ? 0 : t / (d * (d - 1));
  });
}

function directedClustering(adj: Adjacency): number[] {
  const top = adj.weighted ? maxWeight(adj) : 1;
  const w = (a: number, b: number) => (adj.out[a].get(b) as number) / top;
  const term = (x: number, y: number, z: number) => (adj.weighted ? Math.cbrt(x * y * z) : 1);
  return adj.ids.map((_, i) => {
    const preds = adj.in[i];
    const succs = adj.out[i];
    let t = 0;
    // j tied to i in each direction; k tied to i and to j in each direction: the 8 orientations.
    const visit = (j: number, wij: number) => {
      for (const k of preds.keys()) {
        if (adj.in[j].has(k)) t += term(wij, w(k, i), w(k, j));
        if (adj.out[j].has(k)) t += term(wij, w(k, i), w(j, k));
      }
      for (const k of succs.keys()) {
        if (adj.in[j].has(k)) t += term(wij, w(i, k), w(k, j));
        if (adj.out[j].has(k)) t += term(wij, w(i, k), w(j, k));
      }
    };
    for (const j of preds.keys()) visit(j, w(j, i));
    for (const j of succs.keys()) visit(j, w(i, j));
    if (t === 0) return 0;
    const total = preds.size + succs.size;
    let reciprocal = 0;
    for (const j of preds.keys()) if (succs.has(j)) reciprocal++;
    return t / (2 * (total * (total - 1) - 2 * reciprocal));
  });
}

export function clusteringValues(adj: Adjacency): number[] {
  return adj.directed ? directedClustering(adj) : undirectedClustering(adj);
}

function clusteringOf(graph: AnyGraph, options: ClusteringOptions = {}): Record<string, number> {
  const adj = buildAdjacency(graph, options);
  return byNode(adj, clusteringValues(adj));
}

/** Local clustering per node. `.assign` writes attribute `clustering`. */
export const clustering = withAssign(clusteringOf, "clustering");

export interface AverageClusteringOptions extends ClusteringOptions {
  /** Nodes with fewer than two distinct neighbours: `zero` (default, networkx) or `exclude` (igraph). */
  lowDegree?: "zero" | "exclude";
}

/** Mean local clustering; null when no node is counted (empty graph, or all excluded). */
export function averageClustering(graph: AnyGraph, options: AverageClusteringOptions = {}): number | null {
  const adj = buildAdjacency(graph, options);
  const values = clusteringValues(adj);
  let sum = 0;
  let count = 0;
  for (let u = 0; u < values.length; u++) {
    if (options.lowDegree === "exclude") {
      let distinct = adj.out[u].size;
      if (adj.directed) for (const v of adj.in[u].keys()) if (!adj.out[u].has(v)) distinct++;
      if (distinct < 2) continue;
    }
    sum += values[u];
    count++;
  }
  return count === 0 ? null : sum / count;
}
