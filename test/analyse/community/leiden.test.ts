import Graph from "graphology";
import { connectedComponents } from "graphology-components";
import { subgraph } from "graphology-operators";
import { describe, expect, it } from "vitest";
import {
  blocksOf,
  canonicalPartition,
  leiden,
  louvain,
  modularity,
  normalizedMutualInformation,
} from "../../../engine/analyse/community/index.ts";
import { createRng } from "../../../engine/random/index.ts";
import { graphOf, lfr, record, reference } from "./fixtures.ts";

/** Every community induces a connected subgraph (Leiden's guarantee). */
function expectConnected(graph: Graph, communities: Record<string, number>) {
  for (const [c, members] of blocksOf(graph.nodes(), communities)) {
    expect(connectedComponents(subgraph(graph, members)).length, `community ${c}`).toBe(1);
  }
}

describe("leiden vs igraph community_leiden(objective_function='modularity')", () => {
  for (const [name, g] of Object.entries(reference.graphs)) {
    it(`${name}: best modularity over 10 seeds within 0.005 of igraph's best; connected communities`, () => {
      const graph = graphOf(g.nodes, g.edges);
      const weight = g.weighted ? "weight" : null;
      let best = Number.NEGATIVE_INFINITY;
      for (let seed = 0; seed < 10; seed++) {
        const result = leiden(graph, { seed, weight });
        expect(result.modularity).toBeCloseTo(
          modularity(graph, result.communities, { weight }) as number,
          14,
        );
        expectConnected(graph, result.communities);
        best = Math.max(best, result.modularity as number);
      }
      console.log(
        `${name}: leiden best ${best.toFixed(6)}, igraph leiden best ${g.igraph_leiden.best.toFixed(6)}`,
      );
      expect(best).toBeGreaterThanOrEqual(g.igraph_leiden.best - 0.005);
    });
  }

  for (const mu of ["0.1", "0.3"]) {
    it(`LFR mu = ${mu}: NMI vs planted over 5 seeds ≥ igraph's Leiden mean − 0.03`, () => {
      const data = lfr(mu);
      const graph = graphOf(data.nodes, data.edges);
      const planted = record(data.nodes, data.planted);
      let sum = 0;
      for (let seed = 0; seed < 5; seed++) {
        const { communities } = leiden(graph, { seed });
        expectConnected(graph, communities);
        sum += normalizedMutualInformation(communities, planted);
      }
      const mean = sum / 5;
      console.log(
        `LFR mu=${mu}: leiden NMI ${mean.toFixed(4)}, igraph leiden ${data.igraph_leiden_nmi_mean.toFixed(4)}`,
      );
      expect(mean).toBeGreaterThanOrEqual(data.igraph_leiden_nmi_mean - 0.03);
    });
  }
});

describe("leiden: guarantees and options", () => {
  it("connected communities on random sparse graphs", () => {
    const rng = createRng("leiden/sparse");
    for (let trial = 0; trial < 5; trial++) {
      const g = new Graph({ type: "undirected" });
      const n = 300;
      for (let i = 0; i < n; i++) g.addNode(String(i));
      for (let e = 0; e < 450; e++) {
        const a = Math.floor(rng() * n);
        const b = Math.floor(rng() * n);
        if (a !== b) g.mergeEdge(String(a), String(b));
      }
      expectConnected(g, leiden(g, { seed: trial, iterations: -1 }).communities);
    }
  });

  it("where Louvain returns a disconnected community, Leiden does not, at higher modularity", () => {
    // Preferential attachment, 5,000 nodes, 3 draws each (a case found by search over seeds pa/0..11).
    const rng = createRng("pa/8");
    const g = new Graph({ type: "undirected" });
    const n = 5000;
    for (let i = 0; i < n; i++) g.addNode(String(i));
    const ends: number[] = [0];
    for (let i = 1; i < n; i++) {
      for (let j = 0; j < 3; j++) {
        const t = ends[Math.floor(rng() * ends.length)];
        if (t !== i && !g.hasEdge(String(i), String(t))) {
          g.addEdge(String(i), String(t));
          ends.push(i, t);
        }
      }
    }
    const disconnected = (c: Record<string, number>) =>
      [...blocksOf(g.nodes(), c).values()].filter((m) => connectedComponents(subgraph(g, m)).length > 1)
        .length;
    const lv = louvain(g, { seed: 0 });
    const ld = leiden(g, { seed: 0 });
    expect(disconnected(lv.communities)).toBeGreaterThan(0);
    expect(disconnected(ld.communities)).toBe(0);
    expect(ld.modularity as number).toBeGreaterThan(lv.modularity as number);
  });

  it("deterministic, canonical ids, resolution, assign, empty graph, directed refused", () => {
    const g = reference.graphs.lesmis;
    const graph = graphOf(g.nodes, g.edges);
    const a = leiden(graph, { seed: 5 });
    expect(JSON.stringify(leiden(graphOf(g.nodes, g.edges), { seed: 5 }))).toBe(JSON.stringify(a));
    expect(a.communities).toEqual(canonicalPartition(graph.nodes(), a.communities));
    expect(leiden(graph, { resolution: 2 }).count).toBeGreaterThan(leiden(graph, { resolution: 0.5 }).count);
    const copy = graph.copy();
    leiden.assign(copy, { seed: 5, attribute: "c" });
    expect(copy.getNodeAttribute(g.nodes[0], "c")).toBe(a.communities[g.nodes[0]]);
    const empty = new Graph({ type: "undirected" });
    empty.addNode("x");
    expect(leiden(empty)).toEqual({
      communities: { x: 0 },
      modularity: null,
      count: 1,
      resolution: 1,
      seed: 0,
    });
    const directed = new Graph({ type: "directed" });
    directed.mergeEdge("a", "b");
    expect(() => leiden(directed)).toThrow(/undirected/);
  });
});
