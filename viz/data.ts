/**
 * The visualiser's document (`types.ts`) built from a network: actors and links as they are, the
 * measures shown in the panel and used for node size, communities, and the positions of each layout.
 * The page only lays out and draws what is here.
 *
 * Measures come from the engine (`engine/analyse/`), on `analysisGraph(network)`: the simple
 * undirected view (parallel links collapsed, weight = sum of the links' weights). Opinion leaders
 * (`opinionLeaders`) mark the actors the page highlights, with the evidence behind their role.
 */
import { analysisGraph } from "../engine/analyse/analysisGraph.ts";
import { betweennessCentrality } from "../engine/analyse/centrality/betweenness.ts";
import { degreeCentrality, strengthCentrality } from "../engine/analyse/centrality/degree.ts";
import { pagerank } from "../engine/analyse/centrality/pagerank.ts";
import { louvain } from "../engine/analyse/community/louvain.ts";
import { buildCsr } from "../engine/analyse/kernels/csr.ts";
import { opinionLeaders } from "../engine/analyse/leaders/opinionLeaders.ts";
import { classifyNetwork, networkScopes } from "../engine/classify/index.ts";
import { InputError } from "../engine/io/errors.ts";
import type { NetworkGraph } from "../engine/model/graph.ts";
import { nafDivision } from "../engine/model/naf.ts";
import { nafLabel } from "../engine/model/nafLabels.ts";
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
  type VizForm,
  type VizLeader,
  type VizMetric,
  type VizNode,
  type VizPivot,
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
  /** Leaders highlighted: the first `top` of the whole ranking. Default 10. */
  leaders?: number;
  /** Leaders highlighted in each network (connected component). Default 3. */
  leadersPerNetwork?: number;
  /**
   * Smallest network whose own leaders, and whose pivot firm, are highlighted. Default 10: in a
   * component of a handful of actors every member would be one of its first three.
   */
  leaderNetworkMin?: number;
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
  const simple = analysisGraph(graph);
  // One CSR per weighting, shared by the measures (building it costs more than PageRank itself).
  const unweighted = buildCsr(simple);
  const weighted = buildCsr(simple, { weight: "weight" });
  const degree = degreeCentrality(simple, { csr: unweighted });
  const strength = strengthCentrality(simple, { weight: "weight", csr: weighted });
  const budget = options.betweennessBudget ?? 5e8;
  const affordable = simple.order * simple.size <= budget;
  const betweenness = affordable ? betweennessCentrality(simple, { csr: unweighted }) : null;
  const rank = simple.size > 0 ? pagerank(simple, { weight: "weight", csr: weighted }) : null;

  // Louvain on actors with at least one link; isolates get no community.
  const linked = simple.copy();
  linked.forEachNode((node) => {
    if (linked.degree(node) === 0) linked.dropNode(node);
  });
  const detected = linked.size > 0 ? louvain(linked, { seed, weight: "weight" }) : null;
  const community = new Map(Object.entries(detected?.communities ?? {}));

  // Opinion leaders and organisational forms run betweenness per component too: same budget. An
  // iterative measure that does not converge leaves them out, with a note, rather than the page.
  const notes: string[] = [];
  if (!affordable)
    notes.push(
      `betweenness, opinion leaders and organisational forms not computed: nodes × links above ${budget}`,
    );
  const leaders =
    affordable && simple.size > 0
      ? attempt("opinion leaders", () => leaderMarks(graph, options), notes)
      : null;

  const classified = affordable
    ? attempt("organisational forms", () => organisationalForms(graph, options.leaderNetworkMin ?? 10), notes)
    : null;
  const forms = classified?.forms ?? new Map<string, VizForm>();
  const pivots = classified?.pivots ?? new Map<string, VizPivot>();

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
      degree: degree[id] ?? 0,
      strength: strength[id] ?? 0,
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
      leader: leaders?.get(id) ?? null,
      form: forms.get(id) ?? null,
      pivot: pivots.get(id) ?? null,
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
    modularity: detected?.modularity == null ? null : round(detected.modularity),
    labels: { divisions: sortKeys(divisions), communes: communeNames },
    outlines,
    aggregateAbove: options.aggregateAbove ?? 20_000,
    leaders: leaders ? LEADER_METHOD : null,
    notes,
  };
}

/** Run a step; an input error (a measure that does not converge…) becomes a note and null. */
function attempt<T>(what: string, step: () => T, notes: string[]): T | null {
  try {
    return step();
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    notes.push(`${what} not computed: ${error.message}`);
    return null;
  }
}

export const LEADER_METHOD =
  "opinionLeaders (engine/analyse/leaders): mean percentile of betweenness, 1 − Burt constraint, cross-group brokerage (Gould–Fernandez, groups = NAF division @ commune of firms, kind of other actors), two-step reach, eigenvector and PageRank, each within the actor's connected component; role broker / hub / broker_hub from the brokerage vs hub percentiles";

/**
 * The actors to highlight: the first `leaders` of the ranking (actors in a network of at least 3) and
 * the first `leadersPerNetwork` of each network of at least `leaderNetworkMin` actors, with their role
 * and the evidence for it.
 */
function leaderMarks(graph: NetworkGraph, options: VizDocumentOptions): Map<string, VizLeader> {
  const top = options.leaders ?? 10;
  const perNetwork = options.leadersPerNetwork ?? 3;
  const found = opinionLeaders(graph, { perNetwork });
  const marks = new Map<string, VizLeader>();
  const mark = (leader: (typeof found.ranking)[number], overall: boolean, inNetwork: boolean) => {
    const existing = marks.get(leader.id);
    if (existing) {
      existing.top ||= overall;
      existing.networkTop ||= inNetwork;
      return;
    }
    const e = leader.evidence;
    marks.set(leader.id, {
      rank: leader.rank,
      of: found.ranking.length,
      score: round(leader.score) ?? 0,
      role: leader.role,
      top: overall,
      networkTop: inNetwork,
      network: e.network,
      networkRank: null,
      networkSize: null,
      evidence: {
        degree: e.degree,
        betweenness: round(e.betweenness ?? undefined),
        constraint: round(e.constraint ?? undefined),
        crossGroupBrokerage: e.crossGroupBrokerage,
        reach2: e.reach2,
        eigenvector: round(e.eigenvector ?? undefined),
        pagerank: round(e.pagerank ?? undefined),
      },
      percentiles: Object.fromEntries(
        Object.entries(leader.percentiles).map(([m, v]) => [m, round(v) ?? 0]),
      ) as VizLeader["percentiles"],
    });
  };
  // An actor outside any network (isolate, pair: no path or hub measure) leads nothing.
  const ranked = found.ranking.filter((leader) => leader.evidence.network !== null);
  for (const leader of ranked.slice(0, top)) mark(leader, true, false);
  for (const net of found.byNetwork) {
    if (net.size < (options.leaderNetworkMin ?? 10)) continue;
    for (const leader of net.leaders) mark(leader, false, true);
  }
  // Rank of each marked actor among the members of its network (the ranking is best first).
  const seen = new Map<number, number>();
  const sizes = new Map(found.byNetwork.map((net) => [net.network, net.size]));
  for (const row of found.ranking) {
    const net = row.evidence.network;
    if (net === null) continue;
    seen.set(net, (seen.get(net) ?? 0) + 1);
    const m = marks.get(row.id);
    if (m) {
      m.networkRank = seen.get(net) ?? null;
      m.networkSize = sizes.get(net) ?? null;
    }
  }
  return marks;
}

/**
 * Organisational form of each firm network (`engine/classify`, networks = connected components of the
 * firms, at least 3) and the pivot firm of each network of at least `pivotNetworkMin` firms labelled
 * firme-réseau: the actor it is organised around. Other networks' best-scoring actors are not pivots
 * in that sense, and a star of three or four firms is a firme-réseau with nothing to organise.
 */
function organisationalForms(
  graph: NetworkGraph,
  pivotNetworkMin: number,
): {
  forms: Map<string, VizForm>;
  pivots: Map<string, VizPivot>;
} {
  const forms = new Map<string, VizForm>();
  const pivots = new Map<string, VizPivot>();
  for (const scope of networkScopes(graph)) {
    const found = classifyNetwork(graph, scope, { pivots: 1 });
    const form: VizForm = {
      network: found.id,
      label: found.label,
      score: found.score === null ? null : round(found.score),
      size: found.size,
    };
    for (const member of scope.members) forms.set(member, form);
    const pivot = found.pivots[0];
    if (found.label !== "firme-réseau" || !pivot || found.size < pivotNetworkMin) continue;
    const e = pivot.evidence;
    pivots.set(pivot.id, {
      network: found.id,
      score: round(pivot.score) ?? 0,
      evidence: {
        tieShare: round(e.tieShare ?? undefined),
        verticalTieShare: round(e.verticalTieShare ?? undefined),
        betweenness: round(e.betweenness) ?? 0,
        pairsDisconnected: round(e.removal?.pairsDisconnected ?? undefined),
        largestComponentShare: round(e.removal?.largestComponentShare ?? undefined),
        suppliersInbound: round(e.suppliersInbound ?? undefined),
        largerThan: round(e.largerThan ?? undefined),
        formalShare: round(e.formalShare ?? undefined),
      },
    });
  }
  return { forms, pivots };
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
