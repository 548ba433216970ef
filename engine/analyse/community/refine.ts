/**
 * Vertex-level refinement of a partition for modularity (the multilevel refinement of Rotta & Noack
 * 2011, applied to a Louvain result): starting from the given partition, (1) move single nodes to the
 * neighbouring community with the largest modularity gain until a sweep gains less than `tolerance`;
 * (2) merge whole communities the same way on the aggregated graph, level after level; repeat (1)-(2)
 * until neither moves anything. Every move strictly raises modularity, so the result is never worse
 * than the input. Undirected graphs only; works on a compact CSR copy (typed arrays) for speed.
 * Node order within a sweep is a seeded shuffle: same input and seed, same output.
 */
import type Graph from "graphology";
import { createRng, type Rng } from "../../random/index.ts";
import { aggregate, buildCommunityCsr, type CommunityCsr, NeighbourCommunities } from "./csr.ts";
import type { Labelling, Partition } from "./partition.ts";
import type { WeightOption } from "./weights.ts";

/** Local moving of single nodes; `comm` holds ids < n and is updated in place. Returns whether anything moved. */
function localMove(g: CommunityCsr, comm: Int32Array, gamma: number, rng: Rng, tolerance: number): boolean {
  const { n, degree, m2 } = g;
  const tot = new Float64Array(n);
  for (let i = 0; i < n; i++) tot[comm[i]] += degree[i];
  const neighbours = new NeighbourCommunities(n);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  let movedAny = false;
  for (let sweep = 0; sweep < 1000; sweep++) {
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(rng() * (i + 1));
      const t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    let gain = 0;
    for (let p = 0; p < n; p++) {
      const i = order[p];
      const ci = comm[i];
      const ki = degree[i];
      neighbours.collect(g, comm, i);
      tot[ci] -= ki;
      const { community: best, value: bestValue, stay } = neighbours.best((gamma * ki) / m2, tot);
      tot[best] += ki;
      if (best !== ci) {
        comm[i] = best;
        movedAny = true;
        gain += (2 * (bestValue - stay)) / m2;
      }
    }
    if (gain < tolerance) break;
  }
  return movedAny;
}

export interface RefineOptions {
  resolution?: number;
  weight?: WeightOption;
  seed?: string | number;
  /** Stop a round of sweeps when it raises modularity by less than this. Default 1e-7. */
  tolerance?: number;
}

/** Refine `initial` (a partition of every node of the undirected `graph`); returns a new partition. */
export function refineModularity(graph: Graph, initial: Labelling, options: RefineOptions = {}): Partition {
  const gamma = options.resolution ?? 1;
  const tolerance = options.tolerance ?? 1e-7;
  const rng = createRng(`${options.seed ?? 0}/refine`);
  const { csr, order } = buildCommunityCsr(graph, options.weight);
  const out: Partition = {};
  if (csr.m2 === 0) {
    for (const node of order) out[node] = initial[node] as number;
    return out;
  }
  const labelIds = new Map<number | string, number>();
  const top = new Int32Array(csr.n);
  order.forEach((node, i) => {
    const label = initial[node];
    if (label === undefined) throw new RangeError(`partition has no community for node "${node}"`);
    let id = labelIds.get(label);
    if (id === undefined) {
      id = labelIds.size;
      labelIds.set(label, id);
    }
    top[i] = id;
  });
  for (let round = 0; round < 50; round++) {
    const movedNodes = localMove(csr, top, gamma, rng, tolerance);
    let { agg, index } = aggregate(csr, top);
    for (let i = 0; i < csr.n; i++) top[i] = index[top[i]];
    let merged = false;
    for (;;) {
      const comm = new Int32Array(agg.n);
      for (let c = 0; c < agg.n; c++) comm[c] = c;
      if (!localMove(agg, comm, gamma, rng, tolerance)) break;
      merged = true;
      const next = aggregate(agg, comm);
      for (let i = 0; i < csr.n; i++) top[i] = next.index[comm[top[i]]];
      agg = next.agg;
    }
    if (!movedNodes && !merged) break;
  }
  order.forEach((node, i) => {
    out[node] = top[i];
  });
  return out;
}
