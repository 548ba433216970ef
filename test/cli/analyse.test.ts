/**
 * `maillage analyse` end to end: the metrics table it writes equals networkx's defaults on the same
 * graph (test/fixtures/analyse/make_metrics.py), unweighted and weighted.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readCsv } from "../../engine/io/csvRead.ts";
import { tempDir } from "../helpers.ts";
import { maillage } from "./run.ts";

const fixtures = join(import.meta.dirname, "..", "fixtures", "analyse");
const ITERATIVE = new Set(["eigenvector", "pagerank"]);

function compare(name: string, extra: string[]) {
  const expected = JSON.parse(readFileSync(join(fixtures, `${name}_metrics.json`), "utf8"));
  const out = join(tempDir(), "metrics.csv");
  const r = maillage([
    "analyse",
    "--edges",
    join(fixtures, `${name}_links.csv`),
    "--out",
    out,
    "--json",
    ...extra,
  ]);
  expect(r.code, r.stderr).toBe(0);
  const report = JSON.parse(r.stdout);
  const table = readCsv(out);
  expect(table.header).toEqual([
    "id",
    "degree",
    "strength",
    "betweenness",
    "closeness",
    "harmonic",
    "eigenvector",
    "pagerank",
    "constraint",
    "effective_size",
    "core",
    "community",
  ]);
  expect(table.records.map((r) => r.cells[0]).sort()).toEqual(expected.nodes);
  for (const record of table.records) {
    const id = record.cells[0];
    for (const [column, values] of Object.entries(expected.columns) as Array<
      [string, Record<string, number>]
    >) {
      const got = Number(record.cells[table.header.indexOf(column)]);
      const tolerance = ITERATIVE.has(column) ? 1e-6 : 1e-9;
      expect(Math.abs(got - values[id]), `${name} ${column} ${id}: ${got} vs ${values[id]}`).toBeLessThan(
        tolerance,
      );
    }
    expect(record.cells[table.header.indexOf("community")]).toMatch(/^\d+$/);
  }
  return report;
}

describe("maillage analyse", () => {
  it("equals networkx on Zachary's karate club (unweighted)", () => {
    const report = compare("karate", []);
    expect(report.summary).toMatchObject({
      nodes: 34,
      edges: 78,
      components: 1,
      directed: false,
      weighted: false,
    });
    expect(report.summary.communities.modularity).toBeGreaterThan(0.41);
    expect(report.leaders.length).toBe(10);
  });
  it("equals networkx on Les Misérables with weights (strengths, distances 1/w)", () => {
    const report = compare("lesmis", ["--weight"]);
    expect(report.summary).toMatchObject({ nodes: 77, edges: 254, weighted: true });
  });
  it("compares two views and refuses an unknown one", () => {
    const r = maillage([
      "analyse",
      "--dataset",
      "florentine",
      "--view",
      "credit",
      "--compare",
      "kinship",
      "--json",
    ]);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.leaders[0].name).toBe("Medici");
    expect(report.compare.view).toBe("kinship");
    const bad = maillage(["analyse", "--dataset", "florentine", "--view", "telepathy"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('unknown view "telepathy"');
  });
  it("gives the same output for the same input and seed", () => {
    const a = maillage(["analyse", "--dataset", "rouen", "--view", "firms", "--json"]);
    const b = maillage(["analyse", "--dataset", "rouen", "--view", "firms", "--json"]);
    expect(a.stdout).toBe(b.stdout);
    expect(JSON.parse(a.stdout).leaders[0].id).toBe("00000001800010");
  });
});
