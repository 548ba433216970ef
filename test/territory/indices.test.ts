/**
 * The indices on a table small enough to work out by hand: blank and secret cells (DOMAIN §9), commune
 * mapping, Krugman, Hoover, an external reference territory, SME shares from size classes.
 */
import { describe, expect, it } from "vitest";
import type { EstablishmentRow } from "../../engine/store/index.ts";
import { krugmanOfArea, locationQuotient, territorialDiagnostic } from "../../engine/territory/index.ts";

const row = (
  commune: string,
  naf: string,
  establishments: number | null,
  jobs: number | null,
  year = 2022,
  size_class: string | null = null,
): EstablishmentRow => ({ commune, naf, year, establishments, jobs, size_class });

// e_i: 76540 = 40, 76178 = 60 (its 10.71C jobs are secret), 76455 = 10 + 20 = 30 (76358 is its former code).
// E_25.62A = 80, E_10.71C = 50, E = 130.
const TABLE = [
  row("76540", "25.62A", 2, 10),
  row("76540", "10.71C", 1, 30),
  row("76178", "25.62A", 3, 60),
  row("76178", "10.71C", 1, null),
  row("76358", "25.62A", 1, 10),
  row("76455", "10.71C", 2, 20),
];

describe("indices by hand", () => {
  it("follows the blank-cell rule: a secret cell counts as 0 and gets no LQ, and is reported", async () => {
    const d = await territorialDiagnostic(TABLE, { levels: ["subclass"] });
    const cells = d.levels[0].cells;
    const cell = (c: string, a: string) => cells.find((x) => x.commune === c && x.activity === a);
    expect(cell("76540", "25.62A")?.lqJobs).toBeCloseTo(10 / 40 / (80 / 130), 12);
    expect(cell("76178", "25.62A")?.lqJobs).toBeCloseTo(130 / 80, 12);
    expect(cell("76178", "10.71C")).toMatchObject({
      jobs: null,
      establishments: 1,
      lqJobs: null,
      secretRows: 1,
    });
    expect(cell("76178", "10.71C")?.lqEstablishments).toBeCloseTo(1 / 4 / (4 / 10), 12);
    expect(cell("76455", "25.62A")?.jobs).toBe(10);
    expect(d.secret).toMatchObject({ rows: 6, secretRows: 1, secretEstablishments: 1 });
    expect(d.communeMapping.mapped).toEqual([{ from: "76358", to: "76455", reason: "ancien-code", rows: 1 }]);
    expect(d.totals).toEqual({ communes: 3, jobs: 130, establishments: 10 });
  });

  it("computes Krugman (both variants) and Hoover as in DOMAIN §9", async () => {
    const d = await territorialDiagnostic(TABLE, { levels: ["subclass"] });
    const cleon = d.levels[0].communes.find((c) => c.commune === "76178");
    expect(cleon?.krugman).toBeCloseTo(Math.abs(1 - 80 / 130) + 50 / 130, 12);
    // against the rest: E − e_i = 70; rest shares 20/70 and 50/70
    expect(cleon?.krugmanRest).toBeCloseTo(Math.abs(1 - 20 / 70) + 50 / 70, 12);
    const food = d.levels[0].activities.find((a) => a.activity === "10.71C");
    expect(food?.hoover).toBeCloseTo(60 / 130, 12);
    expect(food?.herfindahl).toBeCloseTo(0.6 ** 2 + 0.4 ** 2, 12);
    expect(food?.secretCells).toBe(1);
    // the same commune through the JS function used for aggregates
    const js = krugmanOfArea(
      new Map([
        ["25.62A", 60],
        ["10.71C", 0],
      ]),
      new Map([
        ["25.62A", 80],
        ["10.71C", 50],
      ]),
      130,
    );
    expect(js.krugman).toBeCloseTo(cleon?.krugman ?? 0, 12);
    expect(js.krugmanRest).toBeCloseTo(cleon?.krugmanRest ?? 0, 12);
  });

  it("aggregates to coarser NAF levels with the same rule", async () => {
    const d = await territorialDiagnostic(TABLE, { levels: ["division", "section"] });
    const division = d.levels[0].cells.find((c) => c.commune === "76178" && c.activity === "10");
    expect(division).toMatchObject({ jobs: null, establishments: 1, lqJobs: null });
    const section = d.levels[1];
    expect(section.activities.map((a) => [a.activity, a.jobs, a.label])).toEqual([
      ["C", 130, expect.any(String)],
    ]);
    expect(section.cells.every((c) => c.lqJobs === 1)).toBe(true);
  });

  it("uses an external reference territory for LQ and Krugman when given", async () => {
    const national = [...TABLE, row("75056", "25.62A", 10, 20), row("75056", "10.71C", 10, 950)];
    const d = await territorialDiagnostic(TABLE, { levels: ["subclass"], reference: national });
    expect(d.options.reference).toBe("external");
    const cell = d.levels[0].cells.find((c) => c.commune === "76540" && c.activity === "25.62A");
    expect(cell?.lqJobs).toBeCloseTo(locationQuotient(10, 40, 100, 1100) as number, 12);
    // the spread indices stay the zone's
    const zone = await territorialDiagnostic(TABLE, { levels: ["subclass"] });
    expect(d.levels[0].activities).toEqual(zone.levels[0].activities);
    // a reference equal to the zone gives the zone's own results
    const same = await territorialDiagnostic(TABLE, { levels: ["subclass"], reference: TABLE });
    expect(same.levels[0].cells).toEqual(zone.levels[0].cells);
    expect(same.levels[0].communes).toEqual(zone.levels[0].communes);
  });

  it("gives the SME share from size classes, and null without them", async () => {
    const sized = [
      row("76540", "25.62A", 3, 20, 2022, "01"),
      row("76540", "25.62A", 1, 300, 2022, "32"),
      row("76178", "25.62A", 2, 30, 2022, "sme"),
      row("76178", "10.71C", 1, 5, 2022),
    ];
    const d = await territorialDiagnostic(sized, { levels: ["subclass"] });
    const cell = (c: string, a: string) => d.levels[0].cells.find((x) => x.commune === c && x.activity === a);
    expect(cell("76540", "25.62A")).toMatchObject({
      jobs: 320,
      establishments: 4,
      smeShare: 0.75,
      averageSize: 80,
    });
    expect(cell("76178", "25.62A")?.smeShare).toBe(1);
    expect(cell("76178", "10.71C")?.smeShare).toBeNull();
    expect(d.levels[0].activities.find((a) => a.activity === "25.62A")?.smeShare).toBeCloseTo(5 / 6, 12);
  });

  it("measures the LQ change since the base year", async () => {
    const twoYears = [...TABLE, row("76540", "25.62A", 1, 5, 2006), row("76178", "25.62A", 1, 15, 2006)];
    const d = await territorialDiagnostic(twoYears, { levels: ["subclass"] });
    expect(d.options).toMatchObject({ year: 2022, baseYear: 2006 });
    const cell = d.levels[0].cells.find((c) => c.commune === "76540" && c.activity === "25.62A");
    expect(cell?.lqJobsBase).toBeCloseTo(1, 12);
    expect(cell?.lqChange).toBeCloseTo(10 / 40 / (80 / 130) - 1, 12);
    expect(cell?.jobsBase).toBe(5);
  });
});
