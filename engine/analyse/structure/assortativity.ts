/**
 * Assortativity (Newman 2002, 2003): do tied actors resemble one another? Read over the links of the
 * simple graph (`adjacency.ts`: parallel links one edge, self-loops dropped); in an undirected reading
 * each edge counts in both directions (a symmetric mixing matrix), in a directed reading each arc
 * source → target once. Same values as networkx's `attribute_assortativity_coefficient`,
 * `numeric_assortativity_coefficient` and `degree_assortativity_coefficient` (tested to 1e-9).
 *
 * - categorical (homophily by sector, commune, community…): r = (Σ_i e_ii − Σ_i a_i b_i) / (1 − Σ_i a_i b_i),
 *   e the normalised mixing matrix, a and b its row and column sums;
 * - numeric: the Pearson correlation of the values at the two ends of the links;
 * - degree: the same with degrees (undirected), or by default the source's out-degree against the
 *   target's in-degree (directed, networkx's x="out", y="in"); with `weight`, strengths replace
 *   degrees (each link still counts once), as networkx's `weight=` does.
 *
 * Missing values: a link with an end whose value is null, undefined or '' (numeric: not a finite
 * number) is left out, and counted in `skippedLinks` (networkx would treat None as one more
 * category). Undefined → null: no usable link, or no variation (a single category, or constant
 * values: the denominator is 0; networkx gives NaN).
 */
import { type Adjacency, type AdjacencyOptions, type AnyGraph, buildAdjacency } from "./adjacency.ts";

export interface Assortativity {
  /** The coefficient, or null when undefined. */
  r: number | null;
  /** Ordered end pairs used (2 per undirected edge, 1 per arc). */
  pairs: number;
  /** Links left out because an end has no value. */
  skippedLinks: number;
}

type NodeValue = (id: string, attributes: Record<string, unknown>) => unknown;

export interface AttributeAssortativityOptions {
  /** Directed reading. Default: true for a `directed` graph, false otherwise. */
  directed?: boolean;
}

/** Each ordered end pair (x_u, x_v) over the links, skipping links with a missing end. */
function endPairs<T>(
  adj: Adjacency,
  value: (u: number) => T | null,
): { pairs: Array<[T, T]>; skipped: number } {
  const values = adj.ids.map((_, u) => value(u));
  const pairs: Array<[T, T]> = [];
  let skipped = 0;
  adj.out.forEach((nbrs, u) => {
    for (const v of nbrs.keys()) {
      const x = values[u];
      const y = values[v];
      if (x === null || y === null) {
        // In an undirected reading each edge is seen from both ends: count it once.
        if (adj.directed || u < v) skipped++;
        continue;
      }
      pairs.push([x, y]);
    }
  });
  return { pairs, skipped };
}

function present(value: unknown): boolean {
  return value !== null && value !== undefined && value !== "";
}

function pearson(pairs: Array<[number, number]>): number | null {
  const n = pairs.length;
  if (n === 0) return null;
  let mx = 0;
  let my = 0;
  for (const [x, y] of pairs) {
    mx += x;
    my += y;
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (const [x, y] of pairs) {
    sxy += (x - mx) * (y - my);
    sxx += (x - mx) ** 2;
    syy += (y - my) ** 2;
  }
  const denominator = Math.sqrt(sxx * syy);
  return denominator === 0 ? null : sxy / denominator;
}

/**
 * Categorical assortativity of a node attribute (name, or a function of the node). Values are
 * compared as strings after `String()`.
 */
export function attributeAssortativity(
  graph: AnyGraph,
  attribute: string | NodeValue,
  options: AttributeAssortativityOptions = {},
): Assortativity {
  const adj = buildAdjacency(graph, { directed: options.directed });
  const read: NodeValue = typeof attribute === "string" ? (_id, a) => a[attribute] : attribute;
  const { pairs, skipped } = endPairs(adj, (u) => {
    const v = read(adj.ids[u], graph.getNodeAttributes(adj.ids[u]));
    return present(v) ? String(v) : null;
  });
  if (pairs.length === 0) return { r: null, pairs: 0, skippedLinks: skipped };
  const rows = new Map<string, number>();
  const columns = new Map<string, number>();
  let diagonal = 0;
  for (const [x, y] of pairs) {
    rows.set(x, (rows.get(x) ?? 0) + 1);
    columns.set(y, (columns.get(y) ?? 0) + 1);
    if (x === y) diagonal++;
  }
  const total = pairs.length;
  let expected = 0;
  for (const [k, a] of rows) expected += (a / total) * ((columns.get(k) ?? 0) / total);
  const r = expected === 1 ? null : (diagonal / total - expected) / (1 - expected);
  return { r, pairs: total, skippedLinks: skipped };
}

/** Numeric assortativity of a node attribute: Pearson correlation over link ends. */
export function numericAssortativity(
  graph: AnyGraph,
  attribute: string | NodeValue,
  options: AttributeAssortativityOptions = {},
): Assortativity {
  const adj = buildAdjacency(graph, { directed: options.directed });
  const read: NodeValue = typeof attribute === "string" ? (_id, a) => a[attribute] : attribute;
  const { pairs, skipped } = endPairs(adj, (u) => {
    const v = read(adj.ids[u], graph.getNodeAttributes(adj.ids[u]));
    return typeof v === "number" && Number.isFinite(v) ? v : null;
  });
  return { r: pearson(pairs), pairs: pairs.length, skippedLinks: skipped };
}

export interface DegreeAssortativityOptions extends AdjacencyOptions {
  /** Directed reading: degree of the source end. Default `out`. */
  x?: "in" | "out";
  /** Directed reading: degree of the target end. Default `in`. */
  y?: "in" | "out";
}

/** Degree (or strength) assortativity. */
export function degreeAssortativity(
  graph: AnyGraph,
  options: DegreeAssortativityOptions = {},
): Assortativity {
  const adj = buildAdjacency(graph, options);
  const degreeOf = (side: "in" | "out") =>
    (side === "out" ? adj.out : adj.in).map((m) => {
      let s = 0;
      for (const w of m.values()) s += w;
      return s;
    });
  const xs = degreeOf(adj.directed ? (options.x ?? "out") : "out");
  const ys = degreeOf(adj.directed ? (options.y ?? "in") : "out");
  const pairs: Array<[number, number]> = [];
  adj.out.forEach((nbrs, u) => {
    for (const v of nbrs.keys()) pairs.push([xs[u], ys[v]]);
  });
  return { r: pearson(pairs), pairs: pairs.length, skippedLinks: 0 };
}
