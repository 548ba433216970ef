/**
 * Burt's four structural-hole measures in one pass, for tables: effective size, efficiency,
 * constraint and hierarchy (definitions in `effectiveSize.ts`, `constraint.ts`, `hierarchy.ts`).
 */
import { type AnyGraph, buildAdjacency } from "./adjacency.ts";
import type { StructuralHolesOptions } from "./constraint.ts";
import { effectiveSizeAt } from "./effectiveSize.ts";
import { hierarchyAt } from "./hierarchy.ts";
import { localConstraints, mutualWeights } from "./mutualWeights.ts";

export interface StructuralHoles {
  /** Distinct contacts in either direction. */
  contacts: number;
  effectiveSize: number | null;
  efficiency: number | null;
  constraint: number | null;
  hierarchy: number | null;
}

export function structuralHoles(
  graph: AnyGraph,
  options: StructuralHolesOptions = {},
): Record<string, StructuralHoles> {
  const adj = buildAdjacency(graph, options);
  const m = mutualWeights(adj);
  const result: Record<string, StructuralHoles> = {};
  adj.ids.forEach((id, u) => {
    const contacts = m.neighbours[u].length;
    const e = effectiveSizeAt(m, u);
    result[id] = {
      contacts,
      effectiveSize: e,
      efficiency: e === null ? null : e / contacts,
      constraint: contacts === 0 ? null : localConstraints(m, u).reduce((a, b) => a + b, 0),
      hierarchy: hierarchyAt(m, u),
    };
  });
  return result;
}

/** Writes `effectiveSize`, `efficiency`, `constraint` and `hierarchy` node attributes. */
structuralHoles.assign = (graph: AnyGraph, options: StructuralHolesOptions = {}): void => {
  const values = structuralHoles(graph, options);
  graph.forEachNode((id) => {
    const { effectiveSize, efficiency, constraint, hierarchy } = values[id];
    graph.mergeNodeAttributes(id, { effectiveSize, efficiency, constraint, hierarchy });
  });
};
