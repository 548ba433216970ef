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
}

/** Canonical link categories and actor kinds, in legend order. */
export const LINK_CATEGORIES = ["market", "non_market", "unknown"] as const;
export const SIZE_CLASS_ORDER = ["micro", "sme", "midcap", "large"] as const;
