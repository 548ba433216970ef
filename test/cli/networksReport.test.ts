/**
 * `maillage networks report` as a user runs it, on the built-in rouen registry: the planted overlaps, the
 * planted redundant pair and the planted uncovered concentration (datasets/rouen/truth.json, section
 * `registry`) are found; report.html and the CSV tables are written; `--json` is pure JSON; the same
 * report comes from a store after `maillage import` + `maillage networks import`; user mistakes exit
 * without a stack trace.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { JSDOM } from "jsdom";
import { beforeAll, describe, expect, it } from "vitest";
import { findDataset } from "../../datasets/index.ts";
import type { NetworksReportSummary } from "../../engine/cli/commands/networksReport.ts";
import { parseCsv } from "../../engine/io/csvRead.ts";
import { tempDir, writeIn } from "../helpers.ts";
import { maillage } from "./run.ts";

const rouen = findDataset("rouen");
if (!rouen?.files.truth) throw new Error("the rouen dataset has no truth.json");
const truth = JSON.parse(readFileSync(rouen.files.truth, "utf8")).registry as {
  overlaps: { a: string; b: string; shared_members: string[]; jaccard: number }[];
  redundant: { pair: [string, string]; member_jaccard: number };
  uncovered_candidate: { id: string; activity: string; communes: string[] };
  commune_gap: { commune: string; division: string; establishments: number; location_quotient: number };
  actions: {
    count: number;
    carriers: Record<string, string[]>;
    silent_last_12_months: { network: string; members: string[] };
  };
  members_at_as_of: Record<string, number>;
  as_of: string;
};
const noStack = (s: string) => expect(s).not.toMatch(/\n\s+at .+:\d+:\d+/);
const TABLES = [
  "networks",
  "series",
  "participations",
  "overlap",
  "bridges",
  "redundant",
  "meetings",
  "candidate_coverage",
  "commune_gaps",
];

describe("maillage networks report on the built-in rouen registry", () => {
  const out = join(tempDir(), "networks");
  let summary: NetworksReportSummary;
  let stderr: string;
  beforeAll(() => {
    const run = maillage([
      "networks",
      "report",
      "--dataset",
      "rouen",
      "--as-of",
      truth.as_of,
      "--out",
      out,
      "--json",
    ]);
    stderr = run.stderr;
    expect(run.code, run.stderr).toBe(0);
    summary = JSON.parse(run.stdout);
  });

  it("counts each network's members at the as-of date as planted", () => {
    const members = Object.fromEntries(summary.result.indicators.map((p) => [p.network, p.members]));
    expect(members).toEqual(truth.members_at_as_of);
  });

  it("finds the planted overlaps with their shared members and Jaccard", () => {
    for (const planted of truth.overlaps) {
      const pair = summary.result.overlap.find(
        (o) => (o.a === planted.a && o.b === planted.b) || (o.a === planted.b && o.b === planted.a),
      );
      expect(pair, `${planted.a} × ${planted.b}`).toBeDefined();
      expect(pair?.shared).toBe(planted.shared_members.length);
      expect(pair?.jaccard.value).toBeCloseTo(planted.jaccard, 4);
      // every planted shared member is a bridge firm of both networks
      for (const id of planted.shared_members) {
        const bridge = summary.result.bridges.find((b) => b.id === id);
        expect(bridge?.networks).toEqual(expect.arrayContaining([planted.a, planted.b]));
      }
    }
  });

  it("finds the planted redundant pair, and only it, and does not suggest it a meeting", () => {
    expect(summary.result.redundant).toHaveLength(1);
    const [pair] = summary.result.redundant;
    expect([pair.a, pair.b].sort()).toEqual([...truth.redundant.pair].sort());
    expect(pair.memberJaccard).toBeCloseTo(truth.redundant.member_jaccard, 4);
    const key = (a: string, b: string) => [a, b].sort().join("|");
    expect(summary.result.meetings.map((m) => key(m.a, m.b))).not.toContain(key(pair.a, pair.b));
    expect(summary.result.meetings.length).toBeGreaterThan(0);
  });

  it("finds the planted uncovered concentration among the candidates no network covers", () => {
    const uncovered = summary.result.coverage.uncovered ?? [];
    const planted = uncovered.find((c) => c.candidate === truth.uncovered_candidate.id);
    expect(planted, "planted uncovered candidate").toBeDefined();
    expect(planted?.activity).toBe(truth.uncovered_candidate.activity);
    expect(planted?.communes).toEqual(truth.uncovered_candidate.communes);
    const gap = summary.result.coverage.communes?.gaps.find(
      (g) => g.commune === truth.commune_gap.commune && g.activity === truth.commune_gap.division,
    );
    expect(gap, "planted commune gap").toBeDefined();
    expect(gap?.establishments).toBe(truth.commune_gap.establishments);
    expect(gap?.lq).toBeCloseTo(truth.commune_gap.location_quotient, 3);
  });

  it("puts the planted carriers at the top of the club's participations and the silent members at zero actions", () => {
    const club = summary.result.indicators.find((p) => p.network === "org-club-entreprendre-seine");
    const planted = truth.actions.carriers["org-club-entreprendre-seine"];
    const ranked = club?.concentration.participations.map((p) => p.id) ?? [];
    // planted carriers attend about 90 % of the club's actions, the others at most 45 %
    expect(ranked.slice(0, planted.length).sort()).toEqual([...planted].sort());
    const silent = truth.actions.silent_last_12_months;
    const byId = new Map(
      summary.result.indicators
        .find((p) => p.network === silent.network)
        ?.concentration.participations.map((p) => [p.id, p]),
    );
    for (const id of silent.members) expect(byId.get(id)?.actions, id).toBe(0);
  });

  it("writes the dashboard with a card per network, the overlap matrix and the coverage maps", () => {
    const html = readFileSync(join(out, "report.html"), "utf8");
    const doc = new JSDOM(html).window.document;
    expect(doc.querySelectorAll("article.card")).toHaveLength(summary.networks);
    for (const id of ["networks", "comparison", "overlaps", "redundant", "meetings", "coverage"])
      expect(doc.getElementById(id), id).not.toBeNull();
    expect(doc.querySelectorAll("#overlaps svg rect").length).toBeGreaterThan(summary.networks);
    expect(doc.getElementById("map-networks-served")?.querySelectorAll("path.zone").length).toBeGreaterThan(
      100,
    );
    // the planted uncovered candidate is outlined on the map
    expect(doc.querySelector(`[data-outline="${truth.uncovered_candidate.id}"]`)).not.toBeNull();
    // a trend plot in the cards
    expect(doc.querySelectorAll("article.card svg").length).toBeGreaterThan(0);
    expect(html).not.toMatch(/src="http|href="http/);
  });

  it("writes every table as CSV, one row per network in networks.csv", () => {
    for (const t of TABLES) expect(existsSync(join(out, `${t}.csv`)), t).toBe(true);
    const path = join(out, "networks.csv");
    const rows = parseCsv(readFileSync(path), path).records;
    expect(rows).toHaveLength(summary.networks);
  });

  it("prints progress on stderr only", () => {
    noStack(stderr);
  });
});

describe("maillage networks report from a store", () => {
  it("gives the same indicators after maillage import + networks import", () => {
    const dir = tempDir();
    const db = join(dir, "cci.duckdb");
    const imported = maillage(["import", "--dataset", "rouen", "--db", db]);
    expect(imported.code, imported.stderr).toBe(0);
    const info = JSON.parse(maillage(["info", "--db", db, "--json"]).stdout);
    expect(info.registry.networks).toBe(Object.keys(truth.members_at_as_of).length);
    expect(info.registry.actions).toBe(truth.actions.count);
    const run = maillage([
      "networks",
      "report",
      "--db",
      db,
      "--establishments",
      rouen.files.establishments as string,
      "--as-of",
      truth.as_of,
      "--out",
      join(dir, "out"),
      "--json",
    ]);
    expect(run.code, run.stderr).toBe(0);
    const fromStore = JSON.parse(run.stdout) as NetworksReportSummary;
    const members = Object.fromEntries(fromStore.result.indicators.map((p) => [p.network, p.members]));
    expect(members).toEqual(truth.members_at_as_of);
    expect(fromStore.result.redundant.map((p) => [p.a, p.b].sort())).toEqual([
      [...truth.redundant.pair].sort(),
    ]);
  });
});

describe("maillage networks report, mistakes", () => {
  it("asks for the registry with explicit files, and rejects a bad --months or --as-of (exit 2)", () => {
    const dir = tempDir();
    const edges = writeIn(dir, "links.csv", "source,target\na,b\n");
    const noRegistry = maillage(["networks", "report", "--edges", edges, "--out", join(dir, "o")]);
    expect(noRegistry.code).toBe(2);
    expect(noRegistry.stderr).toMatch(/--registry/);
    const months = maillage(["networks", "report", "--months", "zero", "--out", join(dir, "o")]);
    expect(months.code).toBe(2);
    // a date that does not exist
    const asOf = maillage(["networks", "report", "--as-of", "2016-13-45", "--out", join(dir, "o")]);
    expect(asOf.code).toBe(2);
    expect(asOf.stderr).toMatch(/--as-of: "2016-13-45" is not a date/);
    noStack(noRegistry.stderr + months.stderr + asOf.stderr);
  });

  it("quarantines bad registry rows (exit 0) and names a missing store (exit 1) or one without a registry (exit 2)", () => {
    const dir = tempDir();
    const actors = writeIn(
      dir,
      "actors.csv",
      "id,kind,naf,commune\nf1,firm,25.62A,76540\nf2,firm,25.62A,76540\n",
    );
    const links = writeIn(dir, "links.csv", "source,target,kind,start\nf1,f2,supply,2020-01-01\n");
    const registry = writeIn(
      dir,
      "reseaux.csv",
      "identifiant;nom;type;territoire;activites\nclub1;Club 1;club;76540;25\nclub2;Club 2;club;;25\n",
    );
    const members = writeIn(
      dir,
      "adherents.csv",
      "membre;reseau;adhesion;depart\nf1;club1;2019-01-01;\nf2;club1;2019-06-01;\nf2;inconnu;2019-06-01;\n",
    );
    const run = maillage([
      "networks",
      "report",
      "--nodes",
      actors,
      "--edges",
      links,
      "--registry",
      registry,
      members,
      "--out",
      join(dir, "o"),
      "--json",
    ]);
    expect(run.code, run.stderr).toBe(0);
    const s = JSON.parse(run.stdout) as NetworksReportSummary;
    // club2 has no territory, the third member row names an unknown network: 2 rows quarantined
    expect(s.registryQuarantine.rows).toBe(2);
    expect(s.result.indicators.map((p) => [p.network, p.members])).toEqual([["club1", 2]]);
    const quarantine = readFileSync(join(dir, "o", "quarantine.csv"), "utf8");
    expect(quarantine).toMatch(/reseaux\.csv/);
    expect(quarantine).toMatch(/adherents\.csv/);

    const missing = maillage([
      "networks",
      "report",
      "--db",
      join(dir, "none.duckdb"),
      "--out",
      join(dir, "p"),
    ]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/none\.duckdb/);
    const db = join(dir, "plain.duckdb");
    expect(maillage(["import", actors, links, "--db", db]).code).toBe(0);
    const empty = maillage(["networks", "report", "--db", db, "--out", join(dir, "p")]);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/no registry/);
    noStack(run.stderr + missing.stderr + empty.stderr);
  });
});
