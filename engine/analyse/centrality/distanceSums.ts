/**
 * For each node, the shortest-path distances from every other node to it (incoming distances: the
 * search runs on the reversed graph), folded into the two sums closeness and harmonic closeness need.
 */
import { type Csr, transposeCsr } from "../kernels/csr.ts";
import { arcLengths, bfsFrom, dijkstraFrom, pathWorkspace } from "../kernels/shortestPaths.ts";

export interface DistanceSums {
  /** Σ d(v, u) over the nodes v ≠ u that reach u. */
  total: Float64Array;
  /** Σ 1 / d(v, u) over the same nodes. */
  inverse: Float64Array;
  /** Number of nodes v ≠ u that reach u. */
  reached: Int32Array;
}

export function incomingDistanceSums(csr: Csr, distance: "inverse" | "weight" | null): DistanceSums {
  const reversed = transposeCsr(csr);
  const lengths = distance === null ? null : arcLengths(reversed, distance);
  const n = csr.order;
  const ws = pathWorkspace(reversed, lengths !== null);
  const total = new Float64Array(n);
  const inverse = new Float64Array(n);
  const reached = new Int32Array(n);
  for (let u = 0; u < n; u++) {
    if (lengths === null) bfsFrom(reversed, u, ws, false);
    else dijkstraFrom(reversed, lengths, u, ws, false);
    let sum = 0;
    let inv = 0;
    // order[0] is u itself, at distance 0.
    for (let i = 1; i < ws.reached; i++) {
      const d = ws.dist[ws.order[i]];
      sum += d;
      inv += 1 / d;
    }
    total[u] = sum;
    inverse[u] = inv;
    reached[u] = ws.reached - 1;
  }
  return { total, inverse, reached };
}
