/**
 * Betweenness estimated from k sampled sources (Brandes & Pich 2007, "Centrality estimation in large
 * networks"), scaled like networkx `betweenness_centrality(G, k=…)`.
 *
 * Estimator: draw k distinct sources S uniformly (seeded, `engine/random`), run Brandes' single-source
 * accumulation from each, and scale the sum by n/k: B̂(v) = (n/k) Σ_{s∈S} δ_s(v). Each node is a source
 * with probability k/n, so E[B̂(v)] = Σ_s δ_s(v) = B(v): the estimate is unbiased. The same
 * normalisation as the exact measure then applies (`betweenness.ts`); with k = n it is exact.
 *
 * Error bound (Hoeffding 1963, valid for sampling without replacement): a dependency δ_s(v) lies in
 * [0, n − 2], so with probability at least `confidence` = 1 − δ, for one given node,
 *   |B̂(v) − B(v)| / ((n−1)(n−2)) ≤ n/(n−1) · √(ln(2/δ) / (2k))      (normalised scale),
 * and for all n nodes at once (union bound) with ln(2n/δ) in place of ln(2/δ). `bound.perNode` and
 * `bound.allNodes` give these, in the scale of the returned values (multiplied by (n−1)(n−2), halved
 * on an undirected graph, when `normalized: false`). The bound is worst-case: on real graphs the error
 * is usually far smaller (see the tests).
 *
 * Options, weights and edge cases as the exact measure. Implementation: ours (graphology-metrics has
 * no sampled betweenness).
 */
import { createRng } from "../../random/prng.ts";
import { sample } from "../../random/sampling.ts";
import { brandesRunner } from "../kernels/brandes.ts";
import { type AnyGraph, toRecord } from "../kernels/csr.ts";
import { betweennessScale } from "./betweenness.ts";
import type { NodeValues, PathOptions } from "./options.ts";
import { pathCsr } from "./paths.ts";

export interface SampledBetweennessOptions extends PathOptions {
  /** Number of sources to sample (1 ≤ k; more than n means all). Default min(n, 100). */
  k?: number;
  /** Seed of the sample. Default `"betweenness"`: the same graph always gives the same estimate. */
  seed?: string | number;
  /** Use these sources instead of a random sample (k is then their number). */
  sources?: readonly string[];
  /** Divide by the number of pairs of other nodes (networkx's default). Default true. */
  normalized?: boolean;
  /** Probability that the stated bounds hold. Default 0.95. */
  confidence?: number;
}

export interface SampledBetweenness {
  /** The estimate per node. */
  values: NodeValues;
  /** The sources used, in the order drawn. */
  sources: string[];
  /** Number of sources. */
  k: number;
  /** Hoeffding bounds on |estimate − exact|, in the scale of `values`. */
  bound: { confidence: number; perNode: number; allNodes: number };
}

/** Hoeffding half-width on the normalised scale for k sources out of n at failure probability δ. */
export function sampledBetweennessBound(n: number, k: number, delta: number): number {
  if (n <= 2 || k >= n) return 0;
  return (n / (n - 1)) * Math.sqrt(Math.log(2 / delta) / (2 * k));
}

export function sampledBetweennessCentrality(
  graph: AnyGraph,
  options: SampledBetweennessOptions = {},
): SampledBetweenness {
  const { csr, lengths } = pathCsr(graph, options);
  const n = csr.order;
  const confidence = options.confidence ?? 0.95;
  if (!(confidence > 0 && confidence < 1)) {
    throw new RangeError(`sampled betweenness: confidence must be in (0, 1), got ${confidence}`);
  }
  let sources: number[];
  if (options.sources) {
    const index = new Map(csr.nodes.map((key, i) => [key, i]));
    sources = options.sources.map((key) => {
      const i = index.get(key);
      if (i === undefined)
        throw new RangeError(`sampled betweenness: source ${key} is not a node of the graph`);
      return i;
    });
    if (new Set(sources).size !== sources.length)
      throw new RangeError("sampled betweenness: repeated source");
  } else if (n === 0) {
    sources = [];
  } else {
    const k = options.k ?? Math.min(n, 100);
    if (!Number.isInteger(k) || k < 1)
      throw new RangeError(`sampled betweenness: k must be an integer ≥ 1, got ${k}`);
    const all = Array.from({ length: n }, (_, i) => i);
    sources = sample(createRng(`${options.seed ?? "betweenness"}/sources`), all, Math.min(k, n));
  }
  const k = sources.length;
  const values = new Float64Array(n);
  const runner = brandesRunner(csr, lengths);
  for (const s of sources) runner.accumulateFrom(s, values);
  const normalized = options.normalized ?? true;
  const scale = k === 0 ? 0 : (betweennessScale(n, csr.directed, normalized) * n) / k;
  for (let v = 0; v < n; v++) values[v] *= scale;
  // From the normalised scale to the raw one: × (n−1)(n−2), halved on an undirected graph.
  const unit = normalized || n <= 2 ? 1 : (n - 1) * (n - 2) * (csr.directed ? 1 : 0.5);
  const delta = 1 - confidence;
  return {
    values: toRecord(csr, values),
    sources: sources.map((i) => csr.nodes[i]),
    k,
    bound: {
      confidence,
      perNode: unit * sampledBetweennessBound(n, k, delta),
      allNodes: unit * sampledBetweennessBound(n, k, delta / Math.max(1, n)),
    },
  };
}
