/**
 * Betweenness centrality, exact (Brandes 2001).
 *
 * Definition: B(v) = Σ_{s ≠ v ≠ t} σ_st(v) / σ_st, over ordered pairs on a directed graph and unordered
 * pairs on an undirected one (σ_st = number of shortest s–t paths, σ_st(v) = those through v).
 * Normalisation (default `normalized: true`, networkx `betweenness_centrality(G)`): B(v) / ((n−1)(n−2))
 * on a directed graph and B(v) / ((n−1)(n−2)/2) on an undirected one, i.e. the share of the pairs of
 * other nodes that v lies between; no scaling when n ≤ 2. `normalized: false` gives B(v) itself
 * (networkx `normalized=False`, igraph's `betweenness`).
 * Weights: unweighted by default; with `weight`, path length is the sum of 1/w (`distance: "inverse"`,
 * default: a strong tie is short) or of w (`distance: "weight"`). Equal lengths are compared with a
 * relative tolerance of 1e-10 (`kernels/shortestPaths.ts`), as igraph does: networkx compares floats
 * exactly and mis-splits ties (by up to 0.009 normalised on Davis' women projection).
 * Direction: a directed (or mixed, see `kernels/csr.ts`) graph gives directed paths.
 * Edge cases: isolates and nodes on no shortest path get 0; disconnected pairs contribute nothing;
 * self-loops are ignored; parallel edges are merged (weights summed); a weight ≤ 0 or not finite
 * throws an `InputError` naming the edge.
 * Implementation: ours, on the CSR (`kernels/brandes.ts`). graphology-metrics' betweenness equals
 * networkx when unweighted (checked on the fixtures, difference 0), but reads weights as lengths by
 * default and compares lengths exactly: given 1/w it inherits networkx's tie errors (0.0086 on Davis).
 */
import { brandesRunner } from "../kernels/brandes.ts";
import { toRecord } from "../kernels/csr.ts";
import { type NodeMeasure, nodeMeasure, type PathOptions } from "./options.ts";
import { pathCsr } from "./paths.ts";

export interface BetweennessOptions extends PathOptions {
  /** Divide by the number of pairs of other nodes (networkx's default). Default true. */
  normalized?: boolean;
}

/**
 * Factor from the raw sum over ordered (source, target) pairs to the reported value: undirected sums
 * count each pair twice.
 */
export function betweennessScale(n: number, directed: boolean, normalized: boolean): number {
  if (normalized) return n <= 2 ? 1 : 1 / ((n - 1) * (n - 2));
  return directed ? 1 : 0.5;
}

export const betweennessCentrality: NodeMeasure<BetweennessOptions> = nodeMeasure((graph, options = {}) => {
  const { csr, lengths } = pathCsr(graph, options);
  const n = csr.order;
  const values = new Float64Array(n);
  const runner = brandesRunner(csr, lengths);
  for (let s = 0; s < n; s++) runner.accumulateFrom(s, values);
  const scale = betweennessScale(n, csr.directed, options.normalized ?? true);
  for (let v = 0; v < n; v++) values[v] *= scale;
  return toRecord(csr, values);
}, "betweenness");
