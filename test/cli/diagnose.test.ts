/**
 * `maillage diagnose` as a user runs it: the built-in rouen data by default, report.html + tables as
 * CSV and Parquet, a summary on stdout, `--json` pure JSON, usage and input errors without stack traces.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { JSDOM } from "jsdom";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { findDataset } from "../../datasets/index.ts";
import { runDiagnose } from "../../engine/cli/commands/diagnose.ts";
import { main } from "../../engine/cli/main.ts";
import { parseCsv } from "../../engine/io/csvRead.ts";
import { slug } from "../../engine/report/escape.ts";
import { withStore } from "../../engine/store/connection.ts";
import { importEstablishments } from "../../engine/store/establishments.ts";
import { tempDir, writeIn } from "../helpers.ts";
import { maillage, type Run } from "./run.ts";

const noStack = (s: string) => expect(s).not.toMatch(/\n\s+at .+:\d+:\d+/);
const TABLES = [
  "candidates",
  "single_plant",
  "communes",
  "activities",
  "cells",
  "trends",
  "candidate_firms",
  "secret_cells",
];
/** Run the command in this process (no start-up cost), capturing stdout and stderr. */
async function inProcess(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const out = vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  const err = vi.spyOn(process.stderr, "write").mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
  try {
    return { code: await main(args), stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}
const csvRows = (path: string) => parseCsv(readFileSync(path), path).records;

describe("maillage diagnose", () => {
  const out = join(tempDir(), "report");
  let run: Run;
  let html: string;
  let doc: Document;
  beforeAll(() => {
    run = maillage(["diagnose", "--out", out]);
    html = existsSync(join(out, "report.html")) ? readFileSync(join(out, "report.html"), "utf8") : "";
    doc = new JSDOM(html).window.document;
  });

  it("runs on the built-in rouen data with no arguments, says so, and says where the report is", () => {
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('using the built-in "rouen" dataset');
    expect(run.stdout).toContain("Rouen employment zone, 2022");
    expect(run.stdout).toContain(`Report: ${join(out, "report.html")}`);
    expect(run.stdout).toMatch(/Candidate districts\/SPLs: \d+/);
    // The real pivots of the zone are single-plant concentrations, not SME districts.
    expect(run.stdout).toMatch(/29\.10Z .*Cléon/);
    expect(run.stdout).toMatch(/21\.20Z .*Le Trait/);
  });

  it("writes report.html and every table as CSV and Parquet", () => {
    for (const t of TABLES) {
      expect(existsSync(join(out, `${t}.csv`)), t).toBe(true);
      expect(existsSync(join(out, `${t}.parquet`)), t).toBe(true);
    }
    const candidates = csvRows(join(out, "candidates.csv"));
    expect(candidates.length).toBeGreaterThan(10);
    expect(readFileSync(join(out, "cells.csv"), "utf8")).not.toMatch(/NaN|undefined/);
  });

  it("writes a self-contained report: no external script, stylesheet, image or frame", () => {
    expect(html.length).toBeGreaterThan(10_000);
    expect(doc.querySelectorAll("script[src], link[href], img[src], iframe, object, embed")).toHaveLength(0);
    expect(html).not.toMatch(/(src|href|url)\s*[=(]\s*["']?https?:/i);
    expect(html).not.toMatch(/@import/);
  });

  it("maps every commune of the zone with a legend, and lists the candidate rows", () => {
    const map = doc.querySelector("figure.map");
    expect(map).not.toBeNull();
    const codes = [...(map?.querySelectorAll("path[data-code].zone") ?? [])].map((p) =>
      p.getAttribute("data-code"),
    );
    const communes = csvRows(join(out, "communes.csv")).map((r) => r.cells[0]);
    // Every commune with jobs in 2022 is drawn (Seine-Maritime boundaries cover the whole zone).
    for (const c of communes) expect(codes).toContain(c);
    expect(map?.querySelector(".legend")?.textContent).toContain("Location quotient of jobs");
    expect(map?.querySelectorAll("path[data-outline]").length).toBeGreaterThan(0);
    const rows = doc.querySelectorAll("table#candidates-table tbody tr");
    expect(rows.length).toBe(csvRows(join(out, "candidates.csv")).length);
    expect(doc.querySelectorAll("table#single-plant-table tbody tr").length).toBe(
      csvRows(join(out, "single_plant.csv")).length,
    );
  });

  it("gives the organisational form of the networks each candidate's firms belong to", () => {
    const truth = JSON.parse(readFileSync(findDataset("rouen")?.files.truth ?? "", "utf8"));
    const district = csvRows(join(out, "candidates.csv")).find((r) => r.cells[2] === truth.district.naf);
    const table = doc.querySelector(`section#firms table#firms-${slug(district?.cells[1] ?? "")}`);
    const note = table?.closest("details")?.querySelector("p.note")?.textContent ?? "";
    // The planted district is its own network, a réseau de firmes; its firms are all there.
    expect(note).toMatch(
      new RegExp(
        `^Organisational form of their networks: ${truth.district.firms.length} in a réseau de firmes network of ${truth.district.firms.length} actors \\(score 0\\.\\d+`,
      ),
    );
  });

  it("lists the network's leaders among each candidate's firms: the district's planted leaders first", () => {
    const truth = JSON.parse(readFileSync(findDataset("rouen")?.files.truth ?? "", "utf8"));
    const planted: string[] = truth.leaders.reseau_de_firmes.leaders;
    const table = parseCsv(readFileSync(join(out, "candidate_firms.csv")), "candidate_firms.csv");
    expect(table.header).toEqual(
      expect.arrayContaining([
        "leader_rank",
        "network_rank",
        "role",
        "score",
        "degree",
        "betweenness",
        "constraint",
        "evidence",
      ]),
    );
    const col = (name: string) => table.header.indexOf(name);
    const district = csvRows(join(out, "candidates.csv")).find((r) => r.cells[2] === truth.district.naf);
    const rows = table.records.filter((r) => r.cells[col("candidate")] === district?.cells[1]);
    const top = rows.slice(0, planted.length);
    expect(new Set(top.map((r) => r.cells[col("id")]))).toEqual(new Set(planted));
    expect(top.map((r) => r.cells[col("leader_rank")])).toEqual(["1", "2", "3", "4", "5"]);
    for (const r of top) {
      expect(["broker", "hub", "broker_hub"]).toContain(r.cells[col("role")]);
      expect(Number(r.cells[col("score")])).toBeGreaterThan(0.9);
      expect(r.cells[col("evidence")]).toMatch(/^rank \d+ of \d+ in the network; degree \d+; betweenness /);
    }
    // The report shows them in the district's firm table, with the leader columns.
    const section = doc.querySelector(`section#firms table#firms-${slug(district?.cells[1] ?? "")}`);
    expect(section?.querySelector("thead")?.textContent).toContain("Role");
    const shown = [...(section?.querySelectorAll("tbody tr") ?? [])].slice(0, planted.length);
    const names = top.map((r) => r.cells[col("name")]);
    expect(shown.map((tr) => tr.querySelector("td:nth-child(2)")?.textContent)).toEqual(names);
    expect(run.stdout).toMatch(/leaders: .+\(#\d+, (broker|hub|broker_hub)\)/);
  });

  it("prints pure JSON with --json", () => {
    const r = maillage(["diagnose", "--json", "--level", "division", "--out", join(tempDir(), "r")]);
    expect(r.code, r.stderr).toBe(0);
    const summary = JSON.parse(r.stdout);
    expect(summary.level).toBe("division");
    expect(summary.year).toBe(2022);
    expect(summary.jobs).toBe(183731);
    expect(summary.reading.read).toBe(summary.reading.accepted + summary.reading.quarantined);
    expect(summary.report).toMatch(/report\.html$/);
    expect(summary.candidates.count).toBeGreaterThan(0);
  });

  it("shows help with examples, and exits 2 on usage errors without a stack trace (in process)", async () => {
    const help = await inProcess(["diagnose", "--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("Examples:");
    expect(help.stdout).toContain("--min-lq");
    for (const args of [
      ["diagnose", "--level", "planet"],
      ["diagnose", "--min-lq", "-1"],
      ["diagnose", "--min-jobs", "2.5"],
      ["diagnose", "--year", "soon"],
      ["diagnose", "--dataset", "florentine"],
      ["diagnose", "--dataset", "rouen", "--establishments", "x.csv"],
    ]) {
      const r = await inProcess(args);
      expect(r.code, `${args.join(" ")}\n${r.stderr}`).toBe(2);
      expect(r.stderr).toMatch(/error/);
      noStack(r.stderr);
    }
  });

  it("reads a store (--db) and finds the built-in geography for its communes (in process)", async () => {
    const dir = tempDir();
    const db = join(dir, "zone.duckdb");
    await withStore(db, async (store) => {
      await importEstablishments(store, findDataset("rouen")?.files.establishments ?? "");
    });
    const summary = await runDiagnose({ db, out: join(dir, "r"), level: "division", json: true });
    expect(summary.source).toBe(`store ${db}`);
    expect(summary.jobs).toBe(183731);
    expect(summary.network).toBeNull(); // the store holds establishments only
    const page = new JSDOM(readFileSync(summary.report, "utf8")).window.document;
    expect(page.querySelectorAll("figure.map").length).toBeGreaterThan(0);
    expect(page.querySelector("section#firms")?.textContent).toContain("No relationship network was loaded");
  });

  it("quarantines bad rows (unknown commune, negative count), says so and still reports (in process)", async () => {
    const dir = tempDir();
    const table = writeIn(
      dir,
      "table.csv",
      [
        "commune;naf;year;establishments;jobs",
        "76540;29.10Z;2022;3;100",
        "76540;25.62A;2022;5;40",
        "76178;29.10Z;2022;1;3500",
        "99999;29.10Z;2022;2;10",
        "76540;25.62A;2021;-3;40",
      ].join("\n"),
    );
    const summary = await runDiagnose({
      establishments: table,
      out: join(dir, "r"),
      level: "subclass",
      json: true,
    });
    expect(summary.reading).toMatchObject({ read: 5, accepted: 3, quarantined: 2 });
    // The 99999 row is refused at import (not stored): the summary names it.
    expect(summary.reading?.unknownCommunes).toEqual({ rows: 1, codes: ["99999"] });
    const quarantine = csvRows(join(dir, "r", "quarantine.csv")).map((r) => [r.cells[1], r.cells[2]]);
    expect(quarantine).toEqual([
      ["5", "commune"],
      ["6", "establishments"],
    ]);
    // 2022: 100 + 40 + 3500 jobs (the 99999 row's 10 jobs are not counted).
    expect(summary.jobs).toBe(3640);
    expect(existsSync(summary.report)).toBe(true);
    // The report says so, since the diagnostic never saw the row.
    const page = readFileSync(summary.report, "utf8");
    expect(page).toContain(
      "1 row quarantined at import for a commune code not in the Code officiel géographique",
    );
    expect(page).toContain("(99999); they are in no index.");
    const text = await inProcess(["diagnose", "--establishments", table, "--out", join(dir, "r2")]);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain("read 5 = accepted 3 + quarantined 2");
    expect(text.stdout).toContain("of which 1 for a commune code not in the COG: 99999");
  });

  it("exits 1 on bad input, naming the file, without a stack trace", () => {
    const dir = tempDir();
    const missing = maillage([
      "diagnose",
      "--establishments",
      "/nonexistent/table.csv",
      "--out",
      join(dir, "o1"),
    ]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("/nonexistent/table.csv");
    noStack(missing.stderr);
    const bad = writeIn(dir, "bad.csv", "commune;naf;year;establishments;jobs\n76540;xx;2022;3;10\n");
    const r = maillage(["diagnose", "--establishments", bad, "--out", join(dir, "o2")]);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toContain("bad.csv");
    noStack(r.stderr);
  });
});
