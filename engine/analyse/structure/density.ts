/**
 * Density of the simple graph (`adjacency.ts`: parallel links one edge, self-loops dropped):
 * undirected m / (n(n−1)/2), directed m / (n(n−1)) with m the number of ordered pairs linked (an
 * undirected link of a mixed network counts both ways). networkx's `density`. Null for fewer than two
 * nodes (networkx returns 0 there: no pair exists, so the share is undefined).
 */
import { type AnyGraph, buildAdjacency } from "./adjacency.ts";

export interface DensityOptions {
  /** Directed reading. Default: true for a `directed` graph, false otherwise. */
  directed?: boolean;
}

export function density(graph: AnyGraph, options: DensityOptions = {}): number | null {
  const adj = buildAdjacency(graph, { directed: options.directed });
  const n = adj.ids.length;
  if (n < 2) return null;
  let arcs = 0;
  for (const m of adj.out) arcs += m.size;
  // Undirected: each edge was stored at both ends, so arcs = 2m and the formula is the same.
  return arcs / (n * (n - 1));
}
