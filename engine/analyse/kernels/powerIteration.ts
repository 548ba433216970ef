/**
 * The two power iterations of the centrality family, on a CSR. Both "pull" along in-arcs (the
 * transposed CSR), so each node's new value is one contiguous read of its row and one write: no
 * scattered writes, which is what makes them fast in V8.
 *
 * Convergence rule (networkx's, so that the same tolerance means the same thing): stop when the L1
 * change between two iterates is below `order · tolerance`.
 */
import type { Csr } from "./csr.ts";

export interface IterationResult {
  values: Float64Array;
  iterations: number;
  /** L1 change of the last iteration. */
  change: number;
  converged: boolean;
}

export interface PageRankKernelOptions {
  alpha: number;
  /** Teleport distribution (sums to 1). */
  teleport: Float64Array;
  /** Where a dangling node's mass goes (sums to 1). */
  dangling: Float64Array;
  tolerance: number;
  maxIterations: number;
}

/**
 * PageRank by power iteration: x' = α (xᵀP + Σ_{dangling} x · d) + (1 − α) t, with P the row-normalised
 * (weighted) adjacency. `inCsr` is the transpose of the graph's CSR, `outStrength` each node's total
 * out-weight (0 = dangling).
 */
export function pageRankKernel(
  inCsr: Csr,
  outStrength: Float64Array,
  options: PageRankKernelOptions,
): IterationResult {
  const n = inCsr.order;
  const { alpha, teleport, dangling, tolerance, maxIterations } = options;
  const { offsets, targets: sources, weights } = inCsr;
  let x = new Float64Array(n).fill(1 / n);
  let next = new Float64Array(n);
  const share = new Float64Array(n);
  const danglingNodes: number[] = [];
  for (let i = 0; i < n; i++) if (outStrength[i] === 0) danglingNodes.push(i);
  let change = Number.POSITIVE_INFINITY;
  let iterations = 0;
  while (iterations < maxIterations) {
    iterations++;
    let danglingMass = 0;
    for (const i of danglingNodes) danglingMass += x[i];
    for (let i = 0; i < n; i++) share[i] = outStrength[i] === 0 ? 0 : x[i] / outStrength[i];
    change = 0;
    for (let v = 0; v < n; v++) {
      let sum = 0;
      const end = offsets[v + 1];
      if (weights === null) for (let p = offsets[v]; p < end; p++) sum += share[sources[p]];
      else for (let p = offsets[v]; p < end; p++) sum += share[sources[p]] * weights[p];
      const value = alpha * (sum + danglingMass * dangling[v]) + (1 - alpha) * teleport[v];
      next[v] = value;
      change += Math.abs(value - x[v]);
    }
    const swap = x;
    x = next;
    next = swap;
    if (change < n * tolerance) return { values: x, iterations, change, converged: true };
  }
  return { values: x, iterations, change, converged: false };
}

export interface EigenvectorKernelOptions {
  tolerance: number;
  maxIterations: number;
}

/**
 * Eigenvector centrality by power iteration on A + I from the uniform vector, normalised to unit L2
 * length at each step (networkx's `eigenvector_centrality` iteration; the shift by I makes it converge
 * on bipartite graphs, where A alone oscillates). x'_v = x_v + Σ_{u→v} w_uv x_u: in-arcs, so on a
 * directed graph a node is central when central nodes point to it.
 */
export function eigenvectorKernel(inCsr: Csr, options: EigenvectorKernelOptions): IterationResult {
  const n = inCsr.order;
  const { offsets, targets: sources, weights } = inCsr;
  let x = new Float64Array(n).fill(1 / n);
  let next = new Float64Array(n);
  let change = Number.POSITIVE_INFINITY;
  let iterations = 0;
  while (iterations < options.maxIterations) {
    iterations++;
    let squares = 0;
    for (let v = 0; v < n; v++) {
      let sum = x[v];
      const end = offsets[v + 1];
      if (weights === null) for (let p = offsets[v]; p < end; p++) sum += x[sources[p]];
      else for (let p = offsets[v]; p < end; p++) sum += x[sources[p]] * weights[p];
      next[v] = sum;
      squares += sum * sum;
    }
    // Values are ≥ 0 and the uniform start is not 0, so the norm is > 0.
    const norm = Math.sqrt(squares);
    change = 0;
    for (let v = 0; v < n; v++) {
      next[v] /= norm;
      change += Math.abs(next[v] - x[v]);
    }
    const swap = x;
    x = next;
    next = swap;
    if (change < n * options.tolerance) return { values: x, iterations, change, converged: true };
  }
  return { values: x, iterations, change, converged: false };
}
