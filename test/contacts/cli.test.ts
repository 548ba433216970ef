/**
 * `maillage contacts` as a user meets it: the default rouen contact book, imports into a store, the
 * review's JSON, introductions, forget, exit codes, and no e-mail or phone on the terminal.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { maillage } from "../cli/run.ts";
import { tempDir } from "../helpers.ts";
import { CONTACT_FIXTURES, fixture, rouenFiles } from "./fixtures.ts";

const truth = JSON.parse(readFileSync(rouenFiles().truth, "utf8")).contacts;
const noPersonalData = (s: string) => {
  expect(s).not.toMatch(/@[a-z0-9-]+\./i);
  expect(s).not.toMatch(/\+33\d/);
  expect(s).not.toMatch(/0[1-9]( \d\d){4}/);
};

describe("maillage contacts", () => {
  it("reviews the built-in rouen contact book by default, as of its last interaction", () => {
    const r = maillage(["contacts", "review", "--json"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('built-in "rouen" contact book');
    const review = JSON.parse(r.stdout);
    expect(review.asOf).toBe(truth.as_of);
    expect(review.segmentCounts).toEqual(truth.counts.segments);
    expect(review.fading.map((f: { id: string }) => f.id)).toEqual(truth.fading);
    expect(review.leaders.length).toBeGreaterThan(0);
    noPersonalData(r.stdout);
  });

  it("prints fading contacts and leaders without e-mails or phones; writes pseudonymised files", () => {
    const out = tempDir();
    const r = maillage(["contacts", "review", "--dataset", "rouen", "--out", out, "--pseudonymise", "k"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`fading contacts (${truth.fading.length}`);
    noPersonalData(r.stdout);
    const csv = readFileSync(join(out, "contacts_review.csv"), "utf8");
    expect(csv.split("\n")[0]).toBe(
      "id,sphere,subsphere,closeness,formality,usefulness,organisation_id,segment,segment_reason,interactions_last,fading,betweenness",
    );
    expect(csv).not.toMatch(/C0\d{3}/);
    expect(csv.trim().split("\n")).toHaveLength(193);
    expect(existsSync(join(out, "fading.csv"))).toBe(true);
  });

  it("imports files into a store, reviews it, and forgets a person", () => {
    const dir = tempDir();
    const db = join(dir, "c.duckdb");
    const files = [...CONTACT_FIXTURES, "interactions.csv"].map(fixture);
    const imported = maillage(["contacts", "import", ...files, "--db", db, "--json"]);
    expect(imported.code).toBe(0);
    const report = JSON.parse(imported.stdout);
    expect(report.contacts).toMatchObject({ read: 22, accepted: 11, merged: 5, quarantined: 6 });
    expect(report.merges).toHaveLength(5);
    expect(readFileSync(join(dir, "quarantine.csv"), "utf8").trim().split("\n")).toHaveLength(1 + 6 + 2);
    noPersonalData(imported.stdout);

    const fading = maillage(["contacts", "fading", "--db", db, "--as-of", "2024-12-31", "--json"]);
    expect(fading.code).toBe(0);
    const f = JSON.parse(fading.stdout);
    expect(f.asOf).toBe("2024-12-31");
    // P02's only interaction (2023-05-04) lies in the previous window: silent.
    expect(f.fading.map((x: { id: string }) => x.id)).toEqual(["P02"]);

    const forget = maillage(["contacts", "forget", "P02", "--db", db]);
    expect(forget.code).toBe(0);
    const again = maillage(["contacts", "forget", "P02", "--db", db]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('no contact "P02"');
  });

  it("finds introductions in the rouen network and refuses unknown targets and bad dates", () => {
    const r = maillage(["contacts", "introduce", "00000415000017", "--limit", "2"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/2 ties: me → C0056 .* → \[Verinand Fret\]/);
    const unknown = maillage(["contacts", "introduce", "zzz-nobody", "--json"]);
    expect(unknown.code).toBe(1);
    expect(unknown.stdout).toBe("");
    const bad = maillage(["contacts", "review", "--as-of", "yesterday"]);
    expect(bad.code).toBe(2);
    const missing = maillage([
      "contacts",
      "import",
      "/no/such/file.csv",
      "--db",
      join(tempDir(), "x.duckdb"),
    ]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("no such file");
  });
});
