/** Ranks, medians and quartile flags of the four hand-made networks (values from pilotIndicators.test.ts). */
import { describe, expect, it } from "vitest";
import { registryContext } from "../../engine/networks/context.ts";
import { pilotIndicators } from "../../engine/networks/pilotIndicators.ts";
import { quantile, registryComparison } from "../../engine/networks/registryComparison.ts";
import type { EstablishmentRow } from "../../engine/store/loadEstablishments.ts";
import { handMadeRegistry } from "./handMadeRegistry.ts";

const row = (commune: string, naf: string, establishments: number): EstablishmentRow => ({
  commune,
  naf,
  year: 2024,
  establishments,
  jobs: null,
  size_class: null,
});

describe("registryComparison", () => {
  it("interpolates quantiles like numpy", () => {
    // [2, 3, 3, 4]: q1 at position 0.75 → 2 + 0.75·1 = 2.75; median (3 + 3)/2; q3 at 2.25 → 3.25.
    expect([quantile([2, 3, 3, 4], 0.25), quantile([2, 3, 3, 4], 0.5), quantile([2, 3, 3, 4], 0.75)]).toEqual(
      [2.75, 3, 3.25],
    );
    expect(quantile([], 0.5)).toBeNull();
  });

  it("ranks each network among those where the indicator is defined", () => {
    const { registry, graph } = handMadeRegistry();
    const ctx = registryContext(registry, graph);
    // Reach: N1 3/6 = 0.5, N2 3/14 = 0.214286, N4 (A only inside 25.62A) 1/6 = 0.166667, N3 undefined.
    const table = [
      row("74001", "25.62A", 4),
      row("74002", "25.62A", 2),
      row("74002", "25.73A", 3),
      row("74003", "25.62A", 5),
    ];
    const indicators = registry.networks.map((n) =>
      pilotIndicators(ctx, n, "2024-12-31", { establishments: table }),
    );
    const c = registryComparison(indicators);
    const get = (network: string, indicator: string) => {
      const s = c.networks
        .find((x) => x.network === network)
        ?.indicators.find((x) => x.indicator === indicator);
      if (!s) throw new Error(`${network} ${indicator}`);
      return s;
    };
    // Members N1 3, N2 4, N3 3, N4 2: ranks 2, 1, 2, 4; median 3; N4 (2 ≤ q1 2.75, < 3) bottom quartile,
    // N2 (4 ≥ q3 3.25, > 3) top quartile.
    expect(["N1", "N2", "N3", "N4"].map((n) => get(n, "members").rank)).toEqual([2, 1, 2, 4]);
    expect(get("N1", "members").median).toBe(3);
    expect(["N1", "N2", "N3", "N4"].map((n) => get(n, "members").bottomQuartile)).toEqual([
      false,
      false,
      false,
      true,
    ]);
    expect(get("N2", "members").topQuartile).toBe(true);
    // Active share N1 0.666667, N2 1, N3 0, N4 0 (A–B is old, no action): sorted [0, 0, 0.666667, 1];
    // median (0 + 0.666667)/2 = 0.3333335, q1 = 0 → N3 and N4 flagged; ranks 2, 1, 3, 3.
    expect(["N1", "N2", "N3", "N4"].map((n) => get(n, "activeShare").rank)).toEqual([2, 1, 3, 3]);
    expect(get("N3", "activeShare").median).toBeCloseTo(0.3333335, 9);
    expect(["N1", "N2", "N3", "N4"].map((n) => get(n, "activeShare").weak)).toEqual([
      false,
      false,
      true,
      true,
    ]);
    // Reach defined for 3 networks: sorted [0.166667, 0.214286, 0.5] → median 0.214286; N3 has no rank.
    expect(get("N1", "reach").of).toBe(3);
    expect(get("N1", "reach").median).toBe(0.214286);
    expect(["N1", "N2", "N3", "N4"].map((n) => get(n, "reach").rank)).toEqual([1, 2, null, 3]);
    // Gini N1 0.4, N2 0.15 (N3, N4 no participation): median 0.275, q3 = 0.15 + 0.75·0.25 = 0.3375;
    // N1 is in the top quartile of a lower-is-better indicator → weak.
    expect(get("N1", "gini").topQuartile).toBe(true);
    expect(get("N1", "gini").weak).toBe(true);
    expect(get("N2", "gini").weak).toBe(false);
    expect(c.summary.find((s) => s.indicator === "gini")).toEqual({
      indicator: "gini",
      defined: 2,
      median: 0.275,
      q1: 0.2125,
      q3: 0.3375,
    });
  });

  it("flags a lone low value, and nobody when all values are equal or undefined", () => {
    const { registry, graph } = handMadeRegistry();
    const ctx = registryContext(registry, graph);
    const indicators = registry.networks.map((n) => pilotIndicators(ctx, n, "2024-12-31"));
    // No establishment table: reach is null everywhere; joins N1 1, N2 1, N3 1, N4 0 → only N4 flagged.
    const c = registryComparison(indicators);
    const joins = c.networks.map((n) => n.indicators.find((s) => s.indicator === "joins")?.bottomQuartile);
    expect(joins).toEqual([false, false, false, true]);
    const reach = c.networks.map((n) => n.indicators.find((s) => s.indicator === "reach"));
    expect(reach.every((s) => s?.rank === null && s.of === 0 && !s.bottomQuartile)).toBe(true);
    // All equal: every value ≤ q1 but none < median → no flag; all share rank 1.
    const same = registryComparison(indicators, [
      { key: "same", description: "constant", higherIsBetter: true, value: () => 7 },
    ]);
    expect(same.networks.map((n) => [n.indicators[0].rank, n.indicators[0].bottomQuartile])).toEqual([
      [1, false],
      [1, false],
      [1, false],
      [1, false],
    ]);
  });
});
