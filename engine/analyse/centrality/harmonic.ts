/**
 * Harmonic closeness (Marchiori & Latora 2000; Boldi & Vigna 2014), networkx's `harmonic_centrality`.
 *
 * Definition: H(u) = Σ_{v ≠ u} 1 / d(v, u), with 1/∞ = 0, so disconnected graphs need no correction.
 * Not normalised by default (networkx); `normalized: true` divides by n − 1 (igraph's
 * `harmonic_centrality` default). Direction: incoming distances on a directed graph, like networkx
 * (its sum runs over sources v of paths v → u). Weights: as betweenness (`distance` 1/w by default).
 * Edge cases: an isolate gets 0; self-loops ignored; parallel edges merged; bad weights throw.
 * Implementation: ours on the CSR (graphology-metrics has none).
 */
import { toRecord } from "../kernels/csr.ts";
import { incomingDistanceSums } from "./distanceSums.ts";
import { csrOf, type NodeMeasure, nodeMeasure, type PathOptions } from "./options.ts";

export interface HarmonicOptions extends PathOptions {
  /** Divide by n − 1. Default false (networkx). */
  normalized?: boolean;
}

export const harmonicCentrality: NodeMeasure<HarmonicOptions> = nodeMeasure((graph, options = {}) => {
  const csr = csrOf(graph, options.weight ?? null, options.csr);
  const n = csr.order;
  const distance = options.weight ? (options.distance ?? "inverse") : null;
  const { inverse } = incomingDistanceSums(csr, distance);
  if (options.normalized && n > 1) for (let u = 0; u < n; u++) inverse[u] /= n - 1;
  return toRecord(csr, inverse);
}, "harmonic");
