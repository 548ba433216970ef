/**
 * The document the visualiser reads: the network, the measures the engine computed on it and the
 * positions of each layout, as plain JSON. Written by `data.ts` (Node), read by the page (`app/`).
 * This file imports nothing, so the browser bundle and the Node side share it.
 */

export const VIZ_FORMAT = "maillage-viz";
export const VIZ_VERSION = 1;

/** A position `[x, y]` in layout units (sigma rescales them to the viewport). */
export type Position = [number, number];

export type LayoutName = "force" | "geo" | "bipartite";

export type MetricName = "degree" | "strength" | "betweenness" | "pagerank";

export interface VizNode {
  id: string;
  name: string | null;
  kind: string;
  subtype: string | null;
  naf: string | null;
  /** NAF division (first two digits), null when the NAF code is unknown. */
  division: string | null;
  commune: string | null;
  headcount: number | null;
  size_class: string | null;
  founded: number | null;
  public_label: string | null;
  /** Community index (0 = largest), null when the actor has no link. */
  community: number | null;
  /** Measures keyed by `MetricName`; null when undefined or not computed. */
  metrics: Record<MetricName, number | null>;
  /** Position in each layout; null when the actor has no place in it (no commune, no membership). */
  layouts: Record<LayoutName, Position | null>;
  /** Set when the actor is a highlighted opinion leader (overall or in its network), else null. */
  leader: VizLeader | null;
  /** Organisational form of the firm network the actor belongs to (engine/classify), else null. */
  form: VizForm | null;
  /** Set when the actor is the pivot firm of a network classified firme-réseau, else null. */
  pivot: VizPivot | null;
}

/** Organisational-form labels, in legend order (engine/classify/formScore.ts). */
export const FORM_LABELS = ["firme-réseau", "mixed", "réseau de firmes", "undetermined"] as const;

export interface VizForm {
  /** Id of the network (connected component of the firms, e.g. `component-2`). */
  network: string;
  /** Its label and score (−1 firme-réseau … +1 réseau de firmes, null when undetermined). */
  label: string;
  score: number | null;
  size: number;
}

/** A pivot firm and the evidence (engine/classify/pivots.ts). */
export interface VizPivot {
  network: string;
  /** Pivot score in [0, 1] (1 = the strongest actor on every count). */
  score: number;
  evidence: {
    tieShare: number | null;
    verticalTieShare: number | null;
    betweenness: number;
    pairsDisconnected: number | null;
    largestComponentShare: number | null;
    suppliersInbound: number | null;
    largerThan: number | null;
    formalShare: number | null;
  };
}

/** The measures an opinion leader's score averages (percentile ranks), in display order. */
export const LEADER_MEASURE_LABELS = {
  betweenness: "betweenness",
  lowConstraint: "1 − constraint",
  crossGroupBrokerage: "cross-group brokerage",
  reach2: "two-step reach",
  eigenvector: "eigenvector",
  pagerank: "PageRank",
} as const;

export type LeaderRole = "broker" | "hub" | "broker_hub";

/** An opinion leader and the evidence behind its role (engine/analyse/leaders/opinionLeaders.ts). */
export interface VizLeader {
  /** Rank in the whole ranking (1 = best) and the number of actors ranked. */
  rank: number;
  of: number;
  /** Mean percentile of the measures, in [0, 1]. */
  score: number;
  role: LeaderRole;
  /** Among the first leaders overall. */
  top: boolean;
  /** Among the first leaders of its network. */
  networkTop: boolean;
  /** Its network (connected component, 0 = largest), its rank there and the network's size. */
  network: number | null;
  networkRank: number | null;
  networkSize: number | null;
  /** Raw values, within the actor's component (see opinionLeaders). */
  evidence: {
    degree: number;
    betweenness: number | null;
    constraint: number | null;
    crossGroupBrokerage: number;
    reach2: number | null;
    eigenvector: number | null;
    pagerank: number | null;
  };
  /** Percentile rank of each measure over all actors, in [0, 1]. */
  percentiles: Record<keyof typeof LEADER_MEASURE_LABELS, number>;
}

export interface VizEdge {
  source: string;
  target: string;
  kind: string;
  category: "market" | "non_market" | "unknown";
  directed: boolean;
  weight: number;
  start: string | null;
  end: string | null;
}

export interface VizMetric {
  name: MetricName;
  label: string;
  /** One line: definition and normalisation. */
  definition: string;
}

export interface VizCommunity {
  id: number;
  size: number;
  /** Name of the actor of highest degree in the community. */
  label: string;
  /** Mean force-layout position of its members. */
  position: Position;
}

/** Links between two communities, aggregated: one edge per pair, weight = number of links. */
export interface VizCommunityLink {
  source: number;
  target: number;
  links: number;
}

/** A commune outline in geo-layout units: rings of `[x, y]` points. */
export interface VizOutline {
  commune: string;
  name: string;
  rings: Position[][];
}

export interface VizDocument {
  format: typeof VIZ_FORMAT;
  version: typeof VIZ_VERSION;
  title: string;
  /** Where the network came from (dataset name, store path, files). */
  source: string;
  /** Seed of every randomised step (initial positions, Louvain). */
  seed: string;
  nodes: VizNode[];
  edges: VizEdge[];
  metrics: VizMetric[];
  communities: VizCommunity[];
  communityLinks: VizCommunityLink[];
  /** Modularity of the community partition on the simple weighted graph. */
  modularity: number | null;
  /** Labels for the legends. */
  labels: {
    divisions: Record<string, string>;
    communes: Record<string, string>;
  };
  outlines: VizOutline[];
  /** Above this many nodes the page opens on the aggregated communities. */
  aggregateAbove: number;
  /** How leaders were found (one sentence), null when they were not computed (see `notes`). */
  leaders: string | null;
  /** What was not computed and why (graph above the budget, a measure that did not converge). */
  notes: string[];
}

/** Canonical link categories and actor kinds, in legend order. */
export const LINK_CATEGORIES = ["market", "non_market", "unknown"] as const;
export const SIZE_CLASS_ORDER = ["micro", "sme", "midcap", "large"] as const;
