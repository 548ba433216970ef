/**
 * Sampled betweenness: the estimate stays within its stated Hoeffding bound on fixed seeds, gets
 * closer as k grows, is exact at k = n, is unbiased (the mean over many seeds approaches the exact
 * value at the rate the bound predicts), and is reproducible from its seed.
 */
import { describe, expect, it } from "vitest";
import {
  betweennessCentrality,
  sampledBetweennessBound,
  sampledBetweennessCentrality,
} from "../../../engine/analyse/centrality/index.ts";
import { expectClose, graphOf } from "./fixture.ts";

function maxError(a: Record<string, number>, b: Record<string, number>): number {
  let worst = 0;
  for (const key of Object.keys(b)) worst = Math.max(worst, Math.abs(a[key] - b[key]));
  return worst;
}

describe.each([
  ["karate", {}],
  ["lesmis", { weight: "weight" }],
  ["directed", { weight: "weight" }],
] as const)("%s %o", (name, weighting) => {
  const graph = graphOf(name);
  const n = graph.order;
  const exact = betweennessCentrality(graph, weighting);

  it("stays within the all-nodes bound for several k on fixed seeds, and the error shrinks with k", () => {
    const errors: number[] = [];
    for (const k of [2, 4, 8, 16, Math.floor(n / 2)].filter((k) => k < n)) {
      let sum = 0;
      for (let seed = 0; seed < 10; seed++) {
        const estimate = sampledBetweennessCentrality(graph, { ...weighting, k, seed });
        expect(estimate.k).toBe(k);
        const error = maxError(estimate.values, exact);
        expect(error, `k=${k} seed=${seed}`).toBeLessThanOrEqual(estimate.bound.allNodes);
        expect(estimate.bound.perNode).toBeLessThan(estimate.bound.allNodes);
        sum += error;
      }
      errors.push(sum / 10);
    }
    // Mean worst-node error at k = n/2 is well below the one at k = 2.
    expect(errors[errors.length - 1]).toBeLessThan(errors[0] / 2);
  });

  it("is exact when every node is a source", () => {
    const all = sampledBetweennessCentrality(graph, { ...weighting, k: n + 10, seed: 1 });
    expect(all.k).toBe(n);
    expect(all.bound.allNodes).toBe(0);
    expectClose(all.values, exact, 1e-12, "k = n");
    const raw = sampledBetweennessCentrality(graph, { ...weighting, k: n, normalized: false });
    expectClose(raw.values, betweennessCentrality(graph, { ...weighting, normalized: false }), 1e-9, "raw");
  });

  it("is unbiased: the mean of R independent estimates is within the bound for kR sources", () => {
    const k = 3;
    const runs = 300;
    const mean: Record<string, number> = Object.fromEntries(Object.keys(exact).map((key) => [key, 0]));
    for (let seed = 0; seed < runs; seed++) {
      const estimate = sampledBetweennessCentrality(graph, { ...weighting, k, seed: `mean-${seed}` });
      for (const [key, v] of Object.entries(estimate.values)) mean[key] += v / runs;
    }
    // R independent runs: the average is sub-Gaussian with proxy (n−2)²/(4kR) on the dependency scale.
    // (The library's bound is 0 for k ≥ n, so it is written out here for kR > n draws.)
    const delta = 1e-3 / n;
    const bound = (n / (n - 1)) * Math.sqrt(Math.log(2 / delta) / (2 * k * runs));
    const error = maxError(mean, exact);
    expect(error).toBeLessThanOrEqual(bound);
    // and much closer than a single run of k sources can promise.
    expect(error).toBeLessThan(sampledBetweennessBound(n, k, 0.5));
  });
});

describe("seeding", () => {
  const graph = graphOf("lesmis");
  it("the same seed gives byte-identical output; another seed other sources", () => {
    const a = sampledBetweennessCentrality(graph, { k: 10, seed: 42 });
    const b = sampledBetweennessCentrality(graph, { k: 10, seed: 42 });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    const c = sampledBetweennessCentrality(graph, { k: 10, seed: 43 });
    expect(c.sources).not.toEqual(a.sources);
  });
  it("the bound is stated in the scale of the values", () => {
    const norm = sampledBetweennessCentrality(graph, { k: 10 });
    const raw = sampledBetweennessCentrality(graph, { k: 10, normalized: false });
    const n = graph.order;
    expect(raw.bound.perNode / norm.bound.perNode).toBeCloseTo(((n - 1) * (n - 2)) / 2, 9);
    expect(norm.bound.perNode).toBeCloseTo((n / (n - 1)) * Math.sqrt(Math.log(2 / 0.05) / 20), 12);
  });
  it("rejects bad k, unknown or repeated sources, a confidence outside (0, 1)", () => {
    expect(() => sampledBetweennessCentrality(graph, { k: 0 })).toThrow(RangeError);
    expect(() => sampledBetweennessCentrality(graph, { sources: ["nobody"] })).toThrow(/not a node/);
    expect(() => sampledBetweennessCentrality(graph, { sources: ["Myriel", "Myriel"] })).toThrow(/repeated/);
    expect(() => sampledBetweennessCentrality(graph, { confidence: 1 })).toThrow(RangeError);
  });
});
