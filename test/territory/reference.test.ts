/**
 * Every index of the Rouen table (2022, sub-class and division levels, LQ change since 2006) against the
 * independent pandas computation in test/fixtures/territory/make_reference.py (tolerance 1e-9).
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeStore, type Store } from "../../engine/store/index.ts";
import type { DiagnosticResult, LevelDiagnostic } from "../../engine/territory/index.ts";
import { rouenDiagnostic } from "./rouenFixture.ts";

type Value = number | null;
interface LevelRef {
  cells: Record<string, { lqJobs: Value; lqEstablishments: Value; lqChange: Value }>;
  communes: Record<string, { krugman: Value; krugmanRest: Value }>;
  activities: Record<string, { hoover: Value; gini: Value; herfindahl: Value; ellisonGlaeser: Value }>;
}
const reference = JSON.parse(
  readFileSync(new URL("../fixtures/territory/rouen_reference.json", import.meta.url), "utf8"),
) as { year: number; baseYear: number; levels: Record<string, LevelRef> };

const TOL = 1e-9;
function close(actual: Value | undefined, expected: Value, what: string): void {
  if (expected === null) {
    expect(actual ?? null, what).toBeNull();
    return;
  }
  expect(actual, what).not.toBeNull();
  expect(Math.abs((actual as number) - expected), `${what}: ${actual} vs ${expected}`).toBeLessThanOrEqual(
    TOL,
  );
}

let store: Store;
let result: DiagnosticResult;
beforeAll(async () => {
  ({ store, result } = await rouenDiagnostic({
    year: reference.year,
    baseYear: reference.baseYear,
    levels: ["subclass", "division"],
  }));
});
afterAll(() => closeStore(store));

describe.each(["subclass", "division"] as const)("Rouen %s level against pandas", (level) => {
  const ref = reference.levels[level];
  const mine = (): LevelDiagnostic => result.levels.find((l) => l.level === level) as LevelDiagnostic;

  it("has the same cells, with LQ of jobs and establishments and LQ change", () => {
    const cells = mine().cells;
    expect(cells.length).toBe(Object.keys(ref.cells).length);
    let compared = 0;
    for (const c of cells) {
      const r = ref.cells[`${c.commune}|${c.activity}`];
      expect(r, `${c.commune}|${c.activity}`).toBeDefined();
      close(c.lqJobs, r.lqJobs, `LQ jobs ${c.commune} ${c.activity}`);
      close(c.lqEstablishments, r.lqEstablishments, `LQ est ${c.commune} ${c.activity}`);
      close(c.lqChange, r.lqChange, `LQ change ${c.commune} ${c.activity}`);
      compared++;
    }
    expect(compared).toBeGreaterThan(level === "subclass" ? 5000 : 1000);
  });

  it("has the same Krugman indices (both variants) for every commune", () => {
    const communes = mine().communes;
    expect(communes.length).toBe(Object.keys(ref.communes).length);
    for (const c of communes) {
      const r = ref.communes[c.commune];
      close(c.krugman, r.krugman, `Krugman ${c.commune}`);
      close(c.krugmanRest, r.krugmanRest, `Krugman rest ${c.commune}`);
      if (c.krugman !== null) expect(c.krugman).toBeLessThanOrEqual(2);
    }
  });

  it("has the same Hoover, Gini, Herfindahl and Ellison–Glaeser for every activity", () => {
    const activities = mine().activities;
    expect(activities.length).toBe(Object.keys(ref.activities).length);
    let eg = 0;
    for (const a of activities) {
      const r = ref.activities[a.activity];
      close(a.hoover, r.hoover, `Hoover ${a.activity}`);
      close(a.gini, r.gini, `Gini ${a.activity}`);
      close(a.herfindahl, r.herfindahl, `Herfindahl ${a.activity}`);
      close(a.ellisonGlaeser, r.ellisonGlaeser, `EG ${a.activity}`);
      if (r.ellisonGlaeser !== null) eg++;
    }
    expect(eg).toBeGreaterThan(10);
  });
});
