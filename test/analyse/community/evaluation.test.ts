import Graph from "graphology";
import { describe, expect, it } from "vitest";
import {
  modularity,
  normalizedMutualInformation,
  variationOfInformation,
} from "../../../engine/analyse/community/index.ts";
import { graphOf, record, reference } from "./fixtures.ts";

describe("modularity equals networkx community.modularity", () => {
  for (const [name, g] of Object.entries(reference.graphs)) {
    it(`${name}: every given partition at resolutions 0.5, 1, 1.5 (1e-12)`, () => {
      const graph = graphOf(g.nodes, g.edges);
      for (const p of g.partitions) {
        const partition = record(g.nodes, p.membership);
        for (const [res, expected] of Object.entries(p.modularity)) {
          const q = modularity(graph, partition, {
            resolution: Number(res),
            weight: g.weighted ? "weight" : null,
          });
          expect(Math.abs((q as number) - expected), `${p.name} γ=${res}`).toBeLessThan(1e-12);
        }
      }
    });
  }

  it("ignores weights with weight: null and reads a missing weight as 1", () => {
    const graph = new Graph({ type: "undirected" });
    graph.mergeEdge("a", "b", { weight: 5 });
    graph.mergeEdge("b", "c");
    graph.mergeEdge("c", "d", { weight: 5 });
    const p = { a: 0, b: 0, c: 1, d: 1 };
    // Unweighted: m = 3, L = 1 + 1, degrees 3 and 3 → 2/3 − 2 (3/6)² = 1/6.
    expect(modularity(graph, p, { weight: null })).toBeCloseTo(1 / 6, 14);
    // Weighted: m = 11, L = 10, d = 11 each → 10/11 − 2 (11/22)² = 10/11 − 1/2.
    expect(modularity(graph, p)).toBeCloseTo(10 / 11 - 0.5, 14);
  });

  it("uses the directed formula on a directed graph (hand-checked)", () => {
    const graph = new Graph({ type: "directed" });
    graph.mergeEdge("a", "b");
    graph.mergeEdge("b", "a");
    graph.mergeEdge("b", "c");
    graph.mergeEdge("c", "d");
    // m = 4; community {a,b}: L = 2, out = 3, in = 2; {c,d}: L = 1, out = 1, in = 2.
    const q = modularity(graph, { a: 0, b: 0, c: 1, d: 1 });
    expect(q).toBeCloseTo(3 / 4 - (3 * 2 + 1 * 2) / 16, 14);
  });

  it("is null without edge weight, and refuses negative weights, mixed graphs and uncovered nodes", () => {
    const empty = new Graph({ type: "undirected" });
    empty.addNode("a");
    expect(modularity(empty, { a: 0 })).toBeNull();
    const negative = new Graph({ type: "undirected" });
    negative.mergeEdge("a", "b", { weight: -1 });
    expect(() => modularity(negative, { a: 0, b: 0 })).toThrow(/≥ 0/);
    expect(() => modularity(negative, { a: 0 })).toThrow(/no community for node "b"/);
    const mixed = new Graph({ type: "mixed" });
    mixed.mergeDirectedEdge("a", "b");
    mixed.mergeUndirectedEdge("b", "c");
    expect(() => modularity(mixed, { a: 0, b: 0, c: 0 })).toThrow(/simpleView/);
  });
});

describe("NMI and variation of information equal igraph's compare_communities", () => {
  for (const [name, g] of Object.entries(reference.graphs)) {
    it(`${name}: every pair of given partitions (1e-9)`, () => {
      const byName = new Map(g.partitions.map((p) => [p.name, record(g.nodes, p.membership)]));
      expect(g.pairs.length).toBeGreaterThan(5);
      for (const pair of g.pairs) {
        const a = byName.get(pair.a) as Record<string, number>;
        const b = byName.get(pair.b) as Record<string, number>;
        expect(Math.abs(normalizedMutualInformation(a, b) - pair.nmi), `${pair.a}/${pair.b}`).toBeLessThan(
          1e-9,
        );
        expect(Math.abs(variationOfInformation(a, b) - pair.vi), `${pair.a}/${pair.b}`).toBeLessThan(1e-9);
        expect(normalizedMutualInformation(b, a)).toBeCloseTo(normalizedMutualInformation(a, b), 14);
      }
    });
  }

  it("identical groupings under other labels: NMI 1, VI 0; string labels accepted", () => {
    const a = { x: 0, y: 0, z: 1, w: 2 };
    const b = { x: "p", y: "p", z: "q", w: "r" };
    expect(normalizedMutualInformation(a, b)).toBe(1);
    expect(variationOfInformation(a, b)).toBeCloseTo(0, 14);
    expect(normalizedMutualInformation({ x: 0, y: 0 }, { x: 1, y: 1 })).toBe(1);
    expect(() => normalizedMutualInformation({ x: 0 }, { y: 0 })).toThrow(/first partition only/);
  });
});
