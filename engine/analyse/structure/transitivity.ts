/**
 * Transitivity (global clustering): 3 × triangles / connected triples = Σ_u T_u / Σ_u d_u(d_u − 1)/2
 * on the undirected simple graph (`adjacency.ts`; directions ignored, parallel links one edge,
 * self-loops dropped). networkx's `transitivity` and igraph's `transitivity_undirected`. Null when
 * the graph has no connected triple (networkx returns 0 there).
 */
import { type AnyGraph, buildAdjacency } from "./adjacency.ts";

export function transitivity(graph: AnyGraph): number | null {
  const adj = buildAdjacency(graph, { directed: false });
  let closed = 0; // ordered (j, k) pairs of neighbours of u that are tied: 2 per triangle corner
  let triples = 0;
  adj.out.forEach((nbrs, _u) => {
    const d = nbrs.size;
    triples += (d * (d - 1)) / 2;
    for (const j of nbrs.keys()) for (const k of adj.out[j].keys()) if (nbrs.has(k)) closed++;
  });
  return triples === 0 ? null : closed / 2 / triples;
}
