/**
 * A compact, read-only view of a graph for the hot loops: compressed sparse rows (CSR). Node i's
 * out-arcs are `targets[offsets[i] .. offsets[i + 1])`, with their weights at the same positions.
 * Built once from a graphology graph, it costs 4 bytes per node and 4 (+8 when weighted) per arc, and
 * lets kernels run on integer indices instead of string keys and per-edge objects. It is the one
 * builder of the simple graph the analytics read: the centrality kernels use it as is, the community
 * kernels (`community/csr.ts`) and the structure measures (`structure/adjacency.ts`) build on it.
 *
 * Building rules (shared by every measure, stated once here):
 * - direction: a `directed` graph gives one arc per edge; an `undirected` graph two (u→v and v→u); a
 *   `mixed` graph is read as directed when it has at least one directed edge (its undirected edges
 *   give two arcs, like `simpleView(graph, { directed: true })`) and as undirected otherwise
 *   (`readsAsDirected`). The `directed` option overrides this reading: `false` ignores directions,
 *   `true` reads every undirected edge as two arcs;
 * - parallel arcs (a multigraph, or u→v and v→u read undirected) are merged into one arc whose weight
 *   is their sum, as `simpleView` does; nodes are numbered in the graph's node order and each row
 *   lists its heads in the order their first edge is met, so results are deterministic;
 * - self-loops (`selfLoops` option): `"drop"` (default) leaves them out of the rows, since a loop lies
 *   on no shortest path and maillage's own networks have none (readers quarantine them); `"keep"`
 *   also leaves them out of the rows but sums their weight per node in `loops` (an aggregated
 *   community's internal weight is its self-loop). Either way they are counted in `selfLoops`;
 * - weights (only when `weight` names an attribute): a missing attribute (undefined or null) counts as
 *   1 (networkx's `d.get(weight, 1)`); anything other than a finite number > 0 throws an `InputError`
 *   naming the edge, since a zero or negative intensity has no meaning for these measures (drop the
 *   edge, or run unweighted). Every edge is checked, self-loops included. A caller with another rule
 *   passes `weight` as a function (the community kernels: `community/weights.ts`). Unweighted, the
 *   view has no weights: each merged arc stands for weight 1.
 */
import type { Attributes } from "graphology-types";
import { InputError } from "../../io/errors.ts";
import type { AnyGraph } from "../measure.ts";

export type { AnyGraph };

export interface Csr {
  /** Number of nodes. */
  readonly order: number;
  /** Node keys by index, in the graph's node order. */
  readonly nodes: readonly string[];
  /** Whether arcs are one-way. */
  readonly directed: boolean;
  /** Row starts, length order + 1. */
  readonly offsets: Int32Array;
  /** Arc heads, grouped by tail. */
  readonly targets: Int32Array;
  /** Arc weights (parallel edges summed), or null when the view is unweighted. */
  readonly weights: Float64Array | null;
  /** Self-loops met (left out of the rows either way). */
  readonly selfLoops: number;
  /** With `selfLoops: "keep"`, each node's summed self-loop weight (1 per loop unweighted); else null. */
  readonly loops: Float64Array | null;
}

/** An edge's weight under a caller's own rule (the edge's key, attributes and ends). */
export type EdgeWeight = (edge: string, attributes: Attributes, source: string, target: string) => number;

export interface CsrOptions {
  /** Edge attribute holding the weight (checked, see above), or a function; null or undefined = unweighted. */
  weight?: string | EdgeWeight | null;
  /** Override the direction rule above (e.g. `false` to read a directed graph as undirected). */
  directed?: boolean;
  /** `"drop"` (default) or `"keep"` self-loops' weight in `loops` (see above). */
  selfLoops?: "drop" | "keep";
}

/** Whether the direction rule reads this graph as directed. */
export function readsAsDirected(graph: AnyGraph): boolean {
  if (graph.type === "directed") return true;
  if (graph.type === "undirected") return false;
  return graph.directedSize > 0;
}

/** The weight rule above for a named attribute, as an `EdgeWeight`. */
function checkedWeight(attribute: string): EdgeWeight {
  return (edge, attributes, source, target) => {
    const value: unknown = attributes[attribute];
    if (value === undefined || value === null) return 1;
    if (typeof value !== "number" || !Number.isFinite(value) || value <= 0) {
      throw new InputError(
        `edge ${edge} (${source} -> ${target}) has ${attribute} = ${String(value)}: weighted measures need a finite weight > 0 on every edge (drop the edge or run unweighted)`,
        { field: attribute },
      );
    }
    return value;
  };
}

/** Build the CSR view of a graphology graph (see the rules in the file comment). */
export function buildCsr(graph: AnyGraph, options: CsrOptions = {}): Csr {
  const directed = options.directed ?? readsAsDirected(graph);
  const weight = options.weight ?? null;
  const weightOf = typeof weight === "string" ? checkedWeight(weight) : weight;
  const nodes = graph.nodes();
  const order = nodes.length;
  const index = new Map<string, number>();
  for (let i = 0; i < order; i++) index.set(nodes[i], i);

  const capacity = directed ? graph.directedSize + 2 * graph.undirectedSize : 2 * graph.size;
  const tails = new Int32Array(capacity);
  const heads = new Int32Array(capacity);
  const arcWeights = weightOf === null ? null : new Float64Array(capacity);
  const loops = options.selfLoops === "keep" ? new Float64Array(order) : null;
  let arcs = 0;
  let selfLoops = 0;
  // graphology yields a node's edges together: remembering the last source saves most key lookups.
  let lastSource = "";
  let u = -1;
  graph.forEachEdge((edge, attributes, source, target, _s, _t, undirected) => {
    if (source !== lastSource || u < 0) {
      lastSource = source;
      u = index.get(source) as number;
    }
    const v = index.get(target) as number;
    const w = weightOf === null ? 1 : weightOf(edge, attributes, source, target);
    if (u === v) {
      selfLoops++;
      if (loops) loops[u] += w;
      return;
    }
    tails[arcs] = u;
    heads[arcs] = v;
    if (arcWeights) arcWeights[arcs] = w;
    arcs++;
    if (undirected || !directed) {
      tails[arcs] = v;
      heads[arcs] = u;
      if (arcWeights) arcWeights[arcs] = w;
      arcs++;
    }
  });
  // Parallel arcs can only come from a multigraph, a mixed graph, or a directed graph read undirected.
  const merge = graph.multi || graph.type === "mixed" || (graph.type === "directed" && !directed);
  return csrFromArcs(
    { nodes, directed, selfLoops, loops, merge },
    tails.subarray(0, arcs),
    heads.subarray(0, arcs),
    arcWeights ? arcWeights.subarray(0, arcs) : null,
  );
}

/**
 * A CSR from an arc list (both directions already present when undirected), by a counting sort into
 * rows; with `merge`, parallel arcs are merged (weights summed). Also the fast path from an edge list
 * that never becomes a graphology graph (see bench/analytics.ts).
 */
export function csrFromArcs(
  shape: {
    nodes: readonly string[];
    directed: boolean;
    selfLoops?: number;
    loops?: Float64Array | null;
    merge?: boolean;
  },
  tails: Int32Array,
  heads: Int32Array,
  arcWeights: Float64Array | null,
): Csr {
  const order = shape.nodes.length;
  const arcs = tails.length;
  const offsets = new Int32Array(order + 1);
  for (let a = 0; a < arcs; a++) offsets[tails[a] + 1]++;
  for (let i = 0; i < order; i++) offsets[i + 1] += offsets[i];
  const cursor = offsets.slice(0, order);
  let targets = new Int32Array(arcs);
  let weights = arcWeights ? new Float64Array(arcs) : null;
  for (let a = 0; a < arcs; a++) {
    const p = cursor[tails[a]]++;
    targets[p] = heads[a];
    if (weights && arcWeights) weights[p] = arcWeights[a];
  }
  const base = {
    order,
    nodes: shape.nodes,
    directed: shape.directed,
    selfLoops: shape.selfLoops ?? 0,
    loops: shape.loops ?? null,
  };
  if (shape.merge === false) return { ...base, offsets, targets, weights };

  // Merge parallel arcs within each row: `slot[v]` is where v already sits in the current row.
  const slot = new Int32Array(order).fill(-1);
  let write = 0;
  let start = 0;
  for (let i = 0; i < order; i++) {
    const end = offsets[i + 1];
    const rowStart = write;
    for (let p = start; p < end; p++) {
      const v = targets[p];
      if (slot[v] >= rowStart) {
        if (weights) weights[slot[v]] += weights[p];
        continue;
      }
      slot[v] = write;
      targets[write] = v;
      if (weights) weights[write] = weights[p];
      write++;
    }
    start = end;
    offsets[i + 1] = write;
  }
  if (write < arcs) {
    targets = targets.slice(0, write);
    if (weights) weights = weights.slice(0, write);
  }
  return { ...base, offsets, targets, weights };
}

/**
 * The CSR of the reversed graph (in-arcs as rows): what incoming-distance measures and "pull" kernels
 * read. An undirected CSR is its own transpose.
 */
export function transposeCsr(csr: Csr): Csr {
  if (!csr.directed) return csr;
  const { order, offsets, targets, weights } = csr;
  const arcs = targets.length;
  const inOffsets = new Int32Array(order + 1);
  for (let a = 0; a < arcs; a++) inOffsets[targets[a] + 1]++;
  for (let i = 0; i < order; i++) inOffsets[i + 1] += inOffsets[i];
  const cursor = inOffsets.slice(0, order);
  const sources = new Int32Array(arcs);
  const inWeights = weights ? new Float64Array(arcs) : null;
  for (let u = 0; u < order; u++) {
    for (let p = offsets[u]; p < offsets[u + 1]; p++) {
      const q = cursor[targets[p]]++;
      sources[q] = u;
      if (inWeights && weights) inWeights[q] = weights[p];
    }
  }
  return { ...csr, offsets: inOffsets, targets: sources, weights: inWeights };
}

/** Number of edges the CSR stands for (an undirected edge is two arcs). */
export function edgeCount(csr: Csr): number {
  return csr.directed ? csr.targets.length : csr.targets.length / 2;
}

/** Per-node values as a plain record keyed by node (what every per-node measure returns). */
export function toRecord<T>(csr: Pick<Csr, "nodes">, values: ArrayLike<T>): Record<string, T> {
  const out: Record<string, T> = {};
  const { nodes } = csr;
  for (let i = 0; i < nodes.length; i++) {
    const key = nodes[i];
    // A node called "__proto__" must become a key, not the record's prototype.
    if (key === "__proto__") Object.defineProperty(out, key, { value: values[i], enumerable: true });
    else out[key] = values[i];
  }
  return out;
}
