/**
 * Documented behaviour on awkward input: self-loops, isolates, parallel links, bad weights, tiny and
 * empty graphs, graphs where eigenvector centrality has no answer; `analysisGraph` on a maillage
 * network; `.assign`; float ties in weighted shortest paths.
 */
import Graph, { MultiGraph } from "graphology";
import { describe, expect, it } from "vitest";
import { analysisGraph } from "../../../engine/analyse/analysisGraph.ts";
import {
  betweennessCentrality,
  ConvergenceError,
  closenessCentrality,
  degreeCentrality,
  eigenvectorCentrality,
  harmonicCentrality,
  pagerank,
  sampledBetweennessCentrality,
  strengthCentrality,
} from "../../../engine/analyse/centrality/index.ts";
import { buildCsr } from "../../../engine/analyse/kernels/csr.ts";
import { InputError } from "../../../engine/io/errors.ts";
import { buildNetwork } from "../../../engine/model/graph.ts";
import { blankActor, type Link } from "../../../engine/model/types.ts";
import { type LinkKind, linkCategory } from "../../../engine/model/vocabulary.ts";
import { expectClose, graphOf, measure } from "./fixture.ts";

const ALL = {
  degree: (g: Graph) => degreeCentrality(g),
  strength: (g: Graph) => strengthCentrality(g, { weight: "weight" }),
  betweenness: (g: Graph) => betweennessCentrality(g),
  weightedBetweenness: (g: Graph) => betweennessCentrality(g, { weight: "weight" }),
  closeness: (g: Graph) => closenessCentrality(g),
  weightedCloseness: (g: Graph) => closenessCentrality(g, { weight: "weight" }),
  harmonic: (g: Graph) => harmonicCentrality(g),
  eigenvector: (g: Graph) => eigenvectorCentrality(g),
  pagerank: (g: Graph) => pagerank(g),
  weightedPagerank: (g: Graph) => pagerank(g, { weight: "weight" }),
};

describe("self-loops", () => {
  it("are ignored by every measure: the kite with loops gives the kite's values", () => {
    const plain = graphOf("kite");
    const looped = new Graph({ type: "undirected", allowSelfLoops: true });
    plain.forEachNode((n) => looped.addNode(n));
    plain.forEachEdge((_e, a, s, t) => looped.addEdge(s, t, { ...a, weight: 2 }));
    looped.addEdge("0", "0", { weight: 5 });
    looped.addEdge("7", "7", { weight: 1 });
    plain.forEachEdge((e) => plain.setEdgeAttribute(e, "weight", 2));
    for (const [name, fn] of Object.entries(ALL)) expectClose(fn(looped), fn(plain), 1e-12, name);
  });
});

describe("parallel edges", () => {
  it("merge into one edge whose weight is the sum (as simpleView)", () => {
    const multi = new MultiGraph({ type: "undirected" });
    const simple = new Graph({ type: "undirected" });
    for (const g of [multi, simple]) for (const n of ["a", "b", "c", "d"]) g.addNode(n);
    multi.addEdge("a", "b", { weight: 1 });
    multi.addEdge("a", "b", { weight: 2 });
    multi.addEdge("b", "c", { weight: 1 });
    multi.addEdge("c", "d", { weight: 4 });
    multi.addEdge("d", "a", { weight: 1 });
    simple.addEdge("a", "b", { weight: 3 });
    simple.addEdge("b", "c", { weight: 1 });
    simple.addEdge("c", "d", { weight: 4 });
    simple.addEdge("d", "a", { weight: 1 });
    expect(degreeCentrality(multi)).toEqual({ a: 2, b: 2, c: 2, d: 2 });
    expect(strengthCentrality(multi)).toEqual({ a: 4, b: 4, c: 5, d: 5 });
    for (const [name, fn] of Object.entries(ALL)) expectClose(fn(multi as Graph), fn(simple), 1e-12, name);
  });
});

describe("bad weights", () => {
  const withWeight = (w: unknown) => {
    const g = graphOf("kite");
    g.setEdgeAttribute(g.edge("3", "5") as string, "weight", w);
    return g;
  };
  it.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY, "3"])(
    "weight %s throws an InputError naming the edge, in every weighted measure",
    (w) => {
      const g = withWeight(w);
      for (const fn of [ALL.strength, ALL.weightedBetweenness, ALL.weightedCloseness, ALL.weightedPagerank]) {
        expect(() => fn(g)).toThrow(InputError);
        expect(() => fn(g)).toThrow(/\(3 -> 5\) has weight = /);
      }
      // Unweighted measures do not read weights.
      expectClose(betweennessCentrality(g), measure("kite", "betweenness"), 1e-12, "unweighted");
    },
  );
  it("a missing weight counts as 1 (networkx's rule)", () => {
    const g = graphOf("kite");
    g.setEdgeAttribute(g.edge("3", "5") as string, "weight", 1);
    expect(betweennessCentrality(g, { weight: "weight" })).toEqual(betweennessCentrality(g));
  });
});

describe("isolates, tiny and empty graphs", () => {
  it("an isolate gets 0 everywhere but PageRank, and nothing is NaN", () => {
    const g = graphOf("disconnected");
    expect(g.degree("15")).toBe(0);
    for (const [name, fn] of Object.entries(ALL)) {
      const values = fn(g);
      for (const [node, v] of Object.entries(values))
        expect(Number.isFinite(v), `${name} ${node}`).toBe(true);
      if (name.endsWith("agerank"))
        expect(values["15"]).toBeCloseTo(0.15 / 16 + (0.85 * values["15"]) / 16, 12);
      else if (name === "eigenvector") expect(values["15"]).toBeLessThan(1e-9);
      else expect(values["15"], name).toBe(0);
    }
  });
  it("the empty graph gives empty records", () => {
    const g = new Graph();
    for (const fn of Object.values(ALL)) expect(fn(g)).toEqual({});
    expect(sampledBetweennessCentrality(g).values).toEqual({});
  });
  it("one node and two nodes follow networkx", () => {
    const one = new Graph();
    one.addNode("a");
    expect(degreeCentrality(one, { normalized: true })).toEqual({ a: 1 });
    expect(betweennessCentrality(one)).toEqual({ a: 0 });
    expect(closenessCentrality(one)).toEqual({ a: 0 });
    expect(pagerank(one)).toEqual({ a: 1 });
    expect(eigenvectorCentrality(one)).toEqual({ a: 1 });
    const two = new Graph({ type: "undirected" });
    two.mergeEdge("a", "b");
    expect(betweennessCentrality(two)).toEqual({ a: 0, b: 0 });
    expect(closenessCentrality(two)).toEqual({ a: 1, b: 1 });
  });
  it("a graph without edges: eigenvector 1/√n (networkx's fixed point), PageRank 1/n", () => {
    const g = new Graph();
    for (const n of ["a", "b", "c", "d"]) g.addNode(n);
    expect(eigenvectorCentrality(g)).toEqual({ a: 0.5, b: 0.5, c: 0.5, d: 0.5 });
    expect(pagerank(g)).toEqual({ a: 0.25, b: 0.25, c: 0.25, d: 0.25 });
  });
});

describe("eigenvector centrality without an answer", () => {
  it("throws a ConvergenceError (an InputError) on a directed graph without cycles", () => {
    const g = new Graph({ type: "directed" });
    g.mergeEdge("a", "b");
    g.mergeEdge("b", "c");
    expect(() => eigenvectorCentrality(g)).toThrow(ConvergenceError);
    expect(() => eigenvectorCentrality(g)).toThrow(InputError);
    expect(() => eigenvectorCentrality(g)).toThrow(/did not converge in 1000 iterations/);
  });
  it("converges on a bipartite graph (the A + I shift)", () => {
    const g = new Graph({ type: "undirected" });
    for (const [u, v] of [
      ["a", "x"],
      ["a", "y"],
      ["b", "y"],
    ])
      g.mergeEdge(u, v);
    const values = eigenvectorCentrality(g);
    // The path a–x… is x–a–y–b: P4, leading eigenvector (1, φ, φ, 1)/norm.
    const phi = (1 + Math.sqrt(5)) / 2;
    const norm = Math.sqrt(2 + 2 * phi * phi);
    expect(values.x).toBeCloseTo(1 / norm, 8);
    expect(values.a).toBeCloseTo(phi / norm, 8);
  });
});

describe("PageRank options", () => {
  const g = graphOf("kite");
  it("rejects a personalisation naming an unknown node, a negative value or an all-zero vector", () => {
    expect(() => pagerank(g, { personalization: { nobody: 1 } })).toThrow(/not a node/);
    expect(() => pagerank(g, { personalization: { "0": -1 } })).toThrow(/≥ 0/);
    expect(() => pagerank(g, { personalization: { "0": 0 } })).toThrow(/positive weight/);
  });
  it("throws a ConvergenceError when maxIterations is too small", () => {
    expect(() => pagerank(g, { maxIterations: 2 })).toThrow(ConvergenceError);
  });
  it("with alpha 0 is the personalisation itself", () => {
    expect(pagerank(g, { alpha: 0, personalization: { "0": 1, "1": 3 } })["1"]).toBeCloseTo(0.75, 15);
  });
});

describe("weighted shortest paths compare lengths with a tolerance", () => {
  it("0.1 + 0.2 ties with 0.3: both paths count, as in exact arithmetic", () => {
    const g = new Graph({ type: "undirected" });
    g.mergeEdge("s", "a", { weight: 10 });
    g.mergeEdge("a", "t", { weight: 5 });
    g.mergeEdge("s", "t", { weight: 1 / 0.3 });
    expect(0.1 + 0.2).not.toBe(1 / (1 / 0.3));
    expect(betweennessCentrality(g, { weight: "weight", normalized: false })).toEqual({ s: 0, a: 0.5, t: 0 });
  });
});

describe("analysisGraph on a maillage network", () => {
  const link = (source: string, target: string, kind: LinkKind, weight = 1): Link => ({
    source,
    target,
    kind,
    category: linkCategory(kind),
    orientation: null,
    formality: null,
    weight,
    frequency: null,
    start: null,
    end: null,
    directed: kind === "supply",
    source_ref: null,
  });
  const network = buildNetwork(
    ["A", "B", "C", "D", "E"].map((id) => blankActor(id, "firm")),
    [
      link("A", "B", "supply", 3),
      link("A", "B", "friendship", 2),
      link("B", "A", "advice", 1),
      link("B", "C", "supply", 1),
      link("C", "D", "information", 4),
    ],
  );
  it("undirected: parallel links collapse, weight = sum, isolates kept", () => {
    const g = analysisGraph(network);
    expect(g.type).toBe("undirected");
    expect(g.order).toBe(5);
    expect(degreeCentrality(g)).toEqual({ A: 1, B: 2, C: 2, D: 1, E: 0 });
    expect(strengthCentrality(g)).toEqual({ A: 6, B: 7, C: 5, D: 4, E: 0 });
    expect(strengthCentrality(analysisGraph(network, { weight: "count" }))).toEqual({
      A: 3,
      B: 4,
      C: 2,
      D: 1,
      E: 0,
    });
    expect(betweennessCentrality(g, { normalized: false })).toEqual({ A: 0, B: 2, C: 2, D: 0, E: 0 });
  });
  it("a measure given the raw network reads it as analysisGraph(network, { directed: true }) does", () => {
    const view = analysisGraph(network, { directed: true });
    const raw = network as unknown as Graph;
    expect(betweennessCentrality(raw)).toEqual(betweennessCentrality(view));
    expect(pagerank(raw, { weight: "weight" })).toEqual(pagerank(view, { weight: "weight" }));
    expect(closenessCentrality(raw, { weight: "weight" })).toEqual(
      closenessCentrality(view, { weight: "weight" }),
    );
  });
  it("directed: supply keeps its direction, undirected links count both ways", () => {
    const g = analysisGraph(network, { directed: true });
    expect(g.type).toBe("directed");
    expect(degreeCentrality(g, { mode: "out" })).toEqual({ A: 1, B: 2, C: 1, D: 1, E: 0 });
    expect(degreeCentrality(g, { mode: "in" })).toEqual({ A: 1, B: 1, C: 2, D: 1, E: 0 });
    // A→B: supply 3 + friendship 2 + advice 1 (undirected here, so it counts both ways).
    expect(strengthCentrality(g, { mode: "out" })).toEqual({ A: 6, B: 4, C: 4, D: 4, E: 0 });
  });
});

describe(".assign", () => {
  it("writes the values as node attributes (default and chosen names)", () => {
    const g = graphOf("kite");
    pagerank.assign(g);
    betweennessCentrality.assign(g, { attribute: "bc" });
    const pr = pagerank(g);
    const bc = betweennessCentrality(g);
    g.forEachNode((node, attributes) => {
      expect(attributes.pagerank).toBe(pr[node]);
      expect(attributes.bc).toBe(bc[node]);
    });
  });
});

describe("a shared CSR", () => {
  const g = graphOf("lesmis");
  const plain = buildCsr(g);
  const weighted = buildCsr(g, { weight: "weight" });
  it("gives the same values as building one per measure", () => {
    expect(pagerank(g, { csr: plain })).toEqual(pagerank(g));
    expect(pagerank(g, { weight: "weight", csr: weighted })).toEqual(pagerank(g, { weight: "weight" }));
    expect(betweennessCentrality(g, { weight: "weight", csr: weighted })).toEqual(
      betweennessCentrality(g, { weight: "weight" }),
    );
    expect(closenessCentrality(g, { csr: plain })).toEqual(closenessCentrality(g));
    expect(degreeCentrality(g, { csr: plain })).toEqual(degreeCentrality(g));
    expect(eigenvectorCentrality(g, { csr: plain })).toEqual(eigenvectorCentrality(g));
  });
  it("refuses a CSR that does not match the weight option or the graph", () => {
    expect(() => pagerank(g, { weight: "weight", csr: plain })).toThrow(/unweighted/);
    expect(() => pagerank(g, { csr: weighted })).toThrow(/weighted/);
    expect(() => pagerank(graphOf("kite"), { csr: plain })).toThrow(/nodes/);
  });
});
