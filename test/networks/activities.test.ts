/** NAF codes at any level against a network's activity list. */
import { describe, expect, it } from "vitest";
import {
  activitiesOverlap,
  activityLevel,
  activityMatches,
  codeContains,
  codesRelated,
  nafInActivities,
  relatedActivities,
} from "../../engine/networks/activities.ts";

describe("activities", () => {
  it("reads the level of a dotted code", () => {
    expect(["C", "25", "25.6", "25.62", "25.62A", "2562A", "c", "25.6A"].map(activityLevel)).toEqual([
      "section",
      "division",
      "group",
      "class",
      "subclass",
      undefined,
      undefined,
      undefined,
    ]);
  });

  it("places codes inside coarser ones, sections by their division ranges", () => {
    expect(codeContains("25", "25.62A")).toBe(true);
    expect(codeContains("25.6", "25.62")).toBe(true);
    expect(codeContains("25.62", "25.62A")).toBe(true);
    expect(codeContains("25.62A", "25.62")).toBe(false);
    expect(codeContains("25.6", "25.73A")).toBe(false);
    // C spans divisions 10–33: 25 and 10.71C are inside, 46.90Z (G) is not; a section holds no section.
    expect(codeContains("C", "25")).toBe(true);
    expect(codeContains("C", "10.71C")).toBe(true);
    expect(codeContains("C", "46.90Z")).toBe(false);
    expect(codeContains("25", "C")).toBe(false);
    expect(codesRelated("25.62A", "25")).toBe(true);
    expect(codesRelated("25", "28")).toBe(false);
  });

  it("matches an activity or a firm against a list, empty meaning every activity", () => {
    expect(activityMatches("25", ["25.62A", "10"])).toBe(true);
    expect(activityMatches("28", ["25.62A", "10"])).toBe(false);
    expect(activityMatches(null, [])).toBe(true);
    expect(activityMatches(null, ["25"])).toBe(false);
    expect(nafInActivities("25.62B", ["25.62"])).toBe(true);
    // A firm is inside the list only through a coarser (or equal) code: 25.62A is not inside 25.62A's
    // sibling 25.62B, and a firm of 25.62A is not "of" 25.62B.
    expect(nafInActivities("25.62A", ["25.62B"])).toBe(false);
    expect(nafInActivities(null, [])).toBe(true);
  });

  it("finds the related codes of two lists", () => {
    expect(relatedActivities(["25.62", "10"], ["25.62A", "28"])).toEqual([["25.62", "25.62A"]]);
    expect(activitiesOverlap(["10"], ["25"])).toBe(false);
    expect(relatedActivities([], ["25"])).toEqual([["*", "25"]]);
    expect(activitiesOverlap([], [])).toBe(true);
  });
});
