/**
 * Leiden community detection for modularity (Traag, Waltman & van Eck 2019, "From Louvain to Leiden:
 * guaranteeing well-connected communities"). Each round:
 * 1. fast local moving: a queue of nodes (seeded random order); a node moves to the neighbouring (or
 *    an empty) community with the largest modularity gain, and its neighbours outside that community
 *    go back in the queue;
 * 2. refinement: inside each community S, start from singletons; a node v that is well connected to S
 *    (E(v, S − v) ≥ γ k_v (K_S − k_v) / 2m) and still alone joins a well-connected sub-community C of S
 *    (E(C, S − C) ≥ γ K_C (K_S − K_C) / 2m) chosen at random with probability ∝ exp(ΔH / θ) among the
 *    moves with ΔH = w(v, C) − γ k_v K_C / 2m ≥ 0 (θ = `randomness`);
 * 3. aggregation on the refined partition, the aggregate starting from the unrefined communities
 *    (if refinement merged nothing, aggregation uses the unrefined partition, as igraph does).
 * Rounds stop when local moving leaves every node of the current level alone. `iterations` repeats the
 * whole algorithm from its own result (igraph's `n_iterations`, default 2; a negative value runs until
 * the partition no longer changes). Communities come out connected (the paper's guarantee: the
 * refinement only merges along edges inside a community; checked in tests). Undirected graphs only (weights ≥ 0); compare with igraph's
 * `community_leiden(objective_function="modularity")` (test/fixtures/community). Ids are canonical
 * (by size, then first member), same seed → same output.
 */
import type Graph from "graphology";
import { createRng, type Rng } from "../../random/index.ts";
import { aggregate, buildCommunityCsr, type CommunityCsr, NeighbourCommunities } from "./csr.ts";
import type { LouvainResult } from "./louvain.ts";
import { modularity } from "./modularity.ts";
import { canonicalPartition, communityCount, type Partition } from "./partition.ts";
import type { WeightOption } from "./weights.ts";

export interface LeidenOptions {
  /** Resolution γ. Default 1. */
  resolution?: number;
  /** Seed; default 0. */
  seed?: string | number;
  /** Edge weight attribute, or null. Default `"weight"` (missing = 1). */
  weight?: WeightOption;
  /** Randomness θ of the refinement. Default 0.01 (as igraph and leidenalg). */
  randomness?: number;
  /** Runs of the whole algorithm, each from the previous result; < 0: until stable. Default 2. */
  iterations?: number;
  /** Node attribute written by `leiden.assign`. Default `"community"`. */
  attribute?: string;
}

function shuffled(n: number, rng: Rng): Int32Array {
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const t = order[i];
    order[i] = order[j];
    order[j] = t;
  }
  return order;
}

/** Queue-based local moving; `comm` (ids < n) is updated in place. */
function fastLocalMove(g: CommunityCsr, comm: Int32Array, gamma: number, rng: Rng): void {
  const { n, offsets, targets, degree, m2 } = g;
  const tot = new Float64Array(n);
  const size = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    tot[comm[i]] += degree[i];
    size[comm[i]]++;
  }
  const empty: number[] = [];
  for (let c = n - 1; c >= 0; c--) if (size[c] === 0) empty.push(c);
  const queue = new Int32Array(n);
  const queued = new Uint8Array(n).fill(1);
  queue.set(shuffled(n, rng));
  let head = 0;
  let length = n;
  const neighbours = new NeighbourCommunities(n);
  while (length > 0) {
    const v = queue[head];
    head = (head + 1) % n;
    length--;
    queued[v] = 0;
    const cv = comm[v];
    const kv = degree[v];
    neighbours.collect(g, comm, v);
    tot[cv] -= kv;
    size[cv]--;
    const chosen = neighbours.best((gamma * kv) / m2, tot);
    let best = chosen.community;
    const bestValue = chosen.value;
    // An empty community is worth 0; only worth taking when v's own community now is (a negative stay).
    if (bestValue < -1e-12 && size[cv] > 0 && empty.length > 0) best = empty.pop() as number;
    tot[best] += kv;
    size[best]++;
    comm[v] = best;
    if (best === cv) continue;
    if (size[cv] === 0) empty.push(cv);
    for (let e = offsets[v]; e < offsets[v + 1]; e++) {
      const u = targets[e];
      if (!queued[u] && comm[u] !== best) {
        queued[u] = 1;
        queue[(head + length) % n] = u;
        length++;
      }
    }
  }
}

/** The refined partition (ids < n): well-connected sub-communities of each community of `comm`. */
function refine(g: CommunityCsr, comm: Int32Array, gamma: number, theta: number, rng: Rng): Int32Array {
  const { n, offsets, targets, weights, degree, m2 } = g;
  const refined = new Int32Array(n);
  const clusterSize = new Int32Array(n).fill(1);
  const clusterTot = Float64Array.from(degree);
  const clusterExt = new Float64Array(n);
  const extV = new Float64Array(n);
  const totS = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    refined[i] = i;
    totS[comm[i]] += degree[i];
    for (let e = offsets[i]; e < offsets[i + 1]; e++) if (comm[targets[e]] === comm[i]) extV[i] += weights[e];
    clusterExt[i] = extV[i];
  }
  const neigh = new Float64Array(n);
  const stamp = new Int32Array(n).fill(-1);
  const touched = new Int32Array(n);
  const gains = new Float64Array(n);
  const order = shuffled(n, rng);
  for (let p = 0; p < n; p++) {
    const v = order[p];
    const own = refined[v];
    if (clusterSize[own] !== 1) continue;
    const s = comm[v];
    const kv = degree[v];
    if (extV[v] < (gamma * kv * (totS[s] - kv)) / m2) continue;
    let nt = 0;
    for (let e = offsets[v]; e < offsets[v + 1]; e++) {
      const u = targets[e];
      if (comm[u] !== s) continue;
      const c = refined[u];
      if (c === own) continue;
      if (stamp[c] !== p) {
        stamp[c] = p;
        neigh[c] = 0;
        touched[nt++] = c;
      }
      neigh[c] += weights[e];
    }
    // Candidates: v's own singleton (gain 0) and well-connected clusters with a gain ≥ 0.
    let maxGain = 0;
    let kept = 0;
    for (let q = 0; q < nt; q++) {
      const c = touched[q];
      if (clusterExt[c] < (gamma * clusterTot[c] * (totS[s] - clusterTot[c])) / m2) continue;
      const gain = neigh[c] - (gamma * kv * clusterTot[c]) / m2;
      if (gain < 0) continue;
      touched[kept] = c;
      gains[kept++] = gain;
      if (gain > maxGain) maxGain = gain;
    }
    if (kept === 0) continue;
    let total = Math.exp(-maxGain / theta);
    for (let q = 0; q < kept; q++) total += Math.exp((gains[q] - maxGain) / theta);
    let r = rng() * total - Math.exp(-maxGain / theta);
    if (r < 0) continue;
    let chosen = touched[kept - 1];
    for (let q = 0; q < kept; q++) {
      r -= Math.exp((gains[q] - maxGain) / theta);
      if (r < 0) {
        chosen = touched[q];
        break;
      }
    }
    refined[v] = chosen;
    clusterSize[own] = 0;
    clusterSize[chosen]++;
    clusterTot[chosen] += kv;
    clusterExt[chosen] += extV[v] - 2 * neigh[chosen];
  }
  return refined;
}

/** Distinct ids → 0..k-1 in first-seen order; returns k. */
function densify(ids: Int32Array): number {
  const map = new Map<number, number>();
  for (let i = 0; i < ids.length; i++) {
    let d = map.get(ids[i]);
    if (d === undefined) {
      d = map.size;
      map.set(ids[i], d);
    }
    ids[i] = d;
  }
  return map.size;
}

function leidenOnce(
  base: CommunityCsr,
  start: Int32Array,
  gamma: number,
  theta: number,
  rng: Rng,
): Int32Array {
  let g = base;
  let comm = Int32Array.from(start);
  densify(comm);
  const top = new Int32Array(base.n);
  for (let i = 0; i < base.n; i++) top[i] = i;
  for (;;) {
    fastLocalMove(g, comm, gamma, rng);
    const k = densify(comm);
    if (k === g.n) break;
    let refined = refine(g, comm, gamma, theta, rng);
    const merged = densify(refined) < g.n;
    if (!merged) refined = comm;
    const { agg, index } = aggregate(g, refined);
    const next = new Int32Array(agg.n);
    for (let i = 0; i < g.n; i++) next[index[refined[i]]] = comm[i];
    for (let i = 0; i < base.n; i++) top[i] = index[refined[top[i]]];
    g = agg;
    comm = next;
  }
  const out = new Int32Array(base.n);
  for (let i = 0; i < base.n; i++) out[i] = comm[top[i]];
  return out;
}

function detect(graph: Graph, options: LeidenOptions = {}): LouvainResult {
  if (graph.type !== "undirected" && graph.directedSize > 0) {
    throw new TypeError("leiden runs on undirected graphs: use simpleView(network) or an undirected graph");
  }
  const resolution = options.resolution ?? 1;
  const seed = options.seed ?? 0;
  const theta = options.randomness ?? 0.01;
  const iterations = options.iterations ?? 2;
  const { csr, order } = buildCommunityCsr(graph, options.weight);
  let comm: Int32Array = new Int32Array(csr.n);
  for (let i = 0; i < csr.n; i++) comm[i] = i;
  if (csr.m2 > 0) {
    const rng = createRng(`${seed}/leiden`);
    for (let it = 0; iterations < 0 || it < iterations; it++) {
      const next = leidenOnce(csr, comm, resolution, theta, rng);
      const same = next.every((c, i) => c === comm[i]);
      comm = next;
      if (same && it > 0) break;
      if (iterations < 0 && it > 1000) break;
    }
  }
  const labels: Partition = {};
  order.forEach((node, i) => {
    labels[node] = comm[i];
  });
  const communities = canonicalPartition(order, labels);
  return {
    communities,
    modularity: csr.m2 > 0 ? modularity(graph, communities, { weight: options.weight, resolution }) : null,
    count: communityCount(communities),
    resolution,
    seed,
  };
}

/** Leiden communities; `leiden.assign(graph, options)` writes them to a node attribute. */
export const leiden = Object.assign(detect, {
  assign(graph: Graph, options: LeidenOptions = {}): LouvainResult {
    const result = detect(graph, options);
    const attribute = options.attribute ?? "community";
    for (const [node, c] of Object.entries(result.communities)) graph.setNodeAttribute(node, attribute, c);
    return result;
  },
});
