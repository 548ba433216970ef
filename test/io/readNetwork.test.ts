/**
 * The malformed-input suite: every kind of bad file a user sends, and the promise that holds for all of
 * them — a clear error naming the file and column when nothing can be read, otherwise
 * `read = accepted + quarantined` with each refused row in the quarantine report.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { InputError } from "../../engine/io/errors.ts";
import { quarantineCsv, writeQuarantine } from "../../engine/io/quarantine.ts";
import { readNetwork } from "../../engine/io/readNetwork.ts";
import { latin1, tempDir, writeIn } from "../helpers.ts";

const ACTORS =
  "id;name;kind;naf;commune;headcount\nA;Alpha;firm;2910Z;76178;3500\nB;Beta;firm;25.62A;76178;40\nC;CCI;chamber;;;\n";

async function read(actors: string | Uint8Array | null, links: string | Uint8Array) {
  const dir = tempDir();
  const nodes = actors === null ? undefined : writeIn(dir, "actors.csv", actors);
  const edges = writeIn(dir, "links.csv", links);
  const result = await readNetwork({ nodes, edges });
  const { actors: a, links: l } = result.summary;
  if (a) expect(a.read).toBe(a.accepted + a.quarantined);
  expect(l.read).toBe(l.accepted + l.quarantined);
  expect(result.quarantine).toHaveLength((a?.quarantined ?? 0) + l.quarantined);
  return result;
}

describe("readNetwork: dialects", () => {
  const links = (d: string) =>
    `${["source", "target", "kind", "weight"].join(d)}\n${["B", "A", "supply", "2"].join(d)}\n`;
  it.each([";", ",", "\t"])("reads a links file separated by %j", async (d) => {
    const r = await read(ACTORS, links(d));
    expect(r.summary.links).toMatchObject({ read: 1, accepted: 1, quarantined: 0 });
  });
  it("reads French headers, a BOM, decimal commas and accents", async () => {
    const r = await read(
      `\ufeffIdentifiant;Nom;Type;Code APE;Commune;Effectif\nA;Usine de Cléon;entreprise;2910Z;76178;3 500\nB;Décolletage;Entreprise;2562A;76178;40\n`,
      "Source;Cible;Type;Poids;Début;Formalité\nB;A;sous-traitance;2,5;2015;formel\n",
    );
    expect(r.actors[0]).toMatchObject({
      name: "Usine de Cléon",
      kind: "firm",
      naf: "29.10Z",
      headcount: 3500,
      size_class: "midcap",
    });
    expect(r.links[0]).toMatchObject({
      kind: "subcontracting",
      category: "market",
      weight: 2.5,
      start: "2015-01-01",
      formality: "formal",
      directed: true,
      orientation: "vertical",
    });
  });
  it("reads Latin-1 (Windows-1252) files", async () => {
    const r = await read(
      latin1("id;nom;type\nA;Société Générale de Décolletage;entreprise\nB;Béta;entreprise\n"),
      latin1("source;cible;type\nA;B;amitié\n"),
    );
    expect(r.actors[0].name).toBe("Société Générale de Décolletage");
    expect(r.links[0].kind).toBe("friendship");
  });
  it("reads a plain edge list without an actors file, creating unspecified actors", async () => {
    const r = await read(null, "source,target,weight\n1,2,3\n2,3,1\n");
    expect(r.summary.createdActors).toBe(3);
    expect(r.actors.map((a) => a.kind)).toEqual(["unspecified", "unspecified", "unspecified"]);
    expect(r.links.map((l) => [l.kind, l.category, l.weight])).toEqual([
      ["unspecified", "unknown", 3],
      ["unspecified", "unknown", 1],
    ]);
  });
});

describe("readNetwork: bad input", () => {
  it("fails at once on a missing required column, naming the file, the column and the columns found", async () => {
    const error = await read(ACTORS, "from_firm;to_firm\nA;B\n").catch((e) => e);
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toMatch(/links\.csv: missing required columns "source", "target"/);
    expect(error.message).toMatch(/columns found: "from_firm", "to_firm"/);
    const noId = await read("nom;type\nx;firm\n", "source;target\nA;B\n").catch((e) => e);
    expect(noId.message).toMatch(/actors\.csv: missing required column "id"/);
  });
  it("fails on an empty file", async () => {
    await expect(read(ACTORS, "")).rejects.toThrow(/links\.csv: the file is empty/);
  });
  it("quarantines bad numbers, unknown tokens and bad dates with file, line, field and reason", async () => {
    const r = await read(
      `${ACTORS}D;Delta;firm;99999;76178;12,5\nE;Echo;alien;;;\nF;Fox;firm;;761;3\n`,
      "source;target;kind;weight;start;end\nB;A;supply;abc;;\nB;A;teleportation;1;;\nB;C;membership;1;31/02/2020;\nA;C;membership;1;2020;2019\nB;C;membership;-1;;\n",
    );
    const q = r.quarantine.map((x) => [x.line, x.field, x.value]);
    expect(q).toEqual([
      [5, "naf", "99999"],
      [6, "kind", "alien"],
      [7, "commune", "761"],
      [2, "weight", "abc"],
      [3, "kind", "teleportation"],
      [4, "start", "31/02/2020"],
      [5, "end", "2019"],
      [6, "weight", "-1"],
    ]);
    expect(r.summary.actors).toMatchObject({ read: 6, accepted: 3, quarantined: 3 });
    expect(r.summary.links).toMatchObject({ read: 5, accepted: 0, quarantined: 5 });
  });
  it("quarantines links to unknown actors and memberships of non-organisations", async () => {
    const r = await read(
      ACTORS,
      "source;target;kind\nB;Z;supply\nY;A;supply\nB;A;membership\nA;C;membership\n",
    );
    expect(r.quarantine.map((x) => [x.line, x.field, x.value])).toEqual([
      [2, "target", "Z"],
      [3, "source", "Y"],
      [4, "target", "A"],
    ]);
    expect(r.links).toHaveLength(1);
  });
  it("quarantines duplicate ids, saying whether they repeat or conflict", async () => {
    const r = await read(
      `${ACTORS}A;Alpha;firm;2910Z;76178;3500\nB;Beta bis;firm;25.62A;76178;40\n`,
      "source;target\nA;B\n",
    );
    expect(r.quarantine.map((x) => [x.line, x.field, x.reason])).toEqual([
      [5, "id", "repeats the actor of line 2"],
      [6, "name", 'duplicate id B: name differs from line 3 ("Beta")'],
    ]);
    expect(r.actors.find((a) => a.id === "B")?.name).toBe("Beta");
  });
  it("quarantines repeated link identities and self-loops", async () => {
    const r = await read(
      ACTORS,
      "source;target;kind;start;weight\nB;A;supply;2015;1\nB;A;supply;2015;1\nB;A;supply;2015;2\nB;A;supply;2016;1\nA;A;advice;;\n",
    );
    expect(r.quarantine.map((x) => [x.line, x.reason.slice(0, 30)])).toEqual([
      [3, "repeats the link of line 2 (sa"],
      [4, "same source, target, kind and "],
      [6, "a link from an actor to itself"],
    ]);
    expect(r.links).toHaveLength(2);
  });
  it("quarantines a huge field and rows with the wrong number of fields", async () => {
    const huge = "x".repeat(1_000_001);
    const r = await read(ACTORS, `source;target;source_ref\nB;A;${huge}\nB;A\nB;A;ok;extra\nA;B;fine\n`);
    expect(r.quarantine.map((x) => [x.line, x.field, x.reason])).toEqual([
      [2, "source_ref", "field longer than 1000000 characters"],
      [3, "", "2 fields where the header has 3"],
      [4, "", "4 fields where the header has 3"],
    ]);
    expect(r.summary.links).toMatchObject({ read: 4, accepted: 1, quarantined: 3 });
  });
  it("writes a readable quarantine report with the long value cut", async () => {
    const r = await read(ACTORS, `source;target;source_ref\nB;A;${"y".repeat(1_000_001)}\nB;Q;x\n`);
    const dir = tempDir();
    const path = join(dir, "quarantine.csv");
    writeQuarantine(path, r.quarantine);
    const text = readFileSync(path, "utf8");
    expect(text.split("\n")[0]).toBe("file,line,field,value,reason");
    expect(text).toContain("(1000001 characters)");
    expect(text.length).toBeLessThan(2000);
    expect(quarantineCsv(r.quarantine).split("\n").filter(Boolean)).toHaveLength(3);
  });
});
