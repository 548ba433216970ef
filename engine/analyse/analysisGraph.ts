/**
 * The simple graph that measures run on. A maillage network is a mixed multigraph (directed and
 * undirected links, several kinds between the same pair); most measures are defined on simple graphs,
 * so the network is first collapsed by `simpleView`:
 * - `directed: false` (default): one undirected edge per pair of actors tied by any link;
 * - `directed: true`: one arc per ordered pair; a directed link keeps its direction, an undirected link
 *   counts both ways;
 * - the edge attribute `weight` is the sum of the collapsed links' weights (`weight: "sum"`, default) or
 *   their number (`weight: "count"`); whether a measure uses it is the measure's own `weight` option
 *   (pass `weight: "weight"` to a measure for a weighted result);
 * - every actor is kept, isolates included, so that per-node tables cover the whole network; the
 *   model has no self-loops (readers quarantine them).
 * Views of one kind, one category or one period (`marketView`, `kindView`, `periodView`…) are taken
 * before this step: `analysisGraph(marketView(network), { directed: true })`.
 */
import type Graph from "graphology";
import type { NetworkGraph } from "../model/graph.ts";
import { type SimpleEdgeAttributes, simpleView } from "../model/views.ts";

export interface AnalysisGraphOptions {
  /** Keep link directions (default false: an undirected graph). */
  directed?: boolean;
  /** Edge weight: `sum` (default) of the links' weights, or `count` of links. */
  weight?: "sum" | "count";
}

export type AnalysisGraph = Graph<Record<string, unknown>, SimpleEdgeAttributes>;

export function analysisGraph(network: NetworkGraph, options: AnalysisGraphOptions = {}): AnalysisGraph {
  return simpleView(network, { directed: options.directed ?? false, weight: options.weight ?? "sum" });
}
