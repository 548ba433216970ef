/**
 * What a registry holds, for `maillage info`: networks by type, memberships (the `membership` links of
 * the graph that point to a registered network, whatever their dates) and actions by kind, with the
 * span of the action dates.
 */
import type { NetworkGraph } from "../model/graph.ts";
import type { Registry } from "./types.ts";

export interface RegistrySummary {
  networks: number;
  /** Count by registered type ("untyped" when the registry leaves it blank). */
  networksByType: Record<string, number>;
  memberships: number;
  actions: number;
  actionsByKind: Record<string, number>;
  /** First and last action dates (ISO), null without actions. */
  actionDates: { first: string; last: string } | null;
}

const counted = (keys: Iterable<string>): Record<string, number> => {
  const counts: Record<string, number> = {};
  for (const k of keys) counts[k] = (counts[k] ?? 0) + 1;
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)));
};

export function registrySummary(registry: Registry, graph: NetworkGraph): RegistrySummary {
  const ids = new Set(registry.networks.map((n) => n.id));
  let memberships = 0;
  graph.forEachEdge((_, a, _source, target) => {
    if (a.kind === "membership" && ids.has(target)) memberships++;
  });
  const dates = registry.actions.map((a) => a.date).sort();
  return {
    networks: registry.networks.length,
    networksByType: counted(registry.networks.map((n) => n.type ?? "untyped")),
    memberships,
    actions: registry.actions.length,
    actionsByKind: counted(registry.actions.map((a) => a.kind)),
    actionDates: dates.length ? { first: dates[0], last: dates[dates.length - 1] } : null,
  };
}
