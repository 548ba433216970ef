/**
 * PageRank (Brin & Page 1998), networkx's `pagerank` convention.
 *
 * Definition: the stationary distribution of a walk that, with probability α (default 0.85), follows
 * an out-arc chosen in proportion to its weight and otherwise jumps to a node drawn from the
 * personalisation vector (uniform by default). A dangling node (no out-arc) sends its whole mass along
 * the `dangling` vector, which defaults to the personalisation vector: networkx's rule, and igraph's
 * PRPACK gives the same values (checked in the tests). Values sum to 1.
 * Undirected graphs: each edge is two arcs. Weights: unweighted by default (networkx's `pagerank`
 * reads `weight` by default: pass `weight: "weight"` for its result on a weighted graph).
 * Computation: power iteration from the uniform vector (`kernels/powerIteration.ts`), stopping when the
 * L1 change is below n · tolerance. Default tolerance 1e-12 (networkx's 1e-6 can leave errors of several
 * percent on large graphs), up to 1000 iterations; not converging throws a `ConvergenceError` (with
 * α < 1 it converges geometrically, so this only happens with a too small `maxIterations`).
 * Personalisation: a record node → non-negative number, normalised to sum 1; absent nodes get 0; an
 * unknown node, a negative or non-finite value or an all-zero vector throws a `RangeError`.
 * Edge cases: an isolate is dangling and receives only teleport and dangling mass; self-loops are
 * ignored (networkx would follow them); parallel edges merged (weights summed); bad weights throw.
 * Implementation: ours on the CSR. graphology-metrics' pagerank agrees with networkx without
 * personalisation (checked; it spreads dangling mass uniformly) but has no personalisation or dangling
 * vector, and took 1.25 s against igraph's 0.13 s on a 100k-node Barabási–Albert graph (TOOLCHAIN.md);
 * this one takes 0.18 s there, CSR build included (bench/analytics.ts).
 */
import { type Csr, toRecord, transposeCsr } from "../kernels/csr.ts";
import { pageRankKernel } from "../kernels/powerIteration.ts";
import {
  ConvergenceError,
  checkIterationOptions,
  csrOf,
  type NodeMeasure,
  nodeMeasure,
  type WeightOptions,
} from "./options.ts";

export interface PageRankOptions extends WeightOptions {
  /** Probability of following a link. Default 0.85. */
  alpha?: number;
  /** Teleport distribution, node → weight ≥ 0 (normalised). Default uniform. */
  personalization?: Record<string, number>;
  /** Where dangling nodes send their mass (normalised). Default: the personalisation. */
  dangling?: Record<string, number>;
  /** Stop when the L1 change is below n · tolerance. Default 1e-12. */
  tolerance?: number;
  /** Default 1000. */
  maxIterations?: number;
}

/** A distribution over the nodes from a record (normalised), or uniform when absent. */
function distribution(csr: Csr, record: Record<string, number> | undefined, name: string): Float64Array {
  const n = csr.order;
  const out = new Float64Array(n);
  if (record === undefined) return out.fill(1 / n);
  const index = new Map(csr.nodes.map((key, i) => [key, i]));
  let total = 0;
  for (const [key, value] of Object.entries(record)) {
    const i = index.get(key);
    if (i === undefined)
      throw new RangeError(`pagerank: ${name} names ${key}, which is not a node of the graph`);
    if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
      throw new RangeError(`pagerank: ${name} of ${key} must be a finite number ≥ 0, got ${String(value)}`);
    }
    out[i] = value;
    total += value;
  }
  if (!(total > 0)) throw new RangeError(`pagerank: ${name} must give a positive weight to some node`);
  for (let i = 0; i < n; i++) out[i] /= total;
  return out;
}

export const pagerank: NodeMeasure<PageRankOptions> = nodeMeasure((graph, options = {}) => {
  const alpha = options.alpha ?? 0.85;
  if (!(alpha >= 0 && alpha < 1)) throw new RangeError(`pagerank: alpha must be in [0, 1), got ${alpha}`);
  const tolerance = options.tolerance ?? 1e-12;
  const maxIterations = options.maxIterations ?? 1000;
  checkIterationOptions("pagerank", tolerance, maxIterations);
  const csr = csrOf(graph, options.weight ?? null, options.csr);
  if (csr.order === 0) return {};
  const teleport = distribution(csr, options.personalization, "personalization");
  const dangling =
    options.dangling === undefined ? teleport : distribution(csr, options.dangling, "dangling");
  const outStrength = new Float64Array(csr.order);
  for (let v = 0; v < csr.order; v++) {
    if (csr.weights === null) outStrength[v] = csr.offsets[v + 1] - csr.offsets[v];
    else for (let p = csr.offsets[v]; p < csr.offsets[v + 1]; p++) outStrength[v] += csr.weights[p];
  }
  const result = pageRankKernel(transposeCsr(csr), outStrength, {
    alpha,
    teleport,
    dangling,
    tolerance,
    maxIterations,
  });
  if (!result.converged) {
    throw new ConvergenceError(
      "pagerank",
      result.iterations,
      result.change,
      "raise maxIterations or tolerance",
    );
  }
  return toRecord(csr, result.values);
}, "pagerank");
