/**
 * The command line as a user meets it: exit codes, stdout/stderr discipline, `--json`, quarantine
 * files, idempotent imports, and no stack trace for a user's mistake.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir, writeIn } from "../helpers.ts";
import { maillage } from "./run.ts";

const noStack = (s: string) => expect(s).not.toMatch(/\n\s+at .+:\d+:\d+/);

describe("maillage CLI", () => {
  it("prints help with examples and exits 0", () => {
    const r = maillage(["import", "--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Examples:");
    expect(r.stdout).toContain("quarantine.csv");
  });

  it("describes the built-in rouen dataset by default, saying so on stderr; --json is pure JSON", () => {
    const r = maillage(["info", "--json"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('using the built-in "rouen" dataset');
    const report = JSON.parse(r.stdout);
    expect(report.source).toBe("dataset rouen");
    expect(report.network.actors).toBeGreaterThan(1000);
    expect(report.network.linksByCategory.market).toBeGreaterThan(0);
    expect(report.network.linksByCategory.non_market).toBeGreaterThan(0);
    expect(report.reading.links.read).toBe(report.reading.links.accepted + report.reading.links.quarantined);
    expect(report.establishments.years[0]).toBe(2006);
    expect(report.establishments.latestJobs).toBe(183731);
  });

  it("exits 2 on a usage error and 1 on bad input, without a stack trace", () => {
    for (const [args, code] of [
      [["info", "--dataset", "nowhere"], 2],
      [["frobnicate"], 2],
      [["export", "--format", "xml", "--out", "x"], 2],
      [["info", "--dataset", "rouen", "--db", "x.duckdb"], 2],
      [["info", "--edges", "/nonexistent/links.csv"], 1],
    ] as const) {
      const r = maillage([...args]);
      expect(r.code, args.join(" ")).toBe(code);
      expect(r.stderr).toMatch(/error/);
      noStack(r.stderr);
    }
  });

  it("names the file and the missing column", () => {
    const dir = tempDir();
    const edges = writeIn(dir, "liens.csv", "de_qui;a_qui\nA;B\n");
    const r = maillage(["info", "--edges", edges]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("liens.csv: missing required columns");
    expect(r.stderr).toContain('columns found: "de_qui", "a_qui"');
    noStack(r.stderr);
  });

  it("imports with a quarantine report, idempotently, and exports from the store", () => {
    const dir = tempDir();
    const actors = writeIn(
      dir,
      "acteurs.csv",
      "identifiant;nom;type\nA;Alpha;entreprise\nB;Beta;entreprise\nC;Club;réseau\n",
    );
    const links = writeIn(
      dir,
      "liens.csv",
      "source;cible;type;poids\nA;B;fourniture;2\nA;C;adhésion;\nA;Z;conseil;\nB;A;télépathie;\n",
    );
    const db = join(dir, "store.duckdb");
    const first = maillage(["import", actors, links, "--db", db, "--json"]);
    expect(first.code).toBe(0);
    const a = JSON.parse(first.stdout);
    expect(a.network.reading.links).toMatchObject({ read: 4, accepted: 2, quarantined: 2 });
    expect(a.network.stored.links).toMatchObject({ inserted: 2, updated: 0, unchanged: 0 });
    const quarantine = readFileSync(join(dir, "quarantine.csv"), "utf8").trim().split("\n");
    expect(quarantine[0]).toBe("file,line,field,value,reason");
    expect(quarantine).toHaveLength(3);
    expect(quarantine[1]).toMatch(/liens\.csv,4,target,Z,no actor with this id/);

    const second = JSON.parse(maillage(["import", actors, links, "--db", db, "--json"]).stdout);
    expect(second.network.stored.actors).toMatchObject({ inserted: 0, updated: 0, unchanged: 3 });
    expect(second.network.stored.links).toMatchObject({ inserted: 0, updated: 0, unchanged: 2 });

    const info = JSON.parse(maillage(["info", "--db", db, "--json"]).stdout);
    expect(info.network).toMatchObject({ actors: 3, links: 2, linksByKind: { membership: 1, supply: 1 } });

    const out = join(dir, "net.gexf");
    const exported = maillage(["export", "--db", db, "--format", "gexf", "--out", out]);
    expect(exported.code).toBe(0);
    expect(readFileSync(out, "utf8")).toContain("<gexf");
  });

  it("imports an establishment table refusing a commune code the COG does not know", () => {
    const dir = tempDir();
    const table = writeIn(
      dir,
      "table.csv",
      "commune;naf;year;establishments;jobs\n76540;29.10Z;2022;3;100\n99999;29.10Z;2022;2;10\n76358;25.62A;2022;1;4\n",
    );
    const db = join(dir, "store.duckdb");
    const r = maillage(["import", "--establishments", table, "--db", db, "--json"]);
    expect(r.code, r.stderr).toBe(0);
    const e = JSON.parse(r.stdout).establishments;
    // 99999 is in no vintage; 76358 is a former code (merged into 76455): known, stored as written.
    expect(e).toMatchObject({ read: 3, accepted: 2, quarantined: 1, rowsWritten: 2 });
    expect(e.unknownCommunes).toEqual([{ code: "99999", rows: 1 }]);
    const quarantine = readFileSync(join(dir, "quarantine.csv"), "utf8").trim().split("\n");
    expect(quarantine).toHaveLength(2);
    expect(quarantine[1]).toMatch(
      /table\.csv,3,commune,99999,"unknown commune code: not in the Code officiel géographique \(@etalab\/decoupage-administratif [\d.]+\), neither current, former nor delegated"/,
    );
    const text = maillage(["import", "--establishments", table, "--db", db]);
    expect(text.stdout).toContain("read 3 = accepted 2 + quarantined 1");
    const info = JSON.parse(maillage(["info", "--db", db, "--json"]).stdout);
    // 2022 jobs stored: 100 (76540) + 4 (76358); the 10 jobs of 99999 are not in the store.
    expect(info.establishments.latestJobs).toBe(104);
  });

  it("lists the datasets", () => {
    const r = maillage(["datasets", "--json"]);
    expect(r.code).toBe(0);
    const list = JSON.parse(r.stdout);
    expect(list.map((d: { name: string }) => d.name)).toEqual(["rouen", "florentine", "norway-h2020"]);
    expect(list.every((d: { complete: boolean }) => d.complete)).toBe(true);
  });

  it("pseudonymises persons only when a key is given", () => {
    const dir = tempDir();
    const actors = writeIn(dir, "a.csv", "id,name,kind\np1,Jeanne Martin,person\nF,Firm,firm\n");
    const links = writeIn(dir, "l.csv", "source,target,kind\np1,F,advice\n");
    const out = join(dir, "x.json");
    const refused = maillage([
      "export",
      "--nodes",
      actors,
      "--edges",
      links,
      "--format",
      "json",
      "--out",
      out,
      "--pseudonymise",
    ]);
    expect(refused.code).toBe(2);
    expect(existsSync(out)).toBe(false);
    const r = maillage(
      ["export", "--nodes", actors, "--edges", links, "--format", "json", "--out", out, "--pseudonymise"],
      {
        env: { MAILLAGE_PSEUDONYM_KEY: "k" },
      },
    );
    expect(r.code).toBe(0);
    const text = readFileSync(out, "utf8");
    expect(text).not.toContain("Jeanne");
    expect(text).not.toContain('"p1"');
    expect(text).toContain('"F"');
  });
});

describe("the built-in datasets import idempotently", () => {
  it.each(["rouen", "florentine", "norway-h2020"])(
    "%s: the store holds what the files hold, twice over",
    (name) => {
      const db = join(tempDir(), `${name}.duckdb`);
      const first = JSON.parse(maillage(["import", "--dataset", name, "--db", db, "--json"]).stdout);
      expect(first.network.reading.links.quarantined).toBe(0);
      expect(first.quarantine.rows).toBe(0);
      const second = JSON.parse(maillage(["import", "--dataset", name, "--db", db, "--json"]).stdout);
      for (const part of ["actors", "links"] as const) {
        expect(second.network.stored[part]).toMatchObject({
          inserted: 0,
          updated: 0,
          unchanged: first.network.stored[part].inserted,
        });
      }
      if (name === "rouen")
        expect(second.establishments).toMatchObject({
          read: 9338,
          accepted: 9338,
          quarantined: 0,
          inserted: 0,
          updated: 0,
        });
      const fromStore = JSON.parse(maillage(["info", "--db", db, "--json"]).stdout);
      const fromFiles = JSON.parse(maillage(["info", "--dataset", name, "--json"]).stdout);
      expect(fromStore.network).toEqual(fromFiles.network);
      if (name === "rouen") expect(fromStore.establishments).toEqual(fromFiles.establishments);
    },
  );
});
