/** Counts that describe a network at a glance: actors by kind, links by category and by kind. */
import type { NetworkGraph } from "./graph.ts";

export interface NetworkCounts {
  actors: number;
  links: number;
  actorsByKind: Record<string, number>;
  linksByCategory: Record<string, number>;
  linksByKind: Record<string, number>;
  directedLinks: number;
}

const increment = (record: Record<string, number>, key: string) => {
  record[key] = (record[key] ?? 0) + 1;
};

/** Sorted by key, so that printed and JSON output are stable. */
const sorted = (record: Record<string, number>) =>
  Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));

export function networkCounts(graph: NetworkGraph): NetworkCounts {
  const actorsByKind: Record<string, number> = {};
  const linksByCategory: Record<string, number> = {};
  const linksByKind: Record<string, number> = {};
  let directedLinks = 0;
  graph.forEachNode((_id, a) => increment(actorsByKind, a.kind));
  graph.forEachEdge((_key, a) => {
    increment(linksByCategory, a.category);
    increment(linksByKind, a.kind);
    if (a.directed) directedLinks++;
  });
  return {
    actors: graph.order,
    links: graph.size,
    actorsByKind: sorted(actorsByKind),
    linksByCategory: sorted(linksByCategory),
    linksByKind: sorted(linksByKind),
    directedLinks,
  };
}
