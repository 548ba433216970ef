/** Yearly points of N1 in the hand-made registry (handMadeRegistry.ts), by hand. */
import { describe, expect, it } from "vitest";
import { registryContext } from "../../engine/networks/context.ts";
import { indicatorSeries, seriesDates, seriesStart } from "../../engine/networks/indicatorSeries.ts";
import { handMadeRegistry, registered } from "./handMadeRegistry.ts";

describe("indicatorSeries", () => {
  it("puts a point on each 31 December from the later of founding and first membership, then asOf", () => {
    const { registry, graph } = handMadeRegistry();
    const ctx = registryContext(registry, graph);
    // N1 founded 2021-03-01, first membership 2021-03-01 → 2021. N2 founded 2020, first membership
    // 2020-02-01 → 2020. N3 founded 2019, first membership 2019 → 2019.
    expect(seriesStart(ctx, registry.networks[0])).toBe(2021);
    expect(seriesStart(ctx, { ...registry.networks[1], founded: "2022-06-01" })).toBe(2022);
    expect(seriesStart(ctx, registered("nobody"))).toBeNull();
    expect(seriesDates(2022, "2024-06-30")).toEqual(["2022-12-31", "2023-12-31", "2024-06-30"]);
    expect(seriesDates(null, "2024-06-30")).toEqual(["2024-06-30"]);
    expect(seriesDates(2025, "2024-06-30")).toEqual([]);
  });

  it("counts members, joins, leaves, active, density and actions at each point", () => {
    const { registry, graph } = handMadeRegistry();
    const s = indicatorSeries(registryContext(registry, graph), registry.networks[0], "2024-12-31");
    const rows = s.points.map((p) => [
      p.date,
      p.members,
      p.joins,
      p.leaves,
      p.active,
      p.activeShare.value,
      p.density.value,
      p.actions,
    ]);
    expect(rows).toEqual([
      // 2021-12-31: members A (2021-03-01), D (2021-06-01), both joined in the year; no tie between
      // them → density 0/(2·1/2) = 0; nothing done → active 0.
      ["2021-12-31", 2, 2, 0, 0, 0, 0, 0],
      // 2022-12-31: A, B (2022-05-01), D; A–B began 2022-06-01: E = 1, 2/(3·2) = 0.333333; A and B
      // formed it in the year → active 2/3.
      ["2022-12-31", 3, 1, 0, 2, 0.666667, 0.333333, 0],
      // 2023-12-31: A, B, D; ties A–B, B–D (2023-01-01) → 4/6; active B (a3, tie), D (tie) → 2/3; a3.
      ["2023-12-31", 3, 0, 0, 2, 0.666667, 0.666667, 1],
      // asOf: as in pilotIndicators.test.ts.
      ["2024-12-31", 3, 1, 1, 2, 0.666667, 0.666667, 2],
    ]);
    expect(s.from).toBe(2021);
  });
});
