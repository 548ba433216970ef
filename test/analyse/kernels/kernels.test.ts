/**
 * The CSR view and its kernels: building rules (direction, merged parallel arcs, dropped loops,
 * checked weights), components against graphology-components, the indexed heap, Dijkstra against BFS.
 */
import Graph, { MultiGraph } from "graphology";
import { connectedComponents } from "graphology-components";
import { describe, expect, it } from "vitest";
import { componentLabels } from "../../../engine/analyse/kernels/components.ts";
import { buildCsr, csrFromArcs, transposeCsr } from "../../../engine/analyse/kernels/csr.ts";
import { IndexedMinHeap } from "../../../engine/analyse/kernels/heap.ts";
import { bfsFrom, dijkstraFrom, pathWorkspace } from "../../../engine/analyse/kernels/shortestPaths.ts";
import { InputError } from "../../../engine/io/errors.ts";
import { createRng } from "../../../engine/random/prng.ts";

/** Rows as sorted "target:weight" lists keyed by node. */
function rows(csr: ReturnType<typeof buildCsr>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (let v = 0; v < csr.order; v++) {
    const row: string[] = [];
    for (let p = csr.offsets[v]; p < csr.offsets[v + 1]; p++) {
      row.push(`${csr.nodes[csr.targets[p]]}:${csr.weights ? csr.weights[p] : 1}`);
    }
    out[csr.nodes[v]] = row.sort();
  }
  return out;
}

function randomGraph(n: number, m: number, seed: string): Graph {
  const rng = createRng(seed);
  const g = new Graph({ type: "undirected" });
  for (let i = 0; i < n; i++) g.addNode(`n${i}`);
  for (let e = 0; e < m; e++) {
    const a = Math.floor(rng() * n);
    const b = Math.floor(rng() * n);
    if (a !== b) g.mergeEdge(`n${a}`, `n${b}`, { weight: 1 + Math.floor(rng() * 5) });
  }
  return g;
}

describe("buildCsr options: kept self-loops, weight functions, null weights", () => {
  // a—b twice (weights 2 and 3), a loop on a (weight 4), a loop on c (no weight), b—c (weight null)
  const g = new MultiGraph({ type: "undirected" });
  for (const id of ["a", "b", "c"]) g.addNode(id);
  g.addEdge("a", "b", { weight: 2 });
  g.addEdge("a", "b", { weight: 3 });
  g.addEdge("a", "a", { weight: 4 });
  g.addEdge("c", "c", {});
  g.addEdge("b", "c", { weight: null });

  it("keeps self-loops' weights apart from the rows, summed per node", () => {
    const csr = buildCsr(g, { weight: "weight", selfLoops: "keep" });
    expect(rows(csr)).toEqual({ a: ["b:5"], b: ["a:5", "c:1"], c: ["b:1"] });
    expect(csr.selfLoops).toBe(2);
    // a: its loop weighs 4; c: a loop without weight counts 1; b has none
    expect(Array.from(csr.loops ?? [])).toEqual([4, 0, 1]);
    const dropped = buildCsr(g, { weight: "weight" });
    expect(dropped.loops).toBeNull();
    expect(dropped.selfLoops).toBe(2);
  });

  it("reads a null weight as 1, like a missing one", () => {
    expect(rows(buildCsr(g, { weight: "weight" })).c).toEqual(["b:1"]);
  });

  it("takes the weight from a function of the edge", () => {
    // every edge weighs 10 whatever its attribute: a—b merges 2 edges into 20
    const csr = buildCsr(g, { weight: () => 10, selfLoops: "keep" });
    expect(rows(csr)).toEqual({ a: ["b:20"], b: ["a:20", "c:10"], c: ["b:10"] });
    expect(Array.from(csr.loops ?? [])).toEqual([10, 0, 10]);
  });
});

describe("buildCsr", () => {
  it("reads a mixed multigraph as directed, merges parallel arcs, drops loops", () => {
    const g = new MultiGraph({ type: "mixed", allowSelfLoops: true });
    for (const n of ["a", "b", "c"]) g.addNode(n);
    g.addDirectedEdge("a", "b", { w: 2 });
    g.addDirectedEdge("a", "b", { w: 3 });
    g.addUndirectedEdge("a", "b", { w: 1 });
    g.addUndirectedEdge("b", "c", { w: 4 });
    g.addDirectedEdge("c", "c", { w: 9 });
    const csr = buildCsr(g, { weight: "w" });
    expect(csr.directed).toBe(true);
    expect(csr.selfLoops).toBe(1);
    expect(rows(csr)).toEqual({ a: ["b:6"], b: ["a:1", "c:4"], c: ["b:4"] });
    expect(rows(transposeCsr(csr))).toEqual({ a: ["b:1"], b: ["a:6", "c:4"], c: ["b:4"] });
    expect(rows(buildCsr(g, { weight: "w", directed: false }))).toEqual({
      a: ["b:6"],
      b: ["a:6", "c:4"],
      c: ["b:4"],
    });
    // An undirected CSR is its own transpose.
    const u = buildCsr(g, { directed: false });
    expect(transposeCsr(u)).toBe(u);
  });
  it("a directed graph read as undirected merges reciprocal arcs", () => {
    const g = new Graph({ type: "directed" });
    g.mergeEdge("a", "b", { weight: 1 });
    g.mergeEdge("b", "a", { weight: 2 });
    expect(rows(buildCsr(g, { weight: "weight", directed: false }))).toEqual({ a: ["b:3"], b: ["a:3"] });
  });
  it("refuses a weight that is not a finite number > 0, naming the edge", () => {
    const g = new Graph();
    g.mergeEdgeWithKey("e1", "a", "b", { weight: -2 });
    expect(() => buildCsr(g, { weight: "weight" })).toThrow(InputError);
    expect(() => buildCsr(g, { weight: "weight" })).toThrow("edge e1 (a -> b) has weight = -2");
    expect(buildCsr(g).weights).toBeNull();
  });
  it("csrFromArcs without merging keeps the rows as given", () => {
    const csr = csrFromArcs(
      { nodes: ["x", "y", "z"], directed: true, merge: false },
      Int32Array.from([2, 0, 0]),
      Int32Array.from([0, 1, 2]),
      null,
    );
    expect(Array.from(csr.offsets)).toEqual([0, 2, 2, 3]);
    expect(rows(csr)).toEqual({ x: ["y:1", "z:1"], y: [], z: ["x:1"] });
  });
});

describe("componentLabels", () => {
  it("gives the same partition as graphology-components", () => {
    for (const seed of ["a", "b", "c"]) {
      const g = randomGraph(400, 300, seed);
      const csr = buildCsr(g);
      const { labels, count, sizes } = componentLabels(csr);
      const expected = connectedComponents(g);
      expect(count).toBe(expected.length);
      for (const component of expected) {
        const label = labels[csr.nodes.indexOf(component[0])];
        expect(sizes[label]).toBe(component.length);
        for (const node of component) expect(labels[csr.nodes.indexOf(node)]).toBe(label);
      }
      // Labels are numbered by first node.
      expect(labels[0]).toBe(0);
    }
  });
});

describe("IndexedMinHeap", () => {
  it("pops in key order (ties by index) with decrease-key", () => {
    const rng = createRng("heap");
    const heap = new IndexedMinHeap(200);
    const keys = new Map<number, number>();
    for (let i = 0; i < 200; i++) {
      const k = Math.floor(rng() * 50);
      heap.push(i, k);
      keys.set(i, k);
    }
    for (let i = 0; i < 200; i += 7) {
      heap.push(i, -1);
      keys.set(i, -1);
    }
    heap.push(3, 1000); // a higher key is ignored
    const popped: number[] = [];
    while (heap.size > 0) popped.push(heap.pop());
    const expected = [...keys.keys()].sort(
      (a, b) => (keys.get(a) as number) - (keys.get(b) as number) || a - b,
    );
    expect(popped).toEqual(expected);
  });
});

describe("shortest paths", () => {
  it("Dijkstra with unit lengths equals BFS (distances and path counts)", () => {
    const csr = buildCsr(randomGraph(300, 900, "paths"));
    const ones = new Float64Array(csr.targets.length).fill(1);
    const a = pathWorkspace(csr, false);
    const b = pathWorkspace(csr, true);
    for (const s of [0, 17, 150]) {
      bfsFrom(csr, s, a);
      dijkstraFrom(csr, ones, s, b);
      expect(Array.from(b.dist)).toEqual(Array.from(a.dist));
      expect(Array.from(b.sigma)).toEqual(Array.from(a.sigma));
      expect(b.reached).toBe(a.reached);
    }
  });
});
