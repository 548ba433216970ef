/** Membership overlap of every pair of the hand-made networks at asOf (handMadeRegistry.ts). */
import { describe, expect, it } from "vitest";
import { registryContext } from "../../engine/networks/context.ts";
import { membershipOverlap, setOverlap } from "../../engine/networks/membershipOverlap.ts";
import { memberSetsAt } from "../../engine/networks/pilotIndicators.ts";
import { handMadeRegistry } from "./handMadeRegistry.ts";

describe("membershipOverlap", () => {
  it("gives shared, Jaccard and overlap coefficient for every pair in registry order", () => {
    const { registry, graph } = handMadeRegistry();
    const sets = memberSetsAt(registryContext(registry, graph), "2024-12-31");
    // At asOf: N1 {A, B, C}, N2 {A, C, D, E}, N3 {F, G, H}, N4 {A, B}.
    const rows = membershipOverlap(["N1", "N2", "N3", "N4"], sets).map((p) => [
      p.a,
      p.b,
      p.sizeA,
      p.sizeB,
      p.shared,
      p.jaccard.value,
      p.overlap.value,
    ]);
    expect(rows).toEqual([
      // {A, C} shared; union 3 + 4 − 2 = 5 → 0.4; 2/min(3, 4) = 0.666667.
      ["N1", "N2", 3, 4, 2, 0.4, 0.666667],
      ["N1", "N3", 3, 3, 0, 0, 0],
      // {A, B}; union 3 → 0.666667; 2/2 = 1 (N4 lies inside N1).
      ["N1", "N4", 3, 2, 2, 0.666667, 1],
      ["N2", "N3", 4, 3, 0, 0, 0],
      // {A}; union 5 → 0.2; 1/2 = 0.5.
      ["N2", "N4", 4, 2, 1, 0.2, 0.5],
      ["N3", "N4", 3, 2, 0, 0, 0],
    ]);
  });

  it("leaves the indices undefined on empty sets", () => {
    const none = setOverlap(new Set(), new Set());
    expect(none.jaccard).toEqual({ value: null, reason: "both sets are empty" });
    const one = setOverlap(new Set(["A"]), new Set());
    // Union 1 → Jaccard 0/1 = 0; min size 0 → overlap undefined.
    expect(one.jaccard.value).toBe(0);
    expect(one.overlap).toEqual({ value: null, reason: "one set is empty" });
    // A network absent from the sets counts as empty.
    expect(membershipOverlap(["X", "Y"], new Map())[0].jaccard.value).toBeNull();
  });
});
