/**
 * Degree and strength.
 *
 * - degree of v: the number of distinct neighbours (an undirected graph), or of arcs into (`in`), out
 *   of (`out`) or both (`all` = in + out, as networkx's `DiGraph.degree`) v on a directed graph;
 * - strength of v: the same sums over edge weights (networkx `G.degree(weight="weight")`, Barrat et al.
 *   2004).
 * Parallel edges count once in the degree and add up in the strength (the CSR rules of
 * `kernels/csr.ts`, as `simpleView`); self-loops are ignored (networkx would count a loop twice in an
 * undirected degree). An isolate has degree and strength 0. `in`/`out` on an undirected graph equal `all`.
 * `normalized: true` divides by n − 1 (networkx `degree_centrality`, `in_degree_centrality`…; a
 * one-node graph gets 1 like networkx). Written here on the CSR rather than taken from
 * graphology-metrics, whose degree centrality is always normalised and counts parallel edges and loops.
 */
import { type Csr, toRecord, transposeCsr } from "../kernels/csr.ts";
import { csrOf, type NodeMeasure, nodeMeasure, type WeightOptions } from "./options.ts";

export type DegreeMode = "all" | "in" | "out";

export interface DegreeOptions {
  /** A prebuilt unweighted CSR of this graph (see `WeightOptions.csr`). */
  csr?: Csr;
  /** Which arcs count on a directed graph. Default `all`. */
  mode?: DegreeMode;
  /** Divide by n − 1. Default false: the raw count. */
  normalized?: boolean;
}

export interface StrengthOptions extends WeightOptions {
  /** Which arcs count on a directed graph. Default `all`. */
  mode?: DegreeMode;
}

function rowSums(csr: Csr, weighted: boolean): Float64Array {
  const out = new Float64Array(csr.order);
  const { offsets, weights } = csr;
  for (let v = 0; v < csr.order; v++) {
    if (!weighted || weights === null) out[v] = offsets[v + 1] - offsets[v];
    else for (let p = offsets[v]; p < offsets[v + 1]; p++) out[v] += weights[p];
  }
  return out;
}

function byMode(csr: Csr, mode: DegreeMode, weighted: boolean): Float64Array {
  if (!csr.directed) return rowSums(csr, weighted);
  const out = mode === "in" ? null : rowSums(csr, weighted);
  const inSums = mode === "out" ? null : rowSums(transposeCsr(csr), weighted);
  if (out === null) return inSums as Float64Array;
  if (inSums !== null) for (let v = 0; v < csr.order; v++) out[v] += inSums[v];
  return out;
}

export const degreeCentrality: NodeMeasure<DegreeOptions> = nodeMeasure((graph, options = {}) => {
  const csr = csrOf(graph, null, options.csr);
  const values = byMode(csr, options.mode ?? "all", false);
  if (options.normalized) {
    const n = csr.order;
    for (let v = 0; v < n; v++) values[v] = n <= 1 ? 1 : values[v] / (n - 1);
  }
  return toRecord(csr, values);
}, "degree");

/** Strength; with `weight` null it equals the raw degree. Default `weight: "weight"`. */
export const strengthCentrality: NodeMeasure<StrengthOptions> = nodeMeasure((graph, options = {}) => {
  const weight = options.weight === undefined ? "weight" : options.weight;
  const csr = csrOf(graph, weight, options.csr);
  return toRecord(csr, byMode(csr, options.mode ?? "all", weight !== null));
}, "strength");
