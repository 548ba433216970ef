/**
 * `maillage networks import` as a user meets it: files in French with `;`, the summary and the JSON
 * document, quarantine.csv next to the store, idempotent re-import, and the exit codes (0 done with
 * quarantined rows, 1 bad input, 2 usage).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findDataset } from "../../datasets/index.ts";
import { readCsv } from "../../engine/io/csvRead.ts";
import { tempDir, writeIn } from "../helpers.ts";
import { maillage } from "./run.ts";

const ACTORS = "id,kind,name\nF1,firm,Alpha\nF2,firm,Beta\nF3,firm,Gamma\n";
const LINKS = "source,target,kind\nF1,F2,supply\n";
const NETWORKS =
  "identifiant;nom;nature;territoire;activites\n" +
  "N1;Club Seine;club;200023414;25\n" +
  "N2;Grappe;grappe;76540|76451;\n" +
  "N3;Sans territoire;club;;\n"; // quarantined: blank territory
const MEMBERS =
  "membre;reseau;adhesion;depart\n" +
  "F1;N1;2015;\n" +
  "F2;N1;2016;2014\n" + // quarantined: leaves before it joins
  "F3;N9;2016;\n"; // quarantined: unknown network
const ACTIONS =
  "reseau;date;nature;intitule;participants\n" +
  "N1;2021-03-04;réunion;AG;F1|F2\n" +
  "N1|N2;2021-05-06;inter-réseaux;Rencontre;F3\n" +
  "N2;2021-06-07;pique-nique;;\n"; // quarantined: unknown kind

function setUp() {
  const dir = tempDir();
  const db = join(dir, "store.duckdb");
  const files = {
    actors: writeIn(dir, "acteurs.csv", ACTORS),
    links: writeIn(dir, "liens.csv", LINKS),
    networks: writeIn(dir, "reseaux.csv", NETWORKS),
    members: writeIn(dir, "adherents.csv", MEMBERS),
    actions: writeIn(dir, "actions.csv", ACTIONS),
  };
  expect(maillage(["import", files.actors, files.links, "--db", db]).code).toBe(0);
  return { dir, db, files };
}

describe("maillage networks import", () => {
  it("imports the three files, quarantines bad rows (exit 0), and changes nothing the second time", () => {
    const { dir, db, files } = setUp();
    // Actions given first: networks files are read first anyway.
    const r = maillage([
      "networks",
      "import",
      files.actions,
      files.members,
      files.networks,
      "--db",
      db,
      "--json",
    ]);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(
      report.files.map((f: { kind: string; read: number; accepted: number; quarantined: number }) => [
        f.kind,
        f.read,
        f.accepted,
        f.quarantined,
      ]),
    ).toEqual([
      ["networks", 3, 2, 1],
      ["members", 3, 1, 2],
      ["actions", 3, 2, 1],
    ]);
    expect(report.stored.networks).toEqual({ inserted: 2, updated: 0, unchanged: 0 });
    expect(report.stored.memberships).toEqual({ inserted: 1, updated: 0, unchanged: 0 });
    expect(report.stored.actions).toEqual({ inserted: 2, updated: 0, unchanged: 0 });
    expect(report.stored.actors).toEqual({ inserted: 2, updated: 0, unchanged: 0 });
    expect(report.quarantine).toEqual({ file: join(dir, "quarantine.csv"), rows: 4 });

    const quarantine = readFileSync(join(dir, "quarantine.csv"), "utf8").trim().split("\n");
    expect(quarantine[0]).toBe("file,line,field,value,reason");
    expect(quarantine.slice(1).map((l) => l.split(",").slice(0, 4).join(","))).toEqual([
      `${files.networks},4,territory,`,
      `${files.members},3,end,2014`,
      `${files.members},4,network,N9`,
      `${files.actions},4,kind,pique-nique`,
    ]);
    expect(quarantine[3]).toContain("unknown network");

    const again = maillage(["networks", "import", files.networks, files.members, files.actions, "--db", db]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(`networks ${files.networks}: read 3`);
    expect(again.stdout).toContain("read 3 = accepted 2 + quarantined 1");
    expect(again.stdout).toContain("networks 0 added, 0 updated, 2 unchanged");
    expect(again.stdout).toContain("members  0 added, 0 updated, 1 unchanged");
    expect(again.stdout).toContain("actions  0 added, 0 updated, 2 unchanged");
    expect(again.stderr).toContain("4 rows quarantined");
  });

  it("exits 1 on a missing required column or an unreadable file, naming it, with nothing on stdout", () => {
    const { dir, db } = setUp();
    const bad = writeIn(dir, "reseaux-sans-territoire.csv", "id;nom;type\nN1;Club;club\n");
    const missing = maillage(["networks", "import", bad, "--db", db, "--json"]);
    expect(missing.code).toBe(1);
    expect(missing.stdout).toBe("");
    expect(missing.stderr).toContain('reseaux-sans-territoire.csv: missing required column "territory"');
    expect(missing.stderr).not.toMatch(/\n\s+at /);
    const absent = maillage(["networks", "import", join(dir, "nope.csv"), "--db", db]);
    expect(absent.code).toBe(1);
    expect(absent.stderr).toContain("nope.csv: cannot be read (no such file)");
  });

  it("exits 2 on usage errors and teaches with examples", () => {
    expect(maillage(["networks", "import"]).code).toBe(2);
    const kind = maillage(["networks", "import", "x.csv", "--kind", "firms"]);
    expect(kind.code).toBe(2);
    expect(kind.stderr).toContain("Allowed choices are networks, members, actions");
    const help = maillage(["networks", "import", "--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("Examples:");
    expect(help.stdout).toContain("maillage networks import reseaux.csv adherents.csv actions.csv");
  });

  it("imports the built-in dataset's registry with `maillage import --dataset rouen`, once", () => {
    const registry = findDataset("rouen")?.files.registry;
    if (!registry) throw new Error("the rouen dataset has no registry");
    // Rows of each file as the CSV reader splits them: every one must be accepted.
    const rows = (file: string) => readCsv(file).records.length;
    const db = join(tempDir(), "rouen.duckdb");
    const first = maillage(["import", "--dataset", "rouen", "--db", db, "--json"]);
    expect(first.code).toBe(0);
    const report = JSON.parse(first.stdout);
    expect(
      report.registry.files.map((f: { file: string; read: number; quarantined: number }) => [
        f.file,
        f.read,
        f.quarantined,
      ]),
    ).toEqual([
      [registry.networks, rows(registry.networks), 0],
      [registry.actions, rows(registry.actions), 0],
    ]);
    expect(report.registry.stored.networks.inserted).toBe(rows(registry.networks));
    expect(report.registry.stored.actions.inserted).toBe(rows(registry.actions));
    // The dataset's networks are actors of its actors file already.
    expect(report.registry.stored.actors.inserted).toBe(0);
    const again = JSON.parse(maillage(["import", "--dataset", "rouen", "--db", db, "--json"]).stdout);
    expect(again.registry.stored.networks).toEqual({
      inserted: 0,
      updated: 0,
      unchanged: rows(registry.networks),
    });
    expect(again.registry.stored.actions).toEqual({
      inserted: 0,
      updated: 0,
      unchanged: rows(registry.actions),
    });
  });
});
