/**
 * Opinion leaders: the actors who relay information and put others in contact, ranked with the
 * evidence for each. Leadership is read from relations, not from size: the score combines
 *
 *   brokerage  betweenness (networkx normalisation), low Burt constraint (1 − constraint),
 *              Gould–Fernandez brokerage across groups (itinerant + representative + gatekeeper +
 *              liaison acts: the broker relays between groups), and two-step reach (the share of the
 *              other actors within two steps);
 *   hubs       eigenvector centrality (unit length) and PageRank (α 0.85),
 *
 * each turned into a percentile rank over the actors ranked (ties half, undefined = 0), weighted
 * (default: every measure 1) and averaged: score ∈ [0, 1]. Each leader also gets a role from its
 * profile — `broker` (brokerage percentiles above hub percentiles by more than 0.1), `hub` (the
 * reverse) or `broker_hub` — and its evidence (the raw values and percentiles).
 *
 * Large but peripheral: a mid-cap or large firm (size class from headcount) whose score is below the
 * median is listed apart, with its evidence: size is not leadership (DOMAIN.md §6).
 *
 * An actor leads the network it belongs to: path and hub measures are computed inside each connected
 * component (betweenness normalised by the component's pairs as networkx does, eigenvector scaled to
 * max 1 in the component, PageRank times the component's size, reach = actors within two steps), so
 * the leaders of a small, dense district are not drowned by the size of another network. Components
 * below `minNetworkSize` actors get null for those measures. `byNetwork` lists each network's leaders.
 *
 * Input: a maillage network (or a view of it: `actorView(network, "firm")`, `nonMarketView`…).
 * Path measures run on the undirected simple graph (`analysisGraph`), unweighted;
 * brokerage reads link directions (`analysisGraph` directed: an undirected link counts both ways).
 * Groups default to the trade and place of firms (NAF division @ commune; other actors: their kind),
 * so a leader relaying between trades or between communes counts as a broker; pass `group` to choose
 * another grouping (sector only, association, community…).
 */

import { subgraph } from "graphology-operators";
import type { NetworkGraph } from "../../model/graph.ts";
import { nafDivision } from "../../model/naf.ts";
import type { ActorAttributes } from "../../model/types.ts";
import { analysisGraph } from "../analysisGraph.ts";
import { betweennessCentrality } from "../centrality/betweenness.ts";
import { eigenvectorCentrality } from "../centrality/eigenvector.ts";
import { ConvergenceError } from "../centrality/options.ts";
import { pagerank } from "../centrality/pagerank.ts";
import { brokerage } from "../structure/brokerage.ts";
import { connectedComponents } from "../structure/components.ts";
import { burtConstraint } from "../structure/constraint.ts";
import { percentileRanks } from "./percentile.ts";

export const LEADER_MEASURES = [
  "betweenness",
  "lowConstraint",
  "crossGroupBrokerage",
  "reach2",
  "eigenvector",
  "pagerank",
] as const;
export type LeaderMeasure = (typeof LEADER_MEASURES)[number];
const BROKER_MEASURES: readonly LeaderMeasure[] = [
  "betweenness",
  "lowConstraint",
  "crossGroupBrokerage",
  "reach2",
];
const HUB_MEASURES: readonly LeaderMeasure[] = ["eigenvector", "pagerank"];

export type GroupOf = (id: string, attributes: ActorAttributes) => string | null;

export interface OpinionLeaderOptions {
  /** Grouping for cross-group brokerage and per-group lists. Default `defaultGroup` (trade and place of firms). */
  group?: GroupOf;
  /** Weights of the measures in the score (default 1 each; 0 drops a measure). */
  weights?: Partial<Record<LeaderMeasure, number>>;
  /** Length of the ranked list. Default 20. */
  limit?: number;
  /** Leaders listed per group. Default 3. */
  perGroup?: number;
  /** Leaders listed per network (connected component). Default 5. */
  perNetwork?: number;
  /**
   * Smallest component whose members get path and hub measures. Default 3: a pair or a lone actor
   * is not a network to lead (their betweenness, eigenvector, PageRank and reach are null).
   */
  minNetworkSize?: number;
}

export interface LeaderEvidence {
  degree: number;
  /** Component of the actor (0 = largest), null in a network below `minNetworkSize`. */
  network: number | null;
  betweenness: number | null;
  constraint: number | null;
  crossGroupBrokerage: number;
  reach2: number | null;
  eigenvector: number | null;
  pagerank: number | null;
}

export interface Leader {
  id: string;
  name: string | null;
  kind: string;
  group: string | null;
  sizeClass: string | null;
  rank: number;
  score: number;
  role: "broker" | "hub" | "broker_hub";
  evidence: LeaderEvidence;
  percentiles: Record<LeaderMeasure, number>;
}

export interface OpinionLeaders {
  /** Every actor, best first (ties broken by id). */
  ranking: Leader[];
  /** The first `limit` of the ranking. */
  leaders: Leader[];
  /** The best `perGroup` actors of each group (groups sorted by name). */
  byGroup: Record<string, Leader[]>;
  /** Each network (connected component of at least `minNetworkSize` actors, largest first) and its best members. */
  byNetwork: Array<{ network: number; size: number; leaders: Leader[] }>;
  /** Mid-cap and large firms scoring below the median. */
  largeButPeripheral: Leader[];
  method: { measures: Record<LeaderMeasure, number>; groups: string };
}

/**
 * Default groups: for a firm, its trade in its place — NAF division and commune (`25@76178`), or the one
 * known — so that brokerage across groups counts relays between trades and between places; for other
 * actors, their kind. A firm with neither code has no group.
 */
export const defaultGroup: GroupOf = (_id, a) => {
  if (a.kind !== "firm") return a.kind;
  const parts = [a.naf ? nafDivision(a.naf) : null, a.commune].filter((p): p is string => p !== null);
  return parts.length > 0 ? parts.join("@") : null;
};

/** Number of other actors within two steps, on an undirected simple graph. */
function twoStepReach(graph: SimpleGraph, node: string): number {
  const seen = new Set<string>([node]);
  for (const a of graph.neighbors(node)) {
    seen.add(a);
    for (const b of graph.neighbors(a)) seen.add(b);
  }
  return seen.size - 1;
}

type SimpleGraph = ReturnType<typeof analysisGraph>;

/**
 * Eigenvector centrality of one connected component. The power iteration on A + I converges on any
 * connected graph, but slowly when the two leading eigenvalues are close (large sparse components):
 * it gets 20,000 iterations at tolerance 1e-8 here (a ranking needs no more); a component that still
 * does not converge gets null (its members rank 0 on this measure) rather than stopping the ranking.
 */
function componentEigenvector(part: SimpleGraph, members: readonly string[]): Record<string, number | null> {
  if (part.size === 0) return Object.fromEntries(members.map((m) => [m, 1]));
  try {
    return eigenvectorCentrality(part, { maxIterations: 20_000, tolerance: 1e-8 });
  } catch (error) {
    if (error instanceof ConvergenceError) return Object.fromEntries(members.map((m) => [m, null]));
    throw error;
  }
}

/**
 * Path and hub measures computed inside each connected component, so that an actor is compared with
 * the network it belongs to: betweenness normalised by its component's pairs, eigenvector scaled to
 * max 1 in its component, PageRank times the component's size (1 = an average member), reach as a count.
 */
function withinComponents(graph: SimpleGraph, minSize: number) {
  const betweenness: Record<string, number | null> = {};
  const eigen: Record<string, number | null> = {};
  const rank: Record<string, number | null> = {};
  const reach = new Map<string, number | null>();
  const network = new Map<string, number | null>();
  const networks: string[][] = [];
  for (const members of connectedComponents(graph).components) {
    if (members.length < minSize) {
      for (const m of members) {
        betweenness[m] = eigen[m] = rank[m] = null;
        reach.set(m, null);
        network.set(m, null);
      }
      continue;
    }
    networks.push(members);
    const part = subgraph(graph, members) as SimpleGraph;
    const b = betweennessCentrality(part);
    const e = componentEigenvector(part, members);
    const p = pagerank(part);
    const top = Math.max(...members.map((m) => e[m] ?? 0));
    for (const m of members) {
      betweenness[m] = b[m];
      const value = e[m];
      eigen[m] = value === null ? null : top > 0 ? value / top : 0;
      rank[m] = p[m] * members.length;
      reach.set(m, twoStepReach(part, m));
      network.set(m, networks.length - 1);
    }
  }
  return { betweenness, eigen, rank, reach, network, networks };
}

export function opinionLeaders(network: NetworkGraph, options: OpinionLeaderOptions = {}): OpinionLeaders {
  const weights: Record<LeaderMeasure, number> = {
    betweenness: 1,
    lowConstraint: 1,
    crossGroupBrokerage: 1,
    reach2: 1,
    eigenvector: 1,
    pagerank: 1,
    ...options.weights,
  };
  const groupOf = options.group ?? defaultGroup;
  const undirected = analysisGraph(network);
  const directed = analysisGraph(network, { directed: true });
  directed.forEachNode((id) => {
    directed.setNodeAttribute(id, "brokerageGroup", groupOf(id, network.getNodeAttributes(id)));
  });

  const {
    betweenness,
    eigen,
    rank,
    reach,
    network: networkOf,
    networks,
  } = withinComponents(undirected, options.minNetworkSize ?? 3);
  const constraint = burtConstraint(undirected);
  const broker = brokerage(directed, { group: "brokerageGroup" });

  const raw: Record<LeaderMeasure, Map<string, number | null>> = {
    betweenness: new Map(),
    lowConstraint: new Map(),
    crossGroupBrokerage: new Map(),
    reach2: new Map(),
    eigenvector: new Map(),
    pagerank: new Map(),
  };
  const cross = new Map<string, number>();
  network.forEachNode((id) => {
    const row = broker.nodes[id];
    const acts = row ? row.observed.total - row.observed.coordinator : 0;
    cross.set(id, acts);
    raw.betweenness.set(id, betweenness[id]);
    raw.lowConstraint.set(id, constraint[id] === null ? null : 1 - (constraint[id] as number));
    raw.crossGroupBrokerage.set(id, acts);
    raw.reach2.set(id, reach.get(id) ?? null);
    raw.eigenvector.set(id, eigen[id]);
    raw.pagerank.set(id, rank[id]);
  });
  const pct = Object.fromEntries(LEADER_MEASURES.map((m) => [m, percentileRanks(raw[m])])) as Record<
    LeaderMeasure,
    Map<string, number>
  >;
  const totalWeight = LEADER_MEASURES.reduce((s, m) => s + weights[m], 0);
  if (!(totalWeight > 0)) throw new RangeError("opinionLeaders: the measure weights must not all be 0");

  const mean = (id: string, measures: readonly LeaderMeasure[]) =>
    measures.reduce((s, m) => s + (pct[m].get(id) ?? 0), 0) / measures.length;
  const rows: Leader[] = network.mapNodes((id, a) => {
    const percentiles = Object.fromEntries(LEADER_MEASURES.map((m) => [m, pct[m].get(id) ?? 0])) as Record<
      LeaderMeasure,
      number
    >;
    const score = LEADER_MEASURES.reduce((s, m) => s + weights[m] * percentiles[m], 0) / totalWeight;
    const b = mean(id, BROKER_MEASURES);
    const h = mean(id, HUB_MEASURES);
    return {
      id,
      name: a.name,
      kind: a.kind,
      group: groupOf(id, a),
      sizeClass: a.size_class,
      rank: 0,
      score,
      role: b > h + 0.1 ? "broker" : h > b + 0.1 ? "hub" : "broker_hub",
      evidence: {
        degree: undirected.degree(id),
        network: networkOf.get(id) ?? null,
        betweenness: betweenness[id],
        constraint: constraint[id],
        crossGroupBrokerage: cross.get(id) ?? 0,
        reach2: reach.get(id) ?? null,
        eigenvector: eigen[id],
        pagerank: rank[id],
      },
      percentiles,
    };
  });
  rows.sort((x, y) => y.score - x.score || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  rows.forEach((r, i) => {
    r.rank = i + 1;
  });
  const byGroup: Record<string, Leader[]> = {};
  for (const r of rows) {
    if (r.group === null) continue;
    byGroup[r.group] ??= [];
    if (byGroup[r.group].length < (options.perGroup ?? 3)) byGroup[r.group].push(r);
  }
  const byNetwork = networks.map((members, network) => ({
    network,
    size: members.length,
    leaders: rows.filter((r) => r.evidence.network === network).slice(0, options.perNetwork ?? 5),
  }));
  const median = rows.length > 0 ? rows[Math.floor((rows.length - 1) / 2)].score : 0;
  return {
    ranking: rows,
    leaders: rows.slice(0, options.limit ?? 20),
    byNetwork,
    byGroup: Object.fromEntries(Object.entries(byGroup).sort(([a], [b]) => a.localeCompare(b))),
    largeButPeripheral: rows.filter(
      (r) => (r.sizeClass === "midcap" || r.sizeClass === "large") && r.score < median,
    ),
    method: {
      measures: weights,
      groups: options.group ? "given" : "NAF division and commune of firms, kind of other actors",
    },
  };
}
