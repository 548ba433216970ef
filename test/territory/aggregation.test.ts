/** The growth and merge rules of the successive aggregation on small hand-made maps. */
import { describe, expect, it } from "vitest";
import { type ActivityCells, aggregateActivity, growGroup } from "../../engine/territory/index.ts";

function adjacency(pairs: [string, string][]): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const [a, b] of pairs) {
    m.set(a, [...(m.get(a) ?? []), b].sort());
    m.set(b, [...(m.get(b) ?? []), a].sort());
  }
  return m;
}

// Every commune has 100 jobs; the activity is 10 % of the reference.
function cells(jobs: Record<string, number>, communes: string[]): ActivityCells {
  return {
    activity: "49.41A",
    jobs: new Map(Object.entries(jobs)),
    areaJobs: new Map(communes.map((c) => [c, 100])),
    referenceShare: 0.1,
  };
}

describe("successive aggregation", () => {
  const line = adjacency([
    ["A", "B"],
    ["B", "C"],
    ["C", "D"],
  ]);
  const c = cells({ A: 50, B: 5, C: 30 }, ["A", "B", "C", "D"]);

  it("adds neighbours while the pooled LQ stays above the threshold", () => {
    // B's own LQ is 0.5: with the default neighbour rule (own LQ ≥ 1) the group stops at A.
    expect(growGroup("A", c, line, 1.5)).toEqual(["A"]);
    // Without it: A+B pools 55/200 (LQ 2.75), then C 85/300 (2.83); D has no cell of the activity.
    expect(growGroup("A", c, line, 1.5, 0)).toEqual(["A", "B", "C"]);
    // A higher threshold stops earlier: A+B is 2.75 < 3.
    expect(growGroup("A", c, line, 3, 0)).toEqual(["A"]);
  });

  it("breaks ties by jobs, then by the smaller code", () => {
    const star = adjacency([
      ["A", "Y"],
      ["A", "X"],
      ["A", "Z"],
    ]);
    const tie = cells({ A: 50, X: 10, Y: 10, Z: 12 }, ["A", "X", "Y", "Z"]);
    // Z first (LQ 3.1), then one of X / Y: 72/300 = 2.4 ≥ 2.35, the third would give 2.05.
    expect(growGroup("A", tie, star, 2.35)).toEqual(["A", "X", "Z"]);
  });

  it("merges groups of one activity that overlap or touch, not those apart", () => {
    const apart = aggregateActivity(["A", "C"], c, line, 1.5);
    expect(apart.map((g) => g.communes)).toEqual([["A"], ["C"]]);
    const path = adjacency([
      ["A", "B"],
      ["B", "C"],
    ]);
    const touching = cells({ A: 50, B: 40, C: 30 }, ["A", "B", "C"]);
    const merged = aggregateActivity(["A", "C"], touching, path, 3.5);
    expect(merged).toEqual([{ activity: "49.41A", communes: ["A", "B", "C"], seeds: ["A", "C"] }]);
  });
});
