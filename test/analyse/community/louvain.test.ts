import Graph from "graphology";
import { describe, expect, it } from "vitest";
import {
  canonicalPartition,
  louvain,
  modularity,
  normalizedMutualInformation,
} from "../../../engine/analyse/community/index.ts";
import { graphOf, lfr, record, reference } from "./fixtures.ts";

describe("louvain: best modularity over 10 seeds within 0.005 of igraph's best over 10 seeds", () => {
  for (const [name, g] of Object.entries(reference.graphs)) {
    it(name, () => {
      const graph = graphOf(g.nodes, g.edges);
      const weight = g.weighted ? "weight" : null;
      let best = Number.NEGATIVE_INFINITY;
      for (let seed = 0; seed < 10; seed++) {
        const result = louvain(graph, { seed, weight });
        // The reported modularity is the networkx one of the returned partition.
        expect(result.modularity).toBeCloseTo(
          modularity(graph, result.communities, { weight }) as number,
          14,
        );
        best = Math.max(best, result.modularity as number);
      }
      console.log(
        `${name}: maillage best ${best.toFixed(6)}, igraph best ${g.igraph_multilevel.best.toFixed(6)}`,
      );
      expect(best).toBeGreaterThanOrEqual(g.igraph_multilevel.best - 0.005);
    });
  }
});

describe("louvain on LFR benchmark graphs: NMI vs planted, mean over 5 seeds ≥ igraph's mean − 0.03", () => {
  for (const mu of ["0.1", "0.3"]) {
    it(`mu = ${mu}`, () => {
      const data = lfr(mu);
      const graph = graphOf(data.nodes, data.edges);
      const planted = record(data.nodes, data.planted);
      let sum = 0;
      for (let seed = 0; seed < 5; seed++) {
        sum += normalizedMutualInformation(louvain(graph, { seed }).communities, planted);
      }
      const mean = sum / 5;
      console.log(
        `LFR mu=${mu}: maillage NMI ${mean.toFixed(4)}, igraph ${data.igraph_multilevel_nmi_mean.toFixed(4)}`,
      );
      expect(mean).toBeGreaterThanOrEqual(data.igraph_multilevel_nmi_mean - 0.03);
    });
  }
});

describe("louvain: determinism, numbering, options", () => {
  const g = reference.graphs.lesmis;
  const graph = graphOf(g.nodes, g.edges);

  it("same graph and seed give byte-identical output; ids are canonical", () => {
    const a = louvain(graph, { seed: "x" });
    const b = louvain(graphOf(g.nodes, g.edges), { seed: "x" });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(Object.keys(a.communities)).toEqual(graph.nodes());
    expect(a.communities).toEqual(canonicalPartition(graph.nodes(), a.communities));
    const sizes = Array.from({ length: a.count }, (_, c) =>
      Object.values(a.communities).filter((x) => x === c),
    ).map((x) => x.length);
    expect(sizes).toEqual([...sizes].sort((x, y) => y - x));
  });

  it("refinement never lowers modularity; the unrefined run is still valid", () => {
    for (let seed = 0; seed < 5; seed++) {
      const raw = louvain(graph, { seed, refine: false });
      const refined = louvain(graph, { seed });
      expect(refined.modularity as number).toBeGreaterThanOrEqual((raw.modularity as number) - 1e-12);
    }
  });

  it("a higher resolution gives more communities; modularity is at that resolution", () => {
    const low = louvain(graph, { resolution: 0.5 });
    const high = louvain(graph, { resolution: 2 });
    expect(high.count).toBeGreaterThan(low.count);
    expect(high.modularity).toBeCloseTo(modularity(graph, high.communities, { resolution: 2 }) as number, 14);
  });

  it("assign writes the community attribute", () => {
    const copy = graph.copy();
    const result = louvain.assign(copy, { attribute: "cluster", seed: 3 });
    copy.forEachNode((node, attributes) => {
      expect(attributes.cluster).toBe(result.communities[node]);
    });
  });

  it("two cliques joined by one edge are split; isolated nodes are their own community", () => {
    const h = new Graph({ type: "undirected" });
    const clique = (p: string) => {
      for (let i = 0; i < 5; i++) for (let j = i + 1; j < 5; j++) h.mergeEdge(`${p}${i}`, `${p}${j}`);
    };
    clique("a");
    clique("b");
    h.mergeEdge("a0", "b0");
    h.addNode("lonely");
    const { communities, count } = louvain(h);
    expect(count).toBe(3);
    expect(new Set(["a0", "a1", "a2", "a3", "a4"].map((n) => communities[n])).size).toBe(1);
    expect(communities.a1).not.toBe(communities.b1);
    expect(communities.lonely).toBe(2);
  });

  it("a graph without edges: singletons and modularity null; directed graphs run unrefined", () => {
    const h = new Graph({ type: "undirected" });
    h.addNode("a");
    h.addNode("b");
    expect(louvain(h)).toEqual({
      communities: { a: 0, b: 1 },
      modularity: null,
      count: 2,
      resolution: 1,
      seed: 0,
    });
    const d = new Graph({ type: "directed" });
    for (const [s, t] of [
      ["a", "b"],
      ["b", "c"],
      ["c", "a"],
      ["d", "e"],
      ["e", "f"],
      ["f", "d"],
      ["a", "d"],
    ]) {
      d.mergeEdge(s, t);
    }
    const r = louvain(d);
    expect(r.count).toBe(2);
    expect(r.modularity).toBeCloseTo(modularity(d, r.communities) as number, 14);
  });
});
