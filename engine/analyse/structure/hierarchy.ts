/**
 * Burt's hierarchy (Burt 1992, pp. 70–71): how far the constraint on u is concentrated on one contact.
 * With N = |N(u)| contacts, local constraints c_uv (`constraint.ts`) and C = Σ_v c_uv,
 * H(u) = Σ_v r_v ln r_v / (N ln N), r_v = c_uv / (C / N) (the Coleman–Theil disorder index): 0 when
 * the constraint is spread evenly, towards 1 when one contact holds it all. networkx has no hierarchy;
 * the fixture script computes it independently from this definition, and a test checks one node by
 * hand.
 *
 * Undefined → null: an isolate (no contacts) and a node with a single contact (N ln N = 0). Inputs as
 * for constraint.
 */

import { withAssign } from "../measure.ts";
import { type AnyGraph, buildAdjacency, byNode } from "./adjacency.ts";
import type { StructuralHolesOptions } from "./constraint.ts";
import { localConstraints, type MutualWeights, mutualWeights } from "./mutualWeights.ts";

export function hierarchyAt(m: MutualWeights, u: number): number | null {
  const n = m.neighbours[u].length;
  if (n < 2) return null;
  const local = localConstraints(m, u);
  const total = local.reduce((a, b) => a + b, 0);
  let sum = 0;
  for (const c of local) {
    const r = (c * n) / total;
    if (r > 0) sum += r * Math.log(r);
  }
  return sum / (n * Math.log(n));
}

function hierarchyOf(graph: AnyGraph, options: StructuralHolesOptions = {}): Record<string, number | null> {
  const adj = buildAdjacency(graph, options);
  const m = mutualWeights(adj);
  return byNode(
    adj,
    adj.ids.map((_, u) => hierarchyAt(m, u)),
  );
}

/** Burt's hierarchy per node (null with fewer than two contacts). `.assign` writes `hierarchy`. */
export const burtHierarchy = withAssign(hierarchyOf, "hierarchy");
