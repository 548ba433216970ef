/**
 * Brandes' accumulation (Brandes 2001, "A faster algorithm for betweenness centrality", J. Math.
 * Sociol. 25(2)): after a single-source shortest-path search from s, walk the settle order backwards
 * and push each node's dependency δ_s(w) onto its shortest-path predecessors v:
 * δ_s(v) += σ_sv / σ_sw · (1 + δ_s(w)). Predecessors are not stored: an arc v→w is a predecessor arc
 * when it lies on a shortest path (hop distance + 1, or the tie predicate of `shortestPaths.ts`), which
 * keeps memory at O(n) per run.
 */
import type { Csr } from "./csr.ts";
import { bfsFrom, dijkstraFrom, onShortestPath, type PathWorkspace, pathWorkspace } from "./shortestPaths.ts";

export interface BrandesRunner {
  /** Add δ_s(v) for every v ≠ s into `into` (raw sums over ordered pairs, not halved). */
  accumulateFrom(source: number, into: Float64Array): void;
}

/** A runner with its workspace; `lengths` null = unweighted (BFS). */
export function brandesRunner(csr: Csr, lengths: Float64Array | null): BrandesRunner {
  const ws: PathWorkspace = pathWorkspace(csr, lengths !== null);
  const delta = new Float64Array(csr.order);
  const { offsets, targets } = csr;
  return {
    accumulateFrom(source, into) {
      if (lengths === null) bfsFrom(csr, source, ws);
      else dijkstraFrom(csr, lengths, source, ws);
      const { dist, sigma, order } = ws;
      for (let i = ws.reached - 1; i >= 0; i--) {
        const v = order[i];
        const dv = dist[v];
        let sum = 0;
        for (let p = offsets[v], end = offsets[v + 1]; p < end; p++) {
          const w = targets[p];
          const onPath = lengths === null ? dist[w] === dv + 1 : onShortestPath(dv, lengths[p], dist[w]);
          if (onPath) sum += (1 + delta[w]) / sigma[w];
        }
        delta[v] = sigma[v] * sum;
        if (v !== source) into[v] += delta[v];
      }
      // delta is rewritten before it is read for every reached node, so no reset is needed.
    },
  };
}
