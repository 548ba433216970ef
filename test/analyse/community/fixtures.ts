/** Loading the committed peer fixtures of test/fixtures/community (made by make_reference.py). */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import Graph from "graphology";

const folder = join(import.meta.dirname, "..", "..", "fixtures", "community");

export interface ReferencePartition {
  name: string;
  membership: number[];
  modularity: Record<string, number>;
}

export interface ReferenceGraph {
  weighted: boolean;
  nodes: string[];
  edges: Array<[string, string] | [string, string, number]>;
  partitions: ReferencePartition[];
  igraph_multilevel: { modularity: number[]; best: number };
  igraph_leiden: { modularity: number[]; best: number };
  pairs: Array<{ a: string; b: string; nmi: number; vi: number }>;
}

export interface Lfr {
  params: Record<string, number>;
  nodes: string[];
  edges: Array<[string, string]>;
  planted: number[];
  igraph_multilevel_nmi: number[];
  igraph_multilevel_nmi_mean: number;
  igraph_leiden_nmi: number[];
  igraph_leiden_nmi_mean: number;
}

export const reference = JSON.parse(readFileSync(join(folder, "reference.json"), "utf8")) as {
  graphs: Record<string, ReferenceGraph>;
};

export const lfr = (mu: string): Lfr =>
  JSON.parse(readFileSync(join(folder, `lfr_mu${mu}.json`), "utf8")) as Lfr;

/** An undirected graphology graph of an edge list; weights in attribute `weight` when given. */
export function graphOf(nodes: string[], edges: ReadonlyArray<ReadonlyArray<string | number>>): Graph {
  const graph = new Graph({ type: "undirected" });
  for (const node of nodes) graph.addNode(node);
  for (const [s, t, w] of edges) {
    graph.addEdge(String(s), String(t), w === undefined ? {} : { weight: Number(w) });
  }
  return graph;
}

/** A membership list (in `nodes` order) as a partition record. */
export function record(nodes: string[], membership: number[]): Record<string, number> {
  return Object.fromEntries(nodes.map((node, i) => [node, membership[i]]));
}
