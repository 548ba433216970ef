/**
 * Single-source shortest paths on a CSR: breadth-first search when every arc has length 1, Dijkstra
 * otherwise. Both fill a reusable workspace (no allocation per source) with the distances, the number
 * of shortest paths (sigma) and the settle order, which is what Brandes' accumulation and the
 * closeness sums read.
 *
 * Ties between path lengths are decided with a relative tolerance (`TIE_TOLERANCE`): with lengths
 * 1/w, 1/3 + 1/3 + 1/3 and 1 are the same length although their floating-point sums differ. An arc
 * v→w is on a shortest path when |dist[v] + len(v,w) − dist[w]| ≤ TIE_TOLERANCE · dist[w]; sigma and
 * the accumulation use that same predicate, so they agree with each other. igraph does the same
 * (relative epsilon 1e-10); networkx compares exactly and can mis-split ties.
 */
import type { Csr } from "./csr.ts";
import { IndexedMinHeap } from "./heap.ts";

/** Relative tolerance under which two path lengths are taken as equal. */
export const TIE_TOLERANCE = 1e-10;

export interface PathWorkspace {
  /** Distance from the source; Infinity when unreached. */
  readonly dist: Float64Array;
  /** Number of shortest paths from the source (float: it overflows int32 on large graphs). */
  readonly sigma: Float64Array;
  /** Reached nodes in settle order (non-decreasing distance); `reached` of them are valid. */
  readonly order: Int32Array;
  reached: number;
  readonly heap: IndexedMinHeap | null;
}

export function pathWorkspace(csr: Csr, weighted: boolean): PathWorkspace {
  const n = csr.order;
  return {
    dist: new Float64Array(n).fill(Number.POSITIVE_INFINITY),
    sigma: new Float64Array(n),
    order: new Int32Array(n),
    reached: 0,
    heap: weighted ? new IndexedMinHeap(n) : null,
  };
}

/** Reset what the previous source touched (only the reached nodes). */
function reset(ws: PathWorkspace): void {
  const { dist, sigma, order } = ws;
  for (let i = 0; i < ws.reached; i++) {
    const v = order[i];
    dist[v] = Number.POSITIVE_INFINITY;
    sigma[v] = 0;
  }
  ws.reached = 0;
}

/** Breadth-first search from `source`: hop distances, path counts, settle order. */
export function bfsFrom(csr: Csr, source: number, ws: PathWorkspace, countPaths = true): void {
  reset(ws);
  const { offsets, targets } = csr;
  const { dist, sigma, order } = ws;
  dist[source] = 0;
  sigma[source] = 1;
  order[0] = source;
  let head = 0;
  let tail = 1;
  while (head < tail) {
    const v = order[head++];
    const next = dist[v] + 1;
    const sv = sigma[v];
    for (let p = offsets[v], end = offsets[v + 1]; p < end; p++) {
      const w = targets[p];
      const dw = dist[w];
      if (dw === Number.POSITIVE_INFINITY) {
        dist[w] = next;
        sigma[w] = sv;
        order[tail++] = w;
      } else if (countPaths && dw === next) {
        sigma[w] += sv;
      }
    }
  }
  ws.reached = tail;
}

/** Whether arc v→w (length `len`) lies on a shortest path, given final distances. */
export function onShortestPath(dv: number, len: number, dw: number): boolean {
  return Math.abs(dv + len - dw) <= TIE_TOLERANCE * dw;
}

/**
 * Dijkstra from `source` with arc lengths `lengths` (parallel to `csr.targets`, all > 0): distances
 * and settle order; then, when `countPaths`, sigma in a forward pass over the settle order with the
 * tie predicate (every shortest-path predecessor of w settles before w because lengths are > 0).
 */
export function dijkstraFrom(
  csr: Csr,
  lengths: Float64Array,
  source: number,
  ws: PathWorkspace,
  countPaths = true,
): void {
  reset(ws);
  const { offsets, targets } = csr;
  const { dist, sigma, order } = ws;
  const heap = ws.heap as IndexedMinHeap;
  heap.clear();
  dist[source] = 0;
  heap.push(source, 0);
  let reached = 0;
  while (heap.size > 0) {
    const v = heap.pop();
    order[reached++] = v;
    const dv = dist[v];
    for (let p = offsets[v], end = offsets[v + 1]; p < end; p++) {
      const w = targets[p];
      const alt = dv + lengths[p];
      if (alt < dist[w]) {
        dist[w] = alt;
        heap.push(w, alt);
      }
    }
  }
  ws.reached = reached;
  if (!countPaths) return;
  sigma[source] = 1;
  for (let i = 0; i < reached; i++) {
    const v = order[i];
    const dv = dist[v];
    const sv = sigma[v];
    for (let p = offsets[v], end = offsets[v + 1]; p < end; p++) {
      const w = targets[p];
      if (w !== source && onShortestPath(dv, lengths[p], dist[w])) sigma[w] += sv;
    }
  }
}

/** Arc lengths from weights: 1/w (`inverse`, the default of path measures) or w itself (`weight`). */
export function arcLengths(csr: Csr, distance: "inverse" | "weight"): Float64Array {
  const weights = csr.weights as Float64Array;
  const out = new Float64Array(weights.length);
  for (let p = 0; p < weights.length; p++) out[p] = distance === "inverse" ? 1 / weights[p] : weights[p];
  return out;
}
