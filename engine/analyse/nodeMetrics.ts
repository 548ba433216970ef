/**
 * The per-node metrics table and the graph summary of `maillage analyse`: every measure of the
 * analytics core computed once on a network view, with the conventions of the networkx defaults.
 *
 * Columns: `id, degree, strength, betweenness, closeness, harmonic, eigenvector, pagerank,
 * constraint, effective_size, core, community`.
 * - `degree`: the raw number of distinct neighbours (parallel links collapsed; in + out when directed).
 * - `strength`: the sum of the weights of the node's links (the links' count when unweighted).
 * - `betweenness` = `networkx.betweenness_centrality(G)`, `closeness` = `closeness_centrality(G)`
 *   (incoming distances when directed, Wasserman–Faust for disconnected graphs), `harmonic` =
 *   `harmonic_centrality(G)`, `eigenvector` = `eigenvector_centrality(G)` (unit length), `pagerank` =
 *   `pagerank(G, alpha=0.85)`, `constraint` and `effective_size` = networkx's Burt measures, `core` =
 *   `core_number(G)` (undirected), `community` = seeded Louvain (undirected, with its clean-up pass).
 * - Weighted (`weight: true`): weights are strengths for strength, PageRank, eigenvector, Burt and
 *   Louvain, and distances 1/w (or w, with `distance: "weight"`) for betweenness, closeness and harmonic.
 * - A measure undefined for a node is null (an empty cell): constraint and effective size of an isolate.
 */
import type { NetworkGraph } from "../model/graph.ts";
import { analysisGraph } from "./analysisGraph.ts";
import { betweennessCentrality } from "./centrality/betweenness.ts";
import {
  betweennessCentralization,
  closenessCentralization,
  degreeCentralization,
} from "./centrality/centralization.ts";
import { closenessCentrality } from "./centrality/closeness.ts";
import { degreeCentrality, strengthCentrality } from "./centrality/degree.ts";
import { eigenvectorCentrality } from "./centrality/eigenvector.ts";
import { harmonicCentrality } from "./centrality/harmonic.ts";
import { ConvergenceError } from "./centrality/options.ts";
import { pagerank } from "./centrality/pagerank.ts";
import { louvain } from "./community/louvain.ts";
import { averageClustering } from "./structure/clustering.ts";
import { connectedComponents } from "./structure/components.ts";
import { burtConstraint } from "./structure/constraint.ts";
import { coreNumber } from "./structure/coreNumber.ts";
import { density } from "./structure/density.ts";
import { effectiveSize } from "./structure/effectiveSize.ts";
import { transitivity } from "./structure/transitivity.ts";

export const METRIC_COLUMNS = [
  "id",
  "degree",
  "strength",
  "betweenness",
  "closeness",
  "harmonic",
  "eigenvector",
  "pagerank",
  "constraint",
  "effective_size",
  "core",
  "community",
] as const;
export type MetricColumn = (typeof METRIC_COLUMNS)[number];
export type MetricRow = { id: string } & Record<Exclude<MetricColumn, "id">, number | null>;

export interface NodeMetricsOptions {
  /** Read link directions (default false). */
  directed?: boolean;
  /** Use the links' weights (summed over parallel links). Default false. */
  weight?: boolean;
  /** How a weight becomes a path length: `inverse` (1/w, default) or `weight`. */
  distance?: "inverse" | "weight";
  /** Seed of Louvain. Default 0. */
  seed?: number;
  /** Louvain resolution. Default 1. */
  resolution?: number;
}

export interface GraphSummary {
  nodes: number;
  /** Pairs of actors tied by at least one link (parallel links collapsed). */
  edges: number;
  directed: boolean;
  weighted: boolean;
  density: number | null;
  components: number;
  largestComponent: number;
  averageClustering: number | null;
  transitivity: number | null;
  centralization: { degree: number | null; betweenness: number | null; closeness: number | null };
  communities: { count: number; modularity: number | null; seed: number; resolution: number };
}

export interface NodeMetrics {
  rows: MetricRow[];
  summary: GraphSummary;
}

/**
 * Eigenvector centrality, or null for every node when it has no answer on this graph (a directed view
 * without cycles: the power iteration does not converge). The column is then empty, not wrong.
 */
function eigenvectorOrNull(
  graph: ReturnType<typeof analysisGraph>,
  weight: string | null,
): Record<string, number | null> {
  try {
    return eigenvectorCentrality(graph, { weight });
  } catch (error) {
    if (error instanceof ConvergenceError) return Object.fromEntries(graph.mapNodes((id) => [id, null]));
    throw error;
  }
}

export function nodeMetrics(network: NetworkGraph, options: NodeMetricsOptions = {}): NodeMetrics {
  const directed = options.directed ?? false;
  const weight = options.weight ? "weight" : null;
  const distance = options.distance ?? "inverse";
  const seed = options.seed ?? 0;
  const resolution = options.resolution ?? 1;
  const graph = analysisGraph(network, { directed });
  const undirected = directed ? analysisGraph(network) : graph;
  // Strength counts links when unweighted: the collapsed edge's `links` attribute.
  const strength = strengthCentrality(graph, { weight: weight ?? "links" });
  const degree = degreeCentrality(graph);
  const betweenness = betweennessCentrality(graph, { weight, distance });
  const closeness = closenessCentrality(graph, { weight, distance });
  const harmonic = harmonicCentrality(graph, { weight, distance });
  const eigenvector = eigenvectorOrNull(graph, weight);
  const rank = pagerank(graph, { weight });
  const constraint = burtConstraint(graph, { directed, weight });
  const size = effectiveSize(graph, { directed, weight });
  const core = coreNumber(undirected);
  const communities = louvain(undirected, { seed, resolution, weight });
  const rows: MetricRow[] = graph.mapNodes((id) => ({
    id,
    degree: degree[id],
    strength: strength[id],
    betweenness: betweenness[id],
    closeness: closeness[id],
    harmonic: harmonic[id],
    eigenvector: eigenvector[id],
    pagerank: rank[id],
    constraint: constraint[id],
    effective_size: size[id],
    core: core[id],
    community: communities.communities[id] ?? null,
  }));
  const parts = connectedComponents(graph, { mode: "weak" });
  return {
    rows,
    summary: {
      nodes: graph.order,
      edges: graph.size,
      directed,
      weighted: weight !== null,
      density: density(graph),
      components: parts.count,
      largestComponent: parts.sizes[0] ?? 0,
      averageClustering: averageClustering(undirected),
      transitivity: transitivity(undirected),
      centralization: {
        degree: degreeCentralization(undirected),
        betweenness: betweennessCentralization(undirected),
        closeness: closenessCentralization(undirected),
      },
      communities: { count: communities.count, modularity: communities.modularity, seed, resolution },
    },
  };
}
