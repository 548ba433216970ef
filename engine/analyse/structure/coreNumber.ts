/**
 * k-core numbers (Seidman 1983): the core number of u is the largest k such that u belongs to a
 * subgraph where every node has degree ≥ k. Batagelj & Zaversnik's O(m) bucket algorithm (2003),
 * the one networkx's `core_number` implements; tested equal on the peer graphs.
 *
 * Read on the undirected simple graph (`adjacency.ts`: parallel links count once, directions ignored,
 * self-loops dropped — networkx refuses self-loops); the degree is the number of distinct neighbours.
 * An isolate has core number 0.
 */

import { withAssign } from "../measure.ts";
import { type AnyGraph, buildAdjacency, byNode } from "./adjacency.ts";

function coreNumberOf(graph: AnyGraph): Record<string, number> {
  const adj = buildAdjacency(graph, { directed: false });
  const n = adj.ids.length;
  const degree = new Int32Array(n);
  let maxDegree = 0;
  for (let u = 0; u < n; u++) {
    degree[u] = adj.out[u].size;
    if (degree[u] > maxDegree) maxDegree = degree[u];
  }
  // Nodes sorted by degree (counting sort), with bin starts and positions for O(1) moves.
  const bin = new Int32Array(maxDegree + 1);
  for (let u = 0; u < n; u++) bin[degree[u]]++;
  let start = 0;
  for (let d = 0; d <= maxDegree; d++) {
    const count = bin[d];
    bin[d] = start;
    start += count;
  }
  const order = new Int32Array(n);
  const position = new Int32Array(n);
  for (let u = 0; u < n; u++) {
    position[u] = bin[degree[u]]++;
    order[position[u]] = u;
  }
  for (let d = maxDegree; d > 0; d--) bin[d] = bin[d - 1];
  bin[0] = 0;
  for (let i = 0; i < n; i++) {
    const v = order[i];
    for (const u of adj.out[v].keys()) {
      if (degree[u] > degree[v]) {
        // Move u to the front of its bin, then shrink its degree by one.
        const du = degree[u];
        const pu = position[u];
        const pw = bin[du];
        const w = order[pw];
        if (u !== w) {
          order[pu] = w;
          position[w] = pu;
          order[pw] = u;
          position[u] = pw;
        }
        bin[du]++;
        degree[u]--;
      }
    }
  }
  return byNode(adj, Array.from(degree));
}

/** Core number per node. `.assign` writes attribute `core`. */
export const coreNumber = withAssign(coreNumberOf, "core");

/** The nodes of the k-core (core number ≥ k), in graph order. */
export function kCore(graph: AnyGraph, k: number): string[] {
  const cores = coreNumber(graph);
  return graph.filterNodes((id) => cores[id] >= k);
}
