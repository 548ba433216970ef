/** The assembled network-of-networks result on the hand-made registry (handMadeRegistry.ts). */
import { describe, expect, it } from "vitest";
import { InputError } from "../../engine/io/errors.ts";
import { emptyNetwork } from "../../engine/model/graph.ts";
import { networkOfNetworks } from "../../engine/networks/networkOfNetworks.ts";
import type { EstablishmentRow } from "../../engine/store/loadEstablishments.ts";
import { handMadeRegistry, registered } from "./handMadeRegistry.ts";

const row = (commune: string, naf: string, establishments: number): EstablishmentRow => ({
  commune,
  naf,
  year: 2024,
  establishments,
  jobs: null,
  size_class: null,
});

describe("networkOfNetworks", () => {
  it("assembles every part with asOf from the data and plain JSON", () => {
    const { registry, graph } = handMadeRegistry();
    // A registered network not in the graph, and one that ended before asOf.
    registry.networks.push(
      registered("ghost"),
      registered("old", { founded: "2010-01-01", ended: "2015-12-31" }),
    );
    const result = networkOfNetworks(registry, graph);
    expect(result.asOf).toBe("2024-12-31");
    expect(result.window).toEqual({ from: "2023-12-31", to: "2024-12-31", months: 12 });
    expect(result.networks.map((n) => [n.id, n.members, n.inGraph, n.existsAtAsOf])).toEqual([
      ["N1", 3, true, true],
      ["N2", 4, true, true],
      ["N3", 3, true, true],
      ["N4", 2, true, true],
      ["ghost", 0, false, true],
      ["old", 0, false, false],
    ]);
    expect(result.indicators.map((p) => p.members)).toEqual([3, 4, 3, 2, 0, 0]);
    // The comparison leaves out "old" (ended 2015) and "ghost" (no actor): N1..N4, 4 defined values.
    expect(result.comparison.networks.map((n) => n.network)).toEqual(["N1", "N2", "N3", "N4"]);
    expect(result.comparison.summary.find((s) => s.indicator === "members")?.defined).toBe(4);
    // 6 networks → 15 pairs; bridges A, B, C; redundant N1–N4, N1–N2; meeting N2–N3.
    expect(result.overlap).toHaveLength(15);
    expect(result.bridges.map((b) => b.id)).toEqual(["A", "B", "C"]);
    expect(result.redundant.map((p) => `${p.a}-${p.b}`)).toEqual(["N1-N4", "N1-N2"]);
    expect(result.meetings.map((m) => `${m.a}-${m.b}`)).toEqual(["N2-N3"]);
    // N1's series starts in 2021 (4 points); ghost has no date → the asOf point alone.
    expect(result.series[0].points.map((p) => p.date)).toEqual([
      "2021-12-31",
      "2022-12-31",
      "2023-12-31",
      "2024-12-31",
    ]);
    expect(result.series[4].points.map((p) => p.date)).toEqual(["2024-12-31"]);
    expect(result.coverage).toEqual({
      candidates: null,
      uncovered: null,
      communes: null,
      reasons: ["no candidates of the territorial diagnostic given", "no establishment table given"],
    });
    expect(result.notes).toEqual([
      "registered networks with no actor in the graph (no members): ghost, old",
      "networks not existing at 2024-12-31, left out of the comparisons: old",
    ]);
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });

  it("passes asOf, the window and the establishment table through", () => {
    const { registry, graph } = handMadeRegistry();
    const table = [row("74001", "25.62A", 4), row("74002", "25.62A", 2)];
    const result = networkOfNetworks(registry, graph, {
      asOf: "2024-06-30",
      months: 6,
      establishments: table,
      series: false,
    });
    // Window (2023-12-30, 2024-06-30]: 30 June − 6 months keeps the day. N1 at 2024-06-30: A, B, C and D (end = that day) → 4 members;
    // reach: A, B, C inside 25.62 in 74001/74002 (D is 25.73A) = 3 of 4 + 2 = 6 → 0.5.
    expect(result.window.from).toBe("2023-12-30");
    expect(result.indicators[0].members).toBe(4);
    expect(result.indicators[0].reach.value).toBe(0.5);
    expect(result.series).toEqual([]);
    // The table exists, so commune gaps are computed (no cell reaches 10 establishments: none).
    expect(result.coverage.communes?.gaps).toEqual([]);
    expect(result.coverage.reasons).toEqual(["no candidates of the territorial diagnostic given"]);
    expect(() => networkOfNetworks(registry, graph, { asOf: "30/06/2024" })).toThrow(InputError);
    // shaped like a date but not one
    expect(() => networkOfNetworks(registry, graph, { asOf: "2016-13-45" })).toThrow(InputError);
    // Nothing dated to take asOf from: the user must give it.
    expect(() => networkOfNetworks({ networks: [], actions: [] }, emptyNetwork())).toThrow(/give asOf/);
  });
});
