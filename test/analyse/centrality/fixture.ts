/**
 * The peer reference graphs and values (test/fixtures/centrality/reference.json, written by
 * make_reference.py with networkx 2.8.8 and python-igraph 0.10.2) and the graphology graphs they
 * describe.
 */
import { readFileSync } from "node:fs";
import Graph from "graphology";
import { expect } from "vitest";

export interface ReferenceGraph {
  directed: boolean;
  weighted: boolean;
  nodes: string[];
  edges: Array<[string, string] | [string, string, number]>;
  measures: Record<string, Record<string, number> | string[]>;
  centralization: Record<string, number | null>;
  networkx_tie_error?: number;
}

export interface Reference {
  graphs: Record<string, ReferenceGraph>;
  star: Record<string, number>;
}

export const reference = JSON.parse(
  readFileSync(new URL("../../fixtures/centrality/reference.json", import.meta.url), "utf8"),
) as Reference;

export const GRAPH_NAMES = Object.keys(reference.graphs);

/** The graphology graph of a reference graph, nodes in the fixture's order, weights in `weight`. */
export function graphOf(name: string): Graph {
  const ref = reference.graphs[name];
  const graph = new Graph({ type: ref.directed ? "directed" : "undirected", multi: false });
  for (const node of ref.nodes) graph.addNode(node);
  for (const [u, v, w] of ref.edges) graph.addEdge(u, v, w === undefined ? {} : { weight: w });
  return graph;
}

export function measure(name: string, key: string): Record<string, number> {
  const values = reference.graphs[name].measures[key];
  if (values === undefined || Array.isArray(values)) throw new Error(`no measure ${key} for ${name}`);
  return values;
}

/** Every node of `expected` has a value within `tolerance` in `actual`, and no other node is there. */
export function expectClose(
  actual: Record<string, number | null>,
  expected: Record<string, number>,
  tolerance: number,
  label: string,
): void {
  expect(Object.keys(actual).sort(), label).toEqual(Object.keys(expected).sort());
  let worst = 0;
  let where = "";
  for (const [node, value] of Object.entries(expected)) {
    const got = actual[node];
    expect(typeof got, `${label}: ${node}`).toBe("number");
    const diff = Math.abs((got as number) - value);
    if (!(diff <= worst)) {
      worst = diff;
      where = node;
    }
  }
  expect(worst, `${label}: largest difference at node ${where}`).toBeLessThanOrEqual(tolerance);
}
