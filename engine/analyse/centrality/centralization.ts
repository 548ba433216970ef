/**
 * Freeman's centralization (Freeman 1979, "Centrality in social networks: conceptual clarification"):
 * how much one node dominates a measure, from 0 (every node equal) to 1 (a star).
 *
 *   C = Σ_v (c_max − c_v) / M(n),
 *
 * c_max the largest value in the graph and M(n) the largest that sum can be on any graph of the same
 * size and kind, reached by the star (both arcs between the centre and each leaf when directed). The
 * measures are unweighted (the maxima assume it); parallel edges count once, self-loops are ignored.
 * Maxima used (igraph's `centralization_*_tmax` without loops):
 *   degree, undirected (raw degrees):              (n − 1)(n − 2)
 *   degree, directed, `in` or `out`:               (n − 1)²
 *   degree, directed, `all` (in + out):            2(n − 1)(n − 2)
 *   betweenness, undirected (raw, pairs counted once): (n − 1)²(n − 2) / 2
 *   betweenness, directed (raw, ordered pairs):    (n − 1)²(n − 2)
 *   closeness (Freeman (n − 1)/Σd):                (n − 1)(n − 2) / (2n − 3)
 *     (star: centre 1, each leaf (n − 1)/(2n − 3)).
 * Undefined (null): fewer than 3 nodes (M = 0); closeness on a directed or a disconnected graph, where
 * Freeman's closeness needs every distance finite and the star's maximum is no longer a bound.
 * Implementation: ours (graphology-metrics has none); checked by hand in the fixture script and equal
 * to 1 on a star.
 */

import { componentLabels } from "../kernels/components.ts";
import { type AnyGraph, buildCsr, readsAsDirected } from "../kernels/csr.ts";
import { betweennessCentrality } from "./betweenness.ts";
import { closenessCentrality } from "./closeness.ts";
import { type DegreeMode, degreeCentrality } from "./degree.ts";
import type { NodeValues } from "./options.ts";

/** Σ (max − c_v) / maximum, or null when the maximum is not positive. */
export function freemanCentralization(values: NodeValues, maximum: number): number | null {
  const list = Object.values(values);
  if (list.length === 0 || !(maximum > 0)) return null;
  let top = Number.NEGATIVE_INFINITY;
  for (const v of list) if (v > top) top = v;
  let sum = 0;
  for (const v of list) sum += top - v;
  return sum / maximum;
}

export function degreeCentralization(graph: AnyGraph, options: { mode?: DegreeMode } = {}): number | null {
  const n = graph.order;
  const directed = readsAsDirected(graph);
  const mode = options.mode ?? "all";
  let maximum: number;
  if (!directed) maximum = (n - 1) * (n - 2);
  else maximum = mode === "all" ? 2 * (n - 1) * (n - 2) : (n - 1) ** 2;
  return freemanCentralization(degreeCentrality(graph, { mode }), n < 3 ? 0 : maximum);
}

export function betweennessCentralization(graph: AnyGraph): number | null {
  const n = graph.order;
  const directed = readsAsDirected(graph);
  const maximum = (n - 1) ** 2 * (n - 2) * (directed ? 1 : 0.5);
  return freemanCentralization(betweennessCentrality(graph, { normalized: false }), n < 3 ? 0 : maximum);
}

export function closenessCentralization(graph: AnyGraph): number | null {
  const n = graph.order;
  if (n < 3) return null;
  const csr = buildCsr(graph);
  if (csr.directed || componentLabels(csr).count > 1) return null;
  return freemanCentralization(closenessCentrality(graph), ((n - 1) * (n - 2)) / (2 * n - 3));
}
