import Graph from "graphology";
import { describe, expect, it } from "vitest";
import {
  coAssignment,
  coAssignmentMatrix,
  communityStability,
  consensusPartition,
  louvain,
  normalizedMutualInformation,
  pairAgreement,
} from "../../../engine/analyse/community/index.ts";
import { createRng } from "../../../engine/random/index.ts";
import { graphOf, lfr, reference } from "./fixtures.ts";

/** Brute force over all pairs, for checking pairAgreement. */
function bruteAgreement(nodes: string[], partitions: Array<Record<string, number>>) {
  let always = 0;
  let ever = 0;
  for (let i = 0; i < nodes.length; i++) {
    for (let j = i + 1; j < nodes.length; j++) {
      const together = partitions.filter((p) => p[nodes[i]] === p[nodes[j]]).length;
      if (together > 0) ever++;
      if (together === partitions.length) always++;
    }
  }
  return { always, ever };
}

describe("co-assignment", () => {
  it("pairAgreement equals brute force on random partitions", () => {
    const rng = createRng("pairs");
    const nodes = Array.from({ length: 40 }, (_, i) => `n${i}`);
    for (let trial = 0; trial < 20; trial++) {
      const k = 1 + Math.floor(rng() * 6);
      const partitions = Array.from({ length: 1 + Math.floor(rng() * 4) }, () =>
        Object.fromEntries(nodes.map((n) => [n, Math.floor(rng() * k)])),
      );
      const { always, ever } = bruteAgreement(nodes, partitions);
      const got = pairAgreement(nodes, partitions);
      expect(got.alwaysTogether).toBe(always);
      expect(got.everTogether).toBe(ever);
      expect(got.share).toBe(ever === 0 ? null : always / ever);
    }
  });

  it("the sparse form equals the dense matrix on linked pairs; parallel edges count once", () => {
    const g = new Graph({ type: "undirected", multi: true });
    for (const n of ["a", "b", "c", "d"]) g.addNode(n);
    g.addEdge("a", "b");
    g.addEdge("a", "b");
    g.addEdge("b", "c");
    g.addEdge("c", "d");
    const partitions = [
      { a: 0, b: 0, c: 1, d: 1 },
      { a: 0, b: 0, c: 0, d: 1 },
      { a: 0, b: 1, c: 1, d: 1 },
      { a: 5, b: 5, c: 5, d: 5 },
    ];
    const sparse = coAssignment(g, partitions);
    expect(sparse).toEqual([
      { source: "a", target: "b", share: 0.75 },
      { source: "b", target: "c", share: 0.75 },
      { source: "c", target: "d", share: 0.75 },
    ]);
    const nodes = ["a", "b", "c", "d"];
    const dense = coAssignmentMatrix(nodes, partitions);
    for (const p of sparse) {
      expect(dense[nodes.indexOf(p.source)][nodes.indexOf(p.target)]).toBeCloseTo(p.share, 14);
    }
    expect(dense[0][3]).toBeCloseTo(0.25, 14);
    expect(dense[2][2]).toBeCloseTo(1, 14);
  });
});

describe("consensus partition", () => {
  it("identical partitions: that grouping, no round needed", () => {
    const g = graphOf(
      ["a", "b", "c", "d"],
      [
        ["a", "b"],
        ["b", "c"],
        ["c", "d"],
      ],
    );
    const p = { a: 1, b: 1, c: 0, d: 0 };
    const result = consensusPartition(g, [p, { a: 7, b: 7, c: 3, d: 3 }]);
    expect(result.iterations).toBe(0);
    expect(result.converged).toBe(true);
    expect(result.communities).toEqual({ a: 0, b: 0, c: 1, d: 1 });
  });

  it("recovers the planted LFR communities from disagreeing runs (mu = 0.3)", () => {
    const data = lfr("0.3");
    const graph = graphOf(data.nodes, data.edges);
    const planted = Object.fromEntries(data.nodes.map((n, i) => [n, data.planted[i]]));
    const runs = Array.from({ length: 5 }, (_, s) => louvain(graph, { seed: s, resolution: 1 }).communities);
    const result = consensusPartition(graph, runs, { seed: 1 });
    expect(result.converged).toBe(true);
    const meanRun = runs.reduce((sum, r) => sum + normalizedMutualInformation(r, planted), 0) / runs.length;
    const consensus = normalizedMutualInformation(result.communities, planted);
    console.log(`LFR mu=0.3: consensus NMI ${consensus.toFixed(4)}, mean run NMI ${meanRun.toFixed(4)}`);
    expect(consensus).toBeGreaterThanOrEqual(meanRun - 0.01);
  });
});

describe("communityStability", () => {
  const g = reference.graphs.karate;
  const graph = graphOf(g.nodes, g.edges);

  it("summarises runs on karate, deterministically", () => {
    const a = communityStability(graph, { runs: 8, seed: "k" });
    const b = communityStability(graphOf(g.nodes, g.edges), { runs: 8, seed: "k" });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(a.runs).toHaveLength(8);
    expect(a.linkedPairs).toHaveLength(78);
    for (const p of a.linkedPairs) expect(p.share * 8).toBeCloseTo(Math.round(p.share * 8), 12);
    expect(a.meanNmi as number).toBeGreaterThan(0.5);
    expect(a.meanNmi as number).toBeLessThanOrEqual(1);
    expect(a.meanVi as number).toBeGreaterThanOrEqual(0);
    const brute = bruteAgreement(
      g.nodes,
      a.runs.map((r) => r.communities),
    );
    expect(a.pairsAlwaysTogether).toBeCloseTo(brute.always / brute.ever, 14);
    expect(a.consensus.count).toBeGreaterThanOrEqual(2);
    expect(a.consensus.modularity as number).toBeGreaterThan(0.35);
  });

  it("a graph of separate cliques is perfectly stable", () => {
    const h = new Graph({ type: "undirected" });
    for (const p of ["a", "b", "c"]) {
      for (let i = 0; i < 4; i++) for (let j = i + 1; j < 4; j++) h.mergeEdge(`${p}${i}`, `${p}${j}`);
    }
    const s = communityStability(h, { runs: 4 });
    expect(s.linkedPairsAlwaysTogether).toBe(1);
    expect(s.pairsAlwaysTogether).toBe(1);
    expect(s.meanNmi).toBe(1);
    expect(s.meanVi).toBeCloseTo(0, 14);
    expect(s.consensus.count).toBe(3);
    expect(s.consensus.iterations).toBe(0);
    expect(() => communityStability(h, { runs: 0 })).toThrow(/positive integer/);
  });
});
