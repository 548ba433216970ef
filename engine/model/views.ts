/**
 * Views of a network: the same actors with a subset of the links (market, non-market, some kinds, a
 * period), or a simple graph for measures that need one. A view is a new graph; the network is not
 * modified. Views keep every actor by default so that node sets stay comparable across views; pass
 * `dropIsolates: true` to keep only the actors the retained links touch.
 */
import Graph from "graphology";
import { overlaps } from "./dates.ts";
import { emptyNetwork, type NetworkGraph } from "./graph.ts";
import type { Link, LinkAttributes } from "./types.ts";
import type { ActorKind, LinkCategory, LinkKind } from "./vocabulary.ts";

export interface ViewOptions {
  /** Keep only actors touched by a retained link. Default false. */
  dropIsolates?: boolean;
}

/** Links kept by a predicate on the link (ends and attributes). */
export function linkView(
  graph: NetworkGraph,
  keep: (link: Link, key: string) => boolean,
  options: ViewOptions = {},
): NetworkGraph {
  const view = emptyNetwork();
  view.replaceAttributes({ ...graph.getAttributes() });
  const kept: Array<[string, Link]> = [];
  graph.forEachEdge((key, attributes, source, target) => {
    const link: Link = { source, target, ...attributes };
    if (keep(link, key)) kept.push([key, link]);
  });
  if (options.dropIsolates) {
    const touched = new Set<string>();
    for (const [, link] of kept) touched.add(link.source).add(link.target);
    graph.forEachNode((id, attributes) => {
      if (touched.has(id)) view.addNode(id, { ...attributes });
    });
  } else {
    graph.forEachNode((id, attributes) => {
      view.addNode(id, { ...attributes });
    });
  }
  for (const [key, link] of kept) {
    const { source, target, ...attributes } = link;
    if (attributes.directed) view.addDirectedEdgeWithKey(key, source, target, attributes);
    else view.addUndirectedEdgeWithKey(key, source, target, attributes);
  }
  return view;
}

export function categoryView(
  graph: NetworkGraph,
  category: LinkCategory,
  options?: ViewOptions,
): NetworkGraph {
  return linkView(graph, (link) => link.category === category, options);
}

/** Market links only (supply, subcontracting, co-production…). */
export const marketView = (graph: NetworkGraph, options?: ViewOptions) =>
  categoryView(graph, "market", options);
/** Non-market links only (membership, information, advice, mentoring, friendship…). */
export const nonMarketView = (graph: NetworkGraph, options?: ViewOptions) =>
  categoryView(graph, "non_market", options);

/** Links of the given kinds. */
export function kindView(
  graph: NetworkGraph,
  kinds: LinkKind | LinkKind[],
  options?: ViewOptions,
): NetworkGraph {
  const wanted = new Set(Array.isArray(kinds) ? kinds : [kinds]);
  return linkView(graph, (link) => wanted.has(link.kind), options);
}

/**
 * Links active at some time in [from, to] (ISO dates, either end open). A link with no start is taken
 * as active since ever, one with no end as still active.
 */
export function periodView(
  graph: NetworkGraph,
  period: { from?: string | null; to?: string | null },
  options?: ViewOptions,
): NetworkGraph {
  return linkView(graph, (link) => overlaps(link.start, link.end, period.from, period.to), options);
}

/** Actors of the given kinds and the links among them (e.g. the firm-to-firm view). */
export function actorView(graph: NetworkGraph, kinds: ActorKind | ActorKind[]): NetworkGraph {
  const wanted = new Set(Array.isArray(kinds) ? kinds : [kinds]);
  const view = emptyNetwork();
  view.replaceAttributes({ ...graph.getAttributes() });
  graph.forEachNode((id, attributes) => {
    if (wanted.has(attributes.kind)) view.addNode(id, { ...attributes });
  });
  graph.forEachEdge((key, attributes, source, target) => {
    if (!view.hasNode(source) || !view.hasNode(target)) return;
    if (attributes.directed) view.addDirectedEdgeWithKey(key, source, target, { ...attributes });
    else view.addUndirectedEdgeWithKey(key, source, target, { ...attributes });
  });
  return view;
}

export interface SimpleEdgeAttributes {
  /** Sum of the collapsed links' weights (or their count, see `weight` option). */
  weight: number;
  /** Number of links collapsed into this edge. */
  links: number;
  /** Their kinds, sorted, without repeats. */
  kinds: LinkKind[];
}

export interface SimpleViewOptions {
  /**
   * `false` (default): an undirected simple graph, every link between a pair collapsed into one edge.
   * `true`: a directed simple graph; a directed link keeps its direction, an undirected link counts in
   * both directions.
   */
  directed?: boolean;
  /** `sum` (default): edge weight = sum of link weights; `count`: number of links. */
  weight?: "sum" | "count";
}

/**
 * The simple graph that unweighted and weighted measures run on: parallel links between a pair are
 * collapsed into one edge whose weight is the sum of their weights (or their count).
 */
export function simpleView(
  graph: NetworkGraph,
  options: SimpleViewOptions = {},
): Graph<Record<string, unknown>, SimpleEdgeAttributes> {
  const directed = options.directed ?? false;
  const byCount = options.weight === "count";
  const simple = new Graph<Record<string, unknown>, SimpleEdgeAttributes>({
    type: directed ? "directed" : "undirected",
    multi: false,
    allowSelfLoops: false,
  });
  graph.forEachNode((id, attributes) => {
    simple.addNode(id, { ...attributes });
  });
  const add = (source: string, target: string, attributes: LinkAttributes) => {
    const w = byCount ? 1 : attributes.weight;
    const existing = simple.edge(source, target);
    if (existing === undefined) {
      simple.addEdge(source, target, { weight: w, links: 1, kinds: [attributes.kind] });
      return;
    }
    const edge = simple.getEdgeAttributes(existing);
    edge.weight += w;
    edge.links += 1;
    if (!edge.kinds.includes(attributes.kind)) edge.kinds = [...edge.kinds, attributes.kind].sort();
  };
  graph.forEachEdge((_key, attributes, source, target) => {
    add(source, target, attributes);
    if (directed && !attributes.directed) add(target, source, attributes);
  });
  return simple;
}
