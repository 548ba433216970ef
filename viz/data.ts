/**
 * The visualiser's document (`types.ts`) built from a network: actors and links as they are, the
 * measures shown in the panel and used for node size, communities, and the positions of each layout.
 * The page only lays out and draws what is here.
 *
 * Measures run on the simple undirected view of the network (parallel links collapsed, weight = sum
 * of the links' weights, `simpleView`); the community and centrality modules of the engine will
 * replace the direct graphology-metrics / Louvain calls here when they exist.
 */
import louvain from "graphology-communities-louvain";
import betweennessCentrality from "graphology-metrics/centrality/betweenness";
import pagerank from "graphology-metrics/centrality/pagerank";
import type { NetworkGraph } from "../engine/model/graph.ts";
import { nafDivision } from "../engine/model/naf.ts";
import { nafLabel } from "../engine/model/nafLabels.ts";
import { simpleView } from "../engine/model/views.ts";
import { createRng } from "../engine/random/prng.ts";
import { readCentroids, readOutlines } from "./geo.ts";
import { bipartiteLayout, equirectangular, forceLayout, geoLayout } from "./layouts.ts";
import {
  type MetricName,
  type Position,
  VIZ_FORMAT,
  VIZ_VERSION,
  type VizCommunity,
  type VizCommunityLink,
  type VizDocument,
  type VizEdge,
  type VizMetric,
  type VizNode,
} from "./types.ts";

export interface VizDocumentOptions {
  /** Title shown in the page. Default "maillage". */
  title?: string;
  /** Description of the source (dataset, store, files). Default "". */
  source?: string;
  /** Seed of the force layout's start and of Louvain. Default "maillage". */
  seed?: string;
  /** Commune centroids and outlines for the geographic layout; without them there is no geo layout. */
  geo?: { centroids: string; boundaries?: string };
  /** FA2 iterations (see `defaultIterations`). */
  layoutIterations?: number;
  /**
   * Betweenness is O(n·m): it is computed only when nodes × edges of the simple view is at most this.
   * Default 5e8 (a 10k-node, 50k-edge graph: a few seconds).
   */
  betweennessBudget?: number;
  /** The page opens on aggregated communities above this many actors. Default 20,000. */
  aggregateAbove?: number;
}

export const METRICS: readonly VizMetric[] = [
  { name: "degree", label: "Degree", definition: "number of distinct partners (parallel links count once)" },
  {
    name: "strength",
    label: "Weighted degree",
    definition: "sum of the weights of the actor's links (a link without weight counts 1)",
  },
  {
    name: "betweenness",
    label: "Betweenness",
    definition:
      "share of shortest paths between other pairs through the actor, unweighted, normalised by (n−1)(n−2)/2",
  },
  {
    name: "pagerank",
    label: "PageRank",
    definition: "PageRank on the undirected weighted simple graph, damping 0.85; sums to 1",
  },
];

const MEMBERSHIP_ORGANISATIONS = new Set(["association", "chamber", "network_org"]);

/** Build the document. Same network + options → the same JSON, byte for byte. */
export function vizDocument(graph: NetworkGraph, options: VizDocumentOptions = {}): VizDocument {
  const seed = options.seed ?? "maillage";
  const simple = simpleView(graph);

  const degree = new Map<string, number>();
  const strength = new Map<string, number>();
  simple.forEachNode((node) => {
    degree.set(node, simple.degree(node));
    let s = 0;
    simple.forEachEdge(node, (_e, attributes) => {
      s += attributes.weight;
    });
    strength.set(node, s);
  });
  const budget = options.betweennessBudget ?? 5e8;
  const betweenness =
    simple.order * simple.size <= budget
      ? betweennessCentrality(simple, { normalized: true, getEdgeWeight: null })
      : null;
  const rank =
    simple.size > 0
      ? pagerank(simple, { getEdgeWeight: "weight", tolerance: 1e-10, maxIterations: 1000 })
      : null;

  // Louvain on actors with at least one link; isolates get no community.
  const linked = simple.copy();
  linked.forEachNode((node) => {
    if (linked.degree(node) === 0) linked.dropNode(node);
  });
  const detailed =
    linked.size > 0
      ? louvain.detailed(linked, { rng: createRng(`${seed}/louvain`), getEdgeWeight: "weight" })
      : null;
  const community = renumberCommunities(detailed?.communities ?? {});

  const force = forceLayout(simple, { seed, iterations: options.layoutIterations });

  let geo = new Map<string, Position>();
  let outlines: VizDocument["outlines"] = [];
  const communeNames: Record<string, string> = {};
  if (options.geo) {
    const centroids = readCentroids(options.geo.centroids);
    const used = new Set<string>();
    graph.forEachNode((_id, a) => {
      if (a.commune && centroids.has(a.commune)) used.add(a.commune);
    });
    const lats = [...used].map((c) => centroids.get(c)?.lat as number);
    const project = equirectangular(lats.length ? (Math.min(...lats) + Math.max(...lats)) / 2 : 49.5);
    geo = geoLayout(
      graph.mapNodes((id, a) => ({ id, commune: a.commune })),
      centroids,
      project,
    );
    for (const code of [...used].sort()) communeNames[code] = centroids.get(code)?.name ?? code;
    if (options.geo.boundaries) outlines = readOutlines(options.geo.boundaries, used, project);
  }

  const memberships: Array<[string, string]> = [];
  graph.forEachEdge((_key, a, source, target) => {
    if (a.kind === "membership" && MEMBERSHIP_ORGANISATIONS.has(graph.getNodeAttribute(target, "kind")))
      memberships.push([source, target]);
  });
  const bipartite = bipartiteLayout(memberships);

  const divisions: Record<string, string> = {};
  const nodes: VizNode[] = graph.mapNodes((id, a) => {
    const division = a.naf ? nafDivision(a.naf) : null;
    if (division && !(division in divisions)) divisions[division] = nafLabel(division) ?? division;
    const metrics: Record<MetricName, number | null> = {
      degree: degree.get(id) ?? 0,
      strength: strength.get(id) ?? 0,
      betweenness: betweenness ? round(betweenness[id]) : null,
      pagerank: rank ? round(rank[id]) : null,
    };
    return {
      id,
      name: a.name,
      kind: a.kind,
      subtype: a.subtype,
      naf: a.naf,
      division,
      commune: a.commune,
      headcount: a.headcount,
      size_class: a.size_class,
      founded: a.founded,
      public_label: a.public_label,
      community: community.get(id) ?? null,
      metrics,
      layouts: {
        force: force.get(id) ?? [0, 0],
        geo: geo.get(id) ?? null,
        bipartite: bipartite.get(id) ?? null,
      },
    };
  });

  const edges: VizEdge[] = graph.mapEdges((_key, a, source, target) => ({
    source,
    target,
    kind: a.kind,
    category: a.category,
    directed: a.directed,
    weight: a.weight,
    start: a.start,
    end: a.end,
  }));

  const { communities, communityLinks } = aggregateCommunities(nodes, edges);

  return {
    format: VIZ_FORMAT,
    version: VIZ_VERSION,
    title: options.title ?? "maillage",
    source: options.source ?? "",
    seed,
    nodes,
    edges,
    metrics: METRICS.filter((m) => m.name !== "betweenness" || betweenness !== null),
    communities,
    communityLinks,
    modularity: detailed ? round(detailed.modularity) : null,
    labels: { divisions: sortKeys(divisions), communes: communeNames },
    outlines,
    aggregateAbove: options.aggregateAbove ?? 20_000,
  };
}

/** Renumber Louvain's labels by decreasing size (ties by smallest member id): 0 is the largest. */
function renumberCommunities(raw: Record<string, number>): Map<string, number> {
  const groups = new Map<number, string[]>();
  for (const [node, c] of Object.entries(raw)) {
    const list = groups.get(c) ?? [];
    list.push(node);
    groups.set(c, list);
  }
  const ordered = [...groups.values()]
    .map((members) => members.sort())
    .sort((a, b) => b.length - a.length || (a[0] < b[0] ? -1 : 1));
  const out = new Map<string, number>();
  ordered.forEach((members, i) => {
    for (const m of members) out.set(m, i);
  });
  return out;
}

/** One node per community (size, label, mean position) and one edge per pair of communities. */
export function aggregateCommunities(
  nodes: readonly VizNode[],
  edges: readonly VizEdge[],
): { communities: VizCommunity[]; communityLinks: VizCommunityLink[] } {
  const stats = new Map<number, { size: number; x: number; y: number; best: VizNode }>();
  const byId = new Map<string, VizNode>();
  for (const node of nodes) {
    byId.set(node.id, node);
    if (node.community === null) continue;
    const [x, y] = node.layouts.force ?? [0, 0];
    const s = stats.get(node.community);
    if (!s) stats.set(node.community, { size: 1, x, y, best: node });
    else {
      s.size++;
      s.x += x;
      s.y += y;
      if ((node.metrics.degree ?? 0) > (s.best.metrics.degree ?? 0)) s.best = node;
    }
  }
  const communities: VizCommunity[] = [...stats.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([id, s]) => ({
      id,
      size: s.size,
      label: s.best.name ?? s.best.id,
      position: [round(s.x / s.size) ?? 0, round(s.y / s.size) ?? 0],
    }));
  const pairs = new Map<string, VizCommunityLink>();
  for (const edge of edges) {
    const a = byId.get(edge.source)?.community;
    const b = byId.get(edge.target)?.community;
    if (a === null || a === undefined || b === null || b === undefined || a === b) continue;
    const [source, target] = a < b ? [a, b] : [b, a];
    const key = `${source}-${target}`;
    const link = pairs.get(key);
    if (link) link.links++;
    else pairs.set(key, { source, target, links: 1 });
  }
  const communityLinks = [...pairs.values()].sort((p, q) => p.source - q.source || p.target - q.target);
  return { communities, communityLinks };
}

function sortKeys(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).sort((a, b) => (a[0] < b[0] ? -1 : 1)));
}

function round(v: number | undefined): number | null {
  if (v === undefined || !Number.isFinite(v)) return null;
  return Number(v.toPrecision(8));
}
