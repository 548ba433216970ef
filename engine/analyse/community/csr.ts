/**
 * The compact view the community kernels (local moving, aggregation) run on: the undirected weighted
 * CSR of `kernels/csr.ts` (its building rules: directions ignored, parallel edges merged with summed
 * weights, nodes in graph order) with self-loops kept apart in `self` (an aggregated community's
 * internal weight is its self-loop), plus the weighted degrees modularity needs. Weights follow the
 * community rule of `weights.ts`.
 */
import type Graph from "graphology";
import { buildCsr } from "../kernels/csr.ts";
import { type WeightOption, weightReader } from "./weights.ts";

export interface CommunityCsr {
  n: number;
  offsets: Int32Array;
  targets: Int32Array;
  weights: Float64Array;
  /** Weight of the self-loop on each node (internal weight of an aggregated community). */
  self: Float64Array;
  /** Weighted degree, self-loops counted twice. */
  degree: Float64Array;
  /** Twice the total edge weight. */
  m2: number;
}

export function buildCommunityCsr(
  graph: Graph,
  weight: WeightOption,
): { csr: CommunityCsr; order: string[] } {
  const view = buildCsr(graph, { directed: false, weight: weightReader(weight), selfLoops: "keep" });
  const { order: n, offsets, targets } = view;
  const weights = view.weights as Float64Array;
  const self = view.loops as Float64Array;
  const degree = new Float64Array(n);
  let m2 = 0;
  for (let i = 0; i < n; i++) {
    let d = 2 * self[i];
    for (let e = offsets[i]; e < offsets[i + 1]; e++) d += weights[e];
    degree[i] = d;
    m2 += d;
  }
  return { csr: { n, offsets, targets, weights, self, degree, m2 }, order: view.nodes as string[] };
}

/** The graph of communities: one node per non-empty community, internal weight as a self-loop. */
export function aggregate(g: CommunityCsr, comm: Int32Array): { agg: CommunityCsr; index: Int32Array } {
  const { n, offsets, targets, weights, self, degree } = g;
  const index = new Int32Array(n).fill(-1);
  let k = 0;
  for (let i = 0; i < n; i++) if (index[comm[i]] === -1) index[comm[i]] = k++;
  const start = new Int32Array(k + 1);
  for (let i = 0; i < n; i++) start[index[comm[i]] + 1]++;
  for (let c = 0; c < k; c++) start[c + 1] += start[c];
  const members = new Int32Array(n);
  const fill = Int32Array.from(start.subarray(0, k));
  for (let i = 0; i < n; i++) members[fill[index[comm[i]]]++] = i;
  const aggSelf = new Float64Array(k);
  const aggDegree = new Float64Array(k);
  const acc = new Float64Array(k);
  const stamp = new Int32Array(k).fill(-1);
  const touched = new Int32Array(k);
  const outTargets: number[] = [];
  const outWeights: number[] = [];
  const aggOffsets = new Int32Array(k + 1);
  for (let c = 0; c < k; c++) {
    let nt = 0;
    for (let p = start[c]; p < start[c + 1]; p++) {
      const i = members[p];
      aggSelf[c] += self[i];
      aggDegree[c] += degree[i];
      for (let e = offsets[i]; e < offsets[i + 1]; e++) {
        const d = index[comm[targets[e]]];
        // Each internal edge is seen from both ends: half its weight each time.
        if (d === c) aggSelf[c] += weights[e] / 2;
        else {
          if (stamp[d] !== c) {
            stamp[d] = c;
            acc[d] = 0;
            touched[nt++] = d;
          }
          acc[d] += weights[e];
        }
      }
    }
    for (let q = 0; q < nt; q++) {
      outTargets.push(touched[q]);
      outWeights.push(acc[touched[q]]);
    }
    aggOffsets[c + 1] = outTargets.length;
  }
  const agg: CommunityCsr = {
    n: k,
    offsets: aggOffsets,
    targets: Int32Array.from(outTargets),
    weights: Float64Array.from(outWeights),
    self: aggSelf,
    degree: aggDegree,
    m2: g.m2,
  };
  return { agg, index };
}

/**
 * The weight from one node to each community among its neighbours, the node's own community first:
 * the inner step of local moving (Louvain refinement and Leiden). Buffers are reused across visits; a
 * visit counter marks which entries are current, so nothing stale survives from an earlier visit.
 */
export class NeighbourCommunities {
  /** Weight to each community touched in the current visit (valid for `touched[0..count)`). */
  readonly weight: Float64Array;
  /** The communities touched, `touched[0]` the node's own. */
  readonly touched: Int32Array;
  count = 0;
  private readonly stamp: Int32Array;
  private visit = 0;

  constructor(n: number) {
    this.weight = new Float64Array(n);
    this.touched = new Int32Array(n + 1);
    this.stamp = new Int32Array(n).fill(-1);
  }

  /** Collect the weights from node `v` to the communities of `comm`. */
  collect(g: CommunityCsr, comm: Int32Array, v: number): void {
    const { offsets, targets, weights } = g;
    const { weight, touched, stamp } = this;
    const visit = ++this.visit;
    const home = comm[v];
    let count = 0;
    stamp[home] = visit;
    weight[home] = 0;
    touched[count++] = home;
    for (let e = offsets[v]; e < offsets[v + 1]; e++) {
      const c = comm[targets[e]];
      if (stamp[c] !== visit) {
        stamp[c] = visit;
        weight[c] = 0;
        touched[count++] = c;
      }
      weight[c] += weights[e];
    }
    this.count = count;
  }

  /**
   * The touched community with the highest value weight[c] − scale · tot[c], the node's own first and
   * kept unless another beats it by more than 1e-12 (so ties do not move nodes back and forth).
   */
  best(scale: number, tot: Float64Array): { community: number; value: number; stay: number } {
    const { weight, touched, count } = this;
    const home = touched[0];
    const stay = weight[home] - scale * tot[home];
    let community = home;
    let value = stay;
    for (let q = 1; q < count; q++) {
      const c = touched[q];
      const v = weight[c] - scale * tot[c];
      if (v > value + 1e-12) {
        community = c;
        value = v;
      }
    }
    return { community, value, stay };
  }
}
