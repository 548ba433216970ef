/**
 * The simple graph every structure measure reads: one weighted adjacency per node, built from any
 * graphology graph (simple or multi, directed, undirected or mixed) with the same rules as
 * `simpleView` (`engine/model/views.ts`): parallel links between a pair collapse into one edge whose
 * weight is the sum of their weights; in a directed reading an undirected link counts in both
 * directions, in an undirected reading directions are ignored. Self-loops are dropped (a maillage
 * network cannot hold them; a plain graphology graph may) and counted in `selfLoops`. Isolated nodes
 * are kept. Node order is the graph's node order, so results are deterministic.
 *
 * Weights: with `weight: null` (the default of every measure) each collapsed edge has weight 1. With
 * an attribute name, a link without that attribute weighs 1 (networkx's `d.get(weight, 1)`), and a
 * weight that is not a finite number > 0 is an `InputError` naming the link: a zero or negative
 * intensity has no meaning for these measures (drop the link, or run unweighted).
 */
import type { Attributes } from "graphology-types";
import { InputError } from "../../io/errors.ts";
import type { AnyGraph } from "../measure.ts";

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

export function isDirectedReading(graph: AnyGraph, directed: boolean | undefined): boolean {
  return directed ?? graph.type === "directed";
}

function weightOf(attributes: Attributes, name: string, source: string, target: string): number {
  const value = attributes[name];
  if (value === undefined || value === null) return 1;
  if (typeof value !== "number" || !Number.isFinite(value) || value <= 0) {
    throw new InputError(
      `link ${source} → ${target}: weight "${name}" = ${String(value)}; weighted structure measures need a finite weight > 0 (drop the link or run unweighted)`,
      { field: name },
    );
  }
  return value;
}

export function buildAdjacency(graph: AnyGraph, options: AdjacencyOptions = {}): Adjacency {
  const directed = isDirectedReading(graph, options.directed);
  const weightName = options.weight ?? null;
  const ids = graph.nodes();
  const index = new Map<string, number>();
  ids.forEach((id, i) => {
    index.set(id, i);
  });
  const out = ids.map(() => new Map<number, number>());
  const inn = directed ? ids.map(() => new Map<number, number>()) : out;
  let selfLoops = 0;
  const add = (u: number, v: number, w: number) => {
    out[u].set(v, (out[u].get(v) ?? 0) + w);
    if (directed) inn[v].set(u, (inn[v].get(u) ?? 0) + w);
  };
  graph.forEachEdge((_key, attributes, source, target, _sa, _ta, undirectedEdge) => {
    if (source === target) {
      selfLoops++;
      return;
    }
    const w = weightName === null ? 1 : weightOf(attributes, weightName, source, target);
    const u = index.get(source) as number;
    const v = index.get(target) as number;
    if (directed) {
      add(u, v, w);
      if (undirectedEdge) add(v, u, w);
    } else {
      add(u, v, w);
      add(v, u, w);
    }
  });
  if (weightName === null) {
    // Unweighted: a collapsed edge weighs 1 whatever the number of links.
    for (const m of out) for (const k of m.keys()) m.set(k, 1);
    if (directed) for (const m of inn) for (const k of m.keys()) m.set(k, 1);
  }
  return { ids, index, directed, weighted: weightName !== null, out, in: inn, selfLoops };
}

/** Distinct neighbours of u in either direction (u excluded). */
export function neighbourSet(adj: Adjacency, u: number): Set<number> {
  const set = new Set<number>(adj.out[u].keys());
  if (adj.directed) for (const v of adj.in[u].keys()) set.add(v);
  return set;
}

/** Node-keyed record from an array indexed like `adj.ids`. */
export function byNode<T>(adj: Adjacency, values: ArrayLike<T>): Record<string, T> {
  const result: Record<string, T> = {};
  for (let i = 0; i < adj.ids.length; i++) result[adj.ids[i]] = values[i];
  return result;
}
