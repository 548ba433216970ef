/**
 * Burt's effective size and efficiency (Burt 1992, ch. 1; Borgatti 1997, "Structural holes: unpacking
 * Burt's redundancy measures"): e(u) = Σ_{v ∈ N(u)} (1 − Σ_{q ∈ N(u)} p_uq m_vq), the number of
 * contacts minus their redundancy; efficiency = e(u) / |N(u)| (N(u): distinct contacts in either
 * direction). p and m as in `mutualWeights.ts`. Unweighted and undirected this reduces to Borgatti's
 * n − 2t/n (t = ties among the n contacts). Same value as networkx's `effective_size(G, weight=)`
 * (tested to 1e-9 on the peer graphs). networkx leaves efficiency to the user, as e / degree; on a
 * directed graph its degree counts a reciprocated pair twice, while Burt's N(u) (used here) counts it once.
 *
 * Input and undefined values as for constraint (`constraint.ts`): an isolate gets null (networkx NaN);
 * a node with in-links only in a directed reading gets its value by the formula (networkx gives NaN).
 */

import { withAssign } from "../measure.ts";
import { type AnyGraph, buildAdjacency, byNode } from "./adjacency.ts";
import type { StructuralHolesOptions } from "./constraint.ts";
import { type MutualWeights, marginal, mutualWeights, proportional } from "./mutualWeights.ts";

export function effectiveSizeAt(m: MutualWeights, u: number): number | null {
  const nbrs = m.neighbours[u];
  if (nbrs.length === 0) return null;
  let total = 0;
  for (const v of nbrs) {
    let redundancy = 0;
    for (const q of nbrs) if (q !== v) redundancy += proportional(m, u, q) * marginal(m, v, q);
    total += 1 - redundancy;
  }
  return total;
}

function effectiveSizeOf(
  graph: AnyGraph,
  options: StructuralHolesOptions = {},
): Record<string, number | null> {
  const adj = buildAdjacency(graph, options);
  const m = mutualWeights(adj);
  return byNode(
    adj,
    adj.ids.map((_, u) => effectiveSizeAt(m, u)),
  );
}

function efficiencyOf(graph: AnyGraph, options: StructuralHolesOptions = {}): Record<string, number | null> {
  const adj = buildAdjacency(graph, options);
  const m = mutualWeights(adj);
  return byNode(
    adj,
    adj.ids.map((_, u) => {
      const e = effectiveSizeAt(m, u);
      return e === null ? null : e / m.neighbours[u].length;
    }),
  );
}

/** Burt's effective size per node (null for an isolate). `.assign` writes `effectiveSize`. */
export const effectiveSize = withAssign(effectiveSizeOf, "effectiveSize");
/** Burt's efficiency = effective size / number of contacts (null for an isolate). `.assign` writes `efficiency`. */
export const efficiency = withAssign(efficiencyOf, "efficiency");
