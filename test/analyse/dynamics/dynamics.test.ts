import { describe, expect, it } from "vitest";
import {
  addMonths,
  fadedTies,
  indicatorSeries,
  linkDateRange,
  networkIndicators,
  resolveAsOf,
  snapshotAt,
  snapshotWindow,
} from "../../../engine/analyse/dynamics/index.ts";
import { linksOf } from "../../../engine/model/graph.ts";
import { actor, link, network, rouenNetwork } from "../community/maillageNetworks.ts";

const hand = () =>
  network(
    ["a", "b", "c", "d"].map((id) => actor(id)),
    [
      link("a", "b", "advice", { start: "2010-01-01" }),
      link("b", "c", "supply", { start: "2015-06-01", end: "2018-12-31" }),
      link("c", "d", "friendship", { end: "2012-05-01" }),
      link("a", "c", "client", { start: "2020-01-01" }),
    ],
  );

describe("dates", () => {
  it("range and asOf come from the data, never the clock", () => {
    expect(linkDateRange(hand())).toEqual({ earliest: "2010-01-01", latest: "2020-01-01" });
    expect(resolveAsOf(hand())).toBe("2020-01-01");
    expect(resolveAsOf(hand(), "2015-02-03")).toBe("2015-02-03");
    expect(() => resolveAsOf(hand(), "2015")).toThrow(/ISO date/);
    expect(resolveAsOf(network([actor("x")], []))).toBeNull();
  });

  it("month steps clamp to the month's last day", () => {
    expect(addMonths("2024-03-31", -1)).toBe("2024-02-29");
    expect(addMonths("2023-01-31", 13)).toBe("2024-02-29");
    expect(addMonths("2020-01-15", -12)).toBe("2019-01-15");
    expect(addMonths("2020-01-15", -25)).toBe("2017-12-15");
  });
});

describe("snapshots and indicators (hand-checked)", () => {
  it("a link without start is active since ever, without end still active", () => {
    const at2011 = snapshotAt(hand(), "2011-01-01");
    expect(at2011.order).toBe(4);
    expect(at2011.edges().length).toBe(2);
    expect(networkIndicators(at2011)).toEqual({
      actorsWithTies: 4,
      links: 2,
      density: 2 / 6,
      components: 2,
      largestComponentShare: 0.5,
      averageClustering: 0,
      marketShare: 0,
    });
    expect(networkIndicators(snapshotAt(hand(), "2016-01-01"))).toMatchObject({
      actorsWithTies: 3,
      links: 2,
      components: 1,
      largestComponentShare: 1,
      marketShare: 0.5,
    });
    const window = snapshotWindow(hand(), { from: "2012-01-01", to: "2015-12-31" }, { dropIsolates: true });
    expect(window.size).toBe(3);
  });

  it("yearly and monthly series end at asOf, oldest first", () => {
    const yearly = indicatorSeries(hand());
    expect(yearly.map((p) => p.date)).toEqual(Array.from({ length: 11 }, (_, i) => `${2010 + i}-01-01`));
    expect(yearly[10]).toEqual({
      date: "2020-01-01",
      actorsWithTies: 3,
      links: 2,
      density: 2 / 3,
      components: 1,
      largestComponentShare: 1,
      averageClustering: 0,
      marketShare: 0.5,
    });
    expect(yearly[0]).toMatchObject({ actorsWithTies: 4, links: 2, components: 2 });
    const monthly = indicatorSeries(hand(), { step: "month", from: "2019-01-01" });
    expect(monthly).toHaveLength(13);
    expect(monthly[0].date).toBe("2019-01-01");
    expect(indicatorSeries(network([actor("x")], []))).toEqual([]);
  });
});

describe("fadedTies (hand-checked)", () => {
  it("default windows: the 12 months to asOf against the 12 before", () => {
    const result = fadedTies(hand());
    expect(result.later).toEqual({ from: "2019-01-02", to: "2020-01-01" });
    expect(result.earlier).toEqual({ from: "2018-01-02", to: "2019-01-01" });
    expect(result.faded).toEqual([{ source: "b", target: "c", kinds: ["supply"], lastEnd: "2018-12-31" }]);
    expect(result.earlierTies).toBe(2);
    expect(result.laterTies).toBe(2);
    expect(result.share).toBe(0.5);
  });

  it("explicit windows; per pair or per kind", () => {
    const result = fadedTies(hand(), {
      earlier: { from: "2011-01-01", to: "2011-12-31" },
      later: { from: "2019-01-01", to: null },
    });
    expect(result.faded).toEqual([
      { source: "c", target: "d", kinds: ["friendship"], lastEnd: "2012-05-01" },
    ]);
    const multi = network(
      [actor("a"), actor("b")],
      [
        link("a", "b", "advice", { start: "2010-01-01" }),
        link("b", "a", "supply", { start: "2010-01-01", end: "2018-06-01" }),
      ],
    );
    const windows = {
      earlier: { from: "2018-01-01", to: "2018-12-31" },
      later: { from: "2019-01-01", to: "2019-12-31" },
    };
    expect(fadedTies(multi, windows).faded).toEqual([]);
    expect(fadedTies(multi, { ...windows, perKind: true }).faded).toEqual([
      { source: "a", target: "b", kinds: ["supply"], lastEnd: "2018-06-01" },
    ]);
  });
});

describe("dynamics of the rouen network", () => {
  it("the yearly series ends at the latest date in the data and counts the active links", async () => {
    const rouen = await rouenNetwork();
    const series = indicatorSeries(rouen);
    const last = series[series.length - 1];
    expect(last.date).toBe("2024-12-30");
    expect(series[0].date >= "1985-03-21").toBe(true);
    const active = (d: string) =>
      linksOf(rouen).filter((l) => (l.start === null || l.start <= d) && (l.end === null || l.end >= d))
        .length;
    for (const p of [series[0], series[20], last]) expect(p.links).toBe(active(p.date));
    // The synthetic network grows: more actors with ties at the end than 20 years before.
    expect(last.actorsWithTies).toBeGreaterThan(series[series.length - 21].actorsWithTies);
    for (const p of series) {
      expect(p.largestComponentShare as number).toBeGreaterThan(0);
      expect(p.largestComponentShare as number).toBeLessThanOrEqual(1);
      if (p.marketShare !== null) expect(p.marketShare).toBeGreaterThanOrEqual(0);
    }
  });

  it("faded ties ended between the earlier window's start and the later window's start", async () => {
    const rouen = await rouenNetwork();
    const result = fadedTies(rouen, { span: 36 });
    expect(result.later.to).toBe("2024-12-30");
    expect(result.faded.length).toBeGreaterThan(0);
    for (const tie of result.faded) {
      expect(tie.lastEnd !== null && tie.lastEnd >= (result.earlier.from as string)).toBe(true);
      expect((tie.lastEnd as string) < (result.later.from as string)).toBe(true);
    }
    console.log(
      `rouen, 36-month windows to 2024-12-30: ${result.faded.length} of ${result.earlierTies} ties faded`,
    );
  });
});
