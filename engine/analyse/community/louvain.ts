/**
 * Louvain community detection (Blondel et al. 2008) through graphology-communities-louvain, seeded,
 * followed by a vertex-level refinement (`refineModularity`, on by default for undirected graphs) that
 * moves single nodes and merges communities until no move raises modularity.
 *
 * Inputs: an undirected or a directed graphology graph (directed modularity, Leicht & Newman 2008).
 * A maillage network is mixed and keeps parallel links: run on `simpleView(network)` (parallel links
 * collapsed, weight = sum). Weights must be ≥ 0. A graph without edge weight gives every node its own
 * community and modularity `null`. Communities are renumbered canonically (by decreasing size, then by
 * first member in node order): the same graph, options and seed give byte-identical output.
 * Like any Louvain, a community can come out internally disconnected (rarely; see
 * test/analyse/community/leiden.test.ts): use `leiden` when communities must be connected.
 */
import type Graph from "graphology";
import graphologyLouvain from "graphology-communities-louvain";
import { createRng } from "../../random/index.ts";
import { readsAsDirected } from "../kernels/csr.ts";
import { modularity } from "./modularity.ts";
import { canonicalPartition, communityCount, type Partition } from "./partition.ts";
import { refineModularity } from "./refine.ts";
import { assertNotMixed, type WeightOption, weightReader } from "./weights.ts";

export interface LouvainOptions {
  /** Resolution γ (> 1: more, smaller communities). Default 1. */
  resolution?: number;
  /** Seed of the random node order; default 0. Same seed, same result. */
  seed?: string | number;
  /** Edge weight attribute, or null for unweighted. Default `"weight"` (missing = 1). */
  weight?: WeightOption;
  /**
   * Vertex-level refinement after Louvain (undirected graphs only): raises modularity, never lowers
   * it. Default true.
   */
  refine?: boolean;
  /** Node attribute written by `louvain.assign`. Default `"community"`. */
  attribute?: string;
}

export interface LouvainResult {
  /** Community id per node, 0..count-1, canonical numbering, nodes in graph order. */
  communities: Partition;
  /** Modularity of that partition at the given resolution (networkx definition); null without edges. */
  modularity: number | null;
  count: number;
  resolution: number;
  seed: string | number;
}

function detect(graph: Graph, options: LouvainOptions = {}): LouvainResult {
  assertNotMixed(graph, "louvain");
  const resolution = options.resolution ?? 1;
  const seed = options.seed ?? 0;
  const read = weightReader(options.weight);
  const order = graph.nodes();
  let total = 0;
  graph.forEachEdge((key, attributes) => {
    total += read(key, attributes);
  });
  if (total === 0) {
    const singletons: Partition = {};
    order.forEach((node, i) => {
      singletons[node] = i;
    });
    const communities = canonicalPartition(order, singletons);
    return { communities, modularity: null, count: order.length, resolution, seed };
  }
  const rng = createRng(`${seed}/louvain`);
  const found = graphologyLouvain(graph, {
    getEdgeWeight: (key, attributes) => read(key, attributes),
    resolution,
    rng,
  });
  const directed = readsAsDirected(graph);
  const labels =
    (options.refine ?? true) && !directed
      ? refineModularity(graph, found, { resolution, weight: options.weight, seed: `${seed}/refine` })
      : found;
  const communities = canonicalPartition(order, labels);
  return {
    communities,
    modularity: modularity(graph, communities, { weight: options.weight, resolution }),
    count: communityCount(communities),
    resolution,
    seed,
  };
}

/** Louvain communities; `louvain.assign(graph, options)` writes them to a node attribute. */
export const louvain = Object.assign(detect, {
  assign(graph: Graph, options: LouvainOptions = {}): LouvainResult {
    const result = detect(graph, options);
    const attribute = options.attribute ?? "community";
    for (const [node, c] of Object.entries(result.communities)) graph.setNodeAttribute(node, attribute, c);
    return result;
  },
});
