/**
 * Burt's constraint (Burt 1992, *Structural Holes*; 2004, "Structural holes and good ideas"):
 * c(u) = Σ_{v ∈ N(u)} (p_uv + Σ_{q ∈ N(u), q ≠ v} p_uq p_qv)², the extent to which u's contacts are
 * invested in one another. Low constraint = a broker spanning structural holes. p and N(u) as in
 * `mutualWeights.ts`; this is networkx's `constraint(G, weight=)` on the same simple graph
 * (tested to 1e-9 on karate, Florentine families, the kite, Davis' women, Les Misérables and a
 * directed graph).
 *
 * Input: any graphology graph, collapsed as in `adjacency.ts` (parallel links: weight = sum; self-loops
 * dropped). `directed: true` reads mutual weights a_uv + a_vu (networkx on a DiGraph).
 * Undefined: an isolate has no contacts, its constraint is null (networkx gives NaN). networkx also
 * gives NaN to a node of a DiGraph with in-links but no out-link (it tests `len(G[v]) == 0`, the
 * successors only); here such a node gets its value by the formula, which is what networkx's own
 * `local_constraint` sums give.
 */

import { withAssign } from "../measure.ts";
import { type AdjacencyOptions, type AnyGraph, buildAdjacency, byNode } from "./adjacency.ts";
import { localConstraints, mutualWeights } from "./mutualWeights.ts";

export type StructuralHolesOptions = AdjacencyOptions;

function constraintOf(graph: AnyGraph, options: StructuralHolesOptions = {}): Record<string, number | null> {
  const adj = buildAdjacency(graph, options);
  const m = mutualWeights(adj);
  const values = adj.ids.map((_, u) =>
    m.neighbours[u].length === 0 ? null : localConstraints(m, u).reduce((a, b) => a + b, 0),
  );
  return byNode(adj, values);
}

/** Burt's constraint per node (null for an isolate). `.assign` writes attribute `constraint`. */
export const burtConstraint = withAssign(constraintOf, "constraint");

/** The local constraints c_uv of one node on each of its contacts (Burt's dyadic constraint). */
export function localConstraint(
  graph: AnyGraph,
  node: string,
  options: StructuralHolesOptions = {},
): Record<string, number> {
  const adj = buildAdjacency(graph, options);
  const u = adj.index.get(node);
  if (u === undefined) throw new Error(`localConstraint: no node "${node}"`);
  const m = mutualWeights(adj);
  const local = localConstraints(m, u);
  const result: Record<string, number> = {};
  m.neighbours[u].forEach((v, i) => {
    result[adj.ids[v]] = local[i];
  });
  return result;
}
