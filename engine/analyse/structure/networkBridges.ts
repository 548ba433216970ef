/**
 * Bridges between two networks ("network of networks", DOMAIN.md §8): given two node sets A and B
 * (the members of two associations, two communities, two clusters…), who joins them.
 *
 * - `shared`: actors in both sets (double members);
 * - `brokers`: actors tied to at least one actor of A and one actor of B other than themselves, with
 *   their numbers of distinct contacts in A and in B (members of either set included: a member of
 *   A tied into B is a bridge too; `inA`/`inB` say where the broker itself belongs);
 * - `links`: the edges with one end in A and the other in B (ends distinct; an end in both sets
 *   counts for either), collapsed as in `adjacency.ts` (parallel links one edge: `weight` = sum of
 *   the link weights, `links` = how many).
 *
 * Ties are read on the undirected simple graph of the graph passed in: pass the view the question is
 * about (e.g. firm-to-firm links without the membership links themselves, or non-market links). Node
 * ids that are not in the graph are an error. Lists are in graph order; brokers sorted by
 * min(tiesToA, tiesToB) descending, then graph order.
 */
import { type AnyGraph, buildAdjacency } from "./adjacency.ts";

export interface NetworkBridgeBroker {
  id: string;
  inA: boolean;
  inB: boolean;
  /** Distinct contacts in A (self excluded). */
  tiesToA: number;
  /** Distinct contacts in B (self excluded). */
  tiesToB: number;
}

export interface NetworkBridgeLink {
  source: string;
  target: string;
  weight: number;
  links: number;
}

export interface NetworkBridges {
  sizeA: number;
  sizeB: number;
  shared: string[];
  brokers: NetworkBridgeBroker[];
  links: NetworkBridgeLink[];
  counts: { shared: number; brokers: number; links: number };
}

export interface NetworkBridgesOptions {
  /** Edge attribute summed into `weight`. Default `weight` (a link without it weighs 1). */
  weight?: string | null;
}

function linkStats(graph: AnyGraph, weight: string | null): Map<string, { weight: number; links: number }> {
  const stats = new Map<string, { weight: number; links: number }>();
  graph.forEachEdge((_key, attributes, source, target) => {
    if (source === target) return;
    const key = source < target ? `${source}\u0000${target}` : `${target}\u0000${source}`;
    const value = weight === null ? 1 : attributes[weight];
    const w = typeof value === "number" && Number.isFinite(value) ? value : 1;
    const entry = stats.get(key) ?? { weight: 0, links: 0 };
    entry.weight += w;
    entry.links += 1;
    stats.set(key, entry);
  });
  return stats;
}

export function networkBridges(
  graph: AnyGraph,
  a: Iterable<string>,
  b: Iterable<string>,
  options: NetworkBridgesOptions = {},
): NetworkBridges {
  const adj = buildAdjacency(graph, { directed: false });
  const toSet = (ids: Iterable<string>, name: string) => {
    const set = new Set<number>();
    for (const id of ids) {
      const u = adj.index.get(id);
      if (u === undefined)
        throw new Error(`networkBridges: set ${name} names "${id}", which is not in the graph`);
      set.add(u);
    }
    return set;
  };
  const setA = toSet(a, "A");
  const setB = toSet(b, "B");
  const shared: string[] = [];
  const brokers: NetworkBridgeBroker[] = [];
  const order: number[] = [];
  adj.ids.forEach((id, u) => {
    if (setA.has(u) && setB.has(u)) shared.push(id);
    let tiesToA = 0;
    let tiesToB = 0;
    for (const v of adj.out[u].keys()) {
      if (setA.has(v)) tiesToA++;
      if (setB.has(v)) tiesToB++;
    }
    if (tiesToA > 0 && tiesToB > 0) {
      brokers.push({ id, inA: setA.has(u), inB: setB.has(u), tiesToA, tiesToB });
      order.push(u);
    }
  });
  const rank = new Map(brokers.map((broker, i) => [broker, order[i]]));
  brokers.sort(
    (x, y) =>
      Math.min(y.tiesToA, y.tiesToB) - Math.min(x.tiesToA, x.tiesToB) ||
      (rank.get(x) as number) - (rank.get(y) as number),
  );
  const stats = linkStats(graph, options.weight === undefined ? "weight" : options.weight);
  const links: NetworkBridgeLink[] = [];
  adj.ids.forEach((source, u) => {
    for (const v of adj.out[u].keys()) {
      if (v <= u) continue;
      const joins = (setA.has(u) && setB.has(v)) || (setB.has(u) && setA.has(v));
      if (!joins) continue;
      const target = adj.ids[v];
      const key = source < target ? `${source}\u0000${target}` : `${target}\u0000${source}`;
      const s = stats.get(key) as { weight: number; links: number };
      links.push({ source, target, weight: s.weight, links: s.links });
    }
  });
  return {
    sizeA: setA.size,
    sizeB: setB.size,
    shared,
    brokers,
    links,
    counts: { shared: shared.length, brokers: brokers.length, links: links.length },
  };
}

/**
 * The members of an organisation: sources of `membership` links (or another kind) to it. With `at`
 * (an ISO date), only memberships active that day (start ≤ at, end absent or ≥ at; an absent start
 * counts as always). A convenience for building the sets of `networkBridges`.
 */
export function membersOf(
  graph: AnyGraph,
  organisation: string,
  options: { kind?: string; at?: string } = {},
): string[] {
  const kind = options.kind ?? "membership";
  const members = new Set<string>();
  graph.forEachEdge(organisation, (_key, attributes, source, target, _s, _t, undirected) => {
    if (attributes.kind !== kind) return;
    if (!undirected && target !== organisation) return;
    if (options.at !== undefined) {
      if (attributes.start && attributes.start > options.at) return;
      if (attributes.end && attributes.end < options.at) return;
    }
    members.add(source === organisation ? target : source);
  });
  return graph.filterNodes((id) => members.has(id));
}
