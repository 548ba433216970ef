/**
 * The simple graph every structure measure reads, as one weighted adjacency map per node (the
 * measures look pairs up): the CSR view of `kernels/csr.ts` turned into maps, so the building rules
 * are that file's (parallel links one edge with summed weights, self-loops dropped and counted in
 * `selfLoops`, isolated nodes kept, node order the graph's, the weight check and its `InputError`).
 * Two choices are the structure measures' own:
 * - direction: read when asked (`directed: true`) or when the graph's type is `directed`; a mixed graph
 *   is read undirected unless `directed: true` is passed (where the kernels' default reads it directed
 *   when it has a directed edge). In a directed reading an undirected link counts in both directions;
 * - unweighted (`weight: null`, the default of every measure): each collapsed edge weighs 1.
 */
import { type AnyGraph, buildCsr, type Csr, toRecord, transposeCsr } from "../kernels/csr.ts";

export type { AnyGraph };

export interface AdjacencyOptions {
  /** Read link directions. Default: true for a graph of type `directed`, false otherwise (mixed included). */
  directed?: boolean;
  /** Edge attribute holding the weight, or null for unweighted (every collapsed edge weighs 1). Default null. */
  weight?: string | null;
}

export interface Adjacency {
  ids: string[];
  index: Map<string, number>;
  directed: boolean;
  weighted: boolean;
  /** out[u]: target → summed weight. In an undirected reading `out` and `in` are the same arrays. */
  out: Array<Map<number, number>>;
  in: Array<Map<number, number>>;
  /** Self-loops dropped. */
  selfLoops: number;
}

/** One map per row of a CSR: head → weight (1 when unweighted). */
function rowMaps(csr: Csr): Array<Map<number, number>> {
  const { order, offsets, targets, weights } = csr;
  const maps = new Array<Map<number, number>>(order);
  for (let u = 0; u < order; u++) {
    const m = new Map<number, number>();
    for (let p = offsets[u]; p < offsets[u + 1]; p++) m.set(targets[p], weights ? weights[p] : 1);
    maps[u] = m;
  }
  return maps;
}

export function buildAdjacency(graph: AnyGraph, options: AdjacencyOptions = {}): Adjacency {
  const directed = options.directed ?? graph.type === "directed";
  const weight = options.weight ?? null;
  const csr = buildCsr(graph, { directed, weight });
  const ids = csr.nodes as string[];
  const index = new Map<string, number>();
  for (let i = 0; i < ids.length; i++) index.set(ids[i], i);
  const out = rowMaps(csr);
  const inn = directed ? rowMaps(transposeCsr(csr)) : out;
  return { ids, index, directed, weighted: weight !== null, out, in: inn, selfLoops: csr.selfLoops };
}

/** Distinct neighbours of u in either direction (u excluded). */
export function neighbourSet(adj: Adjacency, u: number): Set<number> {
  const set = new Set<number>(adj.out[u].keys());
  if (adj.directed) for (const v of adj.in[u].keys()) set.add(v);
  return set;
}

/** Node-keyed record from an array indexed like `adj.ids` (`toRecord` of `kernels/csr.ts`). */
export function byNode<T>(adj: Adjacency, values: ArrayLike<T>): Record<string, T> {
  return toRecord({ nodes: adj.ids }, values);
}
