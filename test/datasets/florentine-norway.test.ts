/**
 * The built-in Florentine and Norway Horizon 2020 datasets: the converters are deterministic (a rerun
 * into a temporary folder gives byte-identical files), the files keep the actors/links contract
 * (every link end is an actor, tokens are canonical), and every count the READMEs state is recomputed
 * here from the files, so a README cannot drift from the data it describes.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { PROJECT_PREFIX } from "../../datasets/norway-h2020/convert.ts";
import { readCsv } from "../../engine/io/csvRead.ts";
import { linkKey } from "../../engine/model/types.ts";
import { type LinkKind, linkCategory, parseActorKind, parseLinkKind } from "../../engine/model/vocabulary.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const TSX = join(ROOT, "node_modules", ".bin", "tsx");
const temporary: string[] = [];
afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

type Row = Record<string, string>;

/** Rows of a CSV file as header-keyed records, with their line; a row the reader sets aside fails. */
function lines(path: string, delimiter = ","): Array<{ line: number; row: Row }> {
  const { header, records, bad } = readCsv(path, { delimiter });
  if (bad.length > 0) throw new Error(`${path}: unreadable rows ${JSON.stringify(bad)}`);
  return records.map(({ line, cells }) => ({
    line,
    row: Object.fromEntries(header.map((name, i) => [name, cells[i]])),
  }));
}

/** Rows of a CSV file as header-keyed records. */
const table = (path: string): Row[] => lines(path).map(({ row }) => row);

/** The `| \`key\` | value |` rows of a README's counts table (cells may be padded by the formatter). */
function readmeCounts(readme: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const match of readme.matchAll(/^\| `([^`]+)`\s*\| ([\d,]+)\s*\|/gm)) {
    counts.set(match[1], Number(match[2].replace(/,/g, "")));
  }
  return counts;
}

/** Runs a converter's command line into a fresh folder and compares every file it writes. */
function expectDeterministic(dataset: string, outputs: string[]): void {
  const dir = mkdtempSync(join(tmpdir(), `maillage-${dataset}-`));
  temporary.push(dir);
  execFileSync(TSX, [join(ROOT, "datasets", dataset, "convert.ts"), dir], { cwd: ROOT, stdio: "pipe" });
  expect(readdirSync(dir).sort()).toEqual([...outputs].sort());
  for (const file of outputs) {
    const fresh = readFileSync(join(dir, file));
    const committed = readFileSync(join(ROOT, "datasets", dataset, file));
    expect(fresh.equals(committed), `${dataset}/${file} differs from a fresh conversion`).toBe(true);
  }
}

function expectContract(actors: Row[], links: Row[]): void {
  const ids = new Set(actors.map((a) => a.id));
  expect(ids.size).toBe(actors.length);
  for (const actor of actors) expect(parseActorKind(actor.kind), actor.kind).toBe(actor.kind);
  const missing = links.flatMap((l) => [l.source, l.target]).filter((id) => !ids.has(id));
  expect(missing).toEqual([]);
  const keys = new Set<string>();
  for (const link of links) {
    expect(parseLinkKind(link.kind), link.kind).toBe(link.kind);
    expect(link.source).not.toBe(link.target);
    expect(["directed", "undirected"]).toContain(link.direction);
    expect(Number(link.weight)).toBeGreaterThan(0);
    keys.add(
      linkKey({
        source: link.source,
        target: link.target,
        kind: link.kind as LinkKind,
        start: link.start || null,
      }),
    );
  }
  expect(keys.size, "link identity (source, target, kind, start) is unique").toBe(links.length);
}

describe("datasets/florentine", () => {
  const dir = join(ROOT, "datasets", "florentine");
  const read = (file: string) => table(join(dir, file));
  const actors = read("actors.csv");
  const links = read("links.csv");
  const attributes = read("attributes.csv");
  const rawRows = (file: string) => read(join("raw", file)).length;

  it("converts deterministically", () => {
    expectDeterministic("florentine", ["actors.csv", "attributes.csv", "links.csv", "summary.json"]);
  });

  it("keeps the actors and links contract", () => {
    expectContract(actors, links);
    expect(new Set(actors.map((a) => a.kind))).toEqual(new Set(["unspecified"]));
    expect(attributes.map((a) => a.id)).toEqual(actors.map((a) => a.id));
    for (const link of links) {
      expect(link.direction).toBe("undirected");
      expect(link.source_ref).toBe(
        `florentine:florentine_${link.kind === "credit" ? "credit" : "marriage"}_edgelist.csv`,
      );
    }
    expect(linkCategory("credit")).toBe("market");
    expect(linkCategory("kinship")).toBe("non_market");
  });

  it("has the counts its README states", () => {
    const ofKind = (kind: string) => links.filter((l) => l.kind === kind);
    const families = (kind: string) => new Set(ofKind(kind).flatMap((l) => [l.source, l.target]));
    const degree = (kind: string, id: string, within?: Set<string>) =>
      ofKind(kind).filter(
        (l) =>
          (l.source === id || l.target === id) && (!within || (within.has(l.source) && within.has(l.target))),
      ).length;
    const sixteen = new Set(attributes.filter((a) => a.index116to16 === "1").map((a) => a.id));
    expect(sixteen.size).toBe(16);
    const inside = (kind: string) =>
      ofKind(kind).filter((l) => sixteen.has(l.source) && sixteen.has(l.target));
    const pairs = (kind: string) => new Set(ofKind(kind).map((l) => [l.source, l.target].sort().join("|")));
    const credit = pairs("credit");
    const touched = new Set(links.flatMap((l) => [l.source, l.target]));
    const computed: Record<string, number> = {
      actors: actors.length,
      "actors.isolated": actors.filter((a) => !touched.has(a.id)).length,
      attributes: attributes.length,
      "raw.credit.rows": rawRows("florentine_credit_edgelist.csv"),
      "raw.marriage.rows": rawRows("florentine_marriage_edgelist.csv"),
      "merged.credit": rawRows("florentine_credit_edgelist.csv") - ofKind("credit").length,
      "merged.kinship": rawRows("florentine_marriage_edgelist.csv") - ofKind("kinship").length,
      links: links.length,
      "links.credit": ofKind("credit").length,
      "links.kinship": ofKind("kinship").length,
      "pairs.both_kinds": [...pairs("kinship")].filter((p) => credit.has(p)).length,
      "families.credit": families("credit").size,
      "families.kinship": families("kinship").size,
      "degree.kinship.Medici": degree("kinship", "Medici"),
      "degree.credit.Medici": degree("credit", "Medici"),
      "subset16.kinship.links": inside("kinship").length,
      "subset16.kinship.degree.Medici": degree("kinship", "Medici", sixteen),
      "subset16.credit.links": inside("credit").length,
    };
    expect(Object.fromEntries(readmeCounts(readFileSync(join(dir, "README.md"), "utf8")))).toEqual(computed);
  });
});

describe("datasets/norway-h2020", () => {
  const dir = join(ROOT, "datasets", "norway-h2020");
  const read = (file: string) => table(join(dir, file));
  const actors = read("actors.csv");
  const links = read("links.csv");
  const organisations = read("organisations.csv");
  const projects = read("projects.csv");
  const quarantine = read("quarantine.csv");
  const summary = JSON.parse(readFileSync(join(dir, "summary.json"), "utf8")) as {
    read: number;
    converted: number;
    merged: number;
    set_aside: number;
    merged_rows: Array<{ line: number; kept_line: number; organisation: string; project: string }>;
  };
  const raw = lines(join(dir, "raw", "dataset.csv"), ";").map(({ line, row }) => ({
    line,
    row: Object.fromEntries(Object.entries(row).map(([name, value]) => [name, value.trim()])),
  }));

  it("converts deterministically", () => {
    expectDeterministic("norway-h2020", [
      "actors.csv",
      "links.csv",
      "organisations.csv",
      "projects.csv",
      "quarantine.csv",
      "summary.json",
    ]);
  });

  it("keeps the actors and links contract, organisations → projects", () => {
    expectContract(actors, links);
    const kindOf = new Map(actors.map((a) => [a.id, a.kind]));
    for (const link of links) {
      expect(link.kind).toBe("membership");
      expect(link.direction).toBe("directed");
      expect(link.weight).toBe("1");
      expect(link.source_ref).toBe("norway-h2020:participation");
      expect(kindOf.get(link.source)).not.toBe("network_org");
      expect(kindOf.get(link.target)).toBe("network_org");
      expect(link.target.startsWith(PROJECT_PREFIX)).toBe(true);
      for (const date of [link.start, link.end]) if (date) expect(date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      if (link.start && link.end) expect(link.start <= link.end).toBe(true);
    }
    for (const actor of actors) if (actor.kind === "network_org") expect(actor.subtype).toBe("");
    expect(organisations.map((o) => o.id)).toEqual(
      actors.filter((a) => a.kind !== "network_org").map((a) => a.id),
    );
    expect(projects.map((p) => p.id)).toEqual(
      actors.filter((a) => a.kind === "network_org").map((a) => a.id),
    );
    for (const o of organisations) expect(o.kind).toBe(kindOf.get(o.id));
  });

  it("accounts for every raw row: read = converted + merged + set aside", () => {
    expect(raw.length).toBe(summary.read);
    expect(summary.converted + summary.merged + summary.set_aside).toBe(summary.read);
    expect(links.length).toBe(summary.converted);
    expect(quarantine.length).toBe(summary.set_aside);
    const byLine = new Map(raw.map(({ line, row }) => [line, row]));
    for (const q of quarantine) {
      const row = byLine.get(Number(q.line));
      expect(row, `quarantined line ${q.line}`).toBeDefined();
      expect(row?.[q.field]).toBe(q.value);
    }
    // Recount the merges from the raw rows: valid rows minus distinct (organisation, project) pairs.
    const set = new Set(quarantine.map((q) => Number(q.line)));
    const kept = raw.filter(({ line }) => !set.has(line));
    const pairs = new Set(kept.map(({ row }) => `${row.Organisasjonsnummer}|${row.Prosjektnr}`));
    expect(kept.length - pairs.size).toBe(summary.merged);
    expect(summary.merged_rows.length).toBe(summary.merged);
    for (const merged of summary.merged_rows) {
      const [a, b] = [byLine.get(merged.line), byLine.get(merged.kept_line)];
      expect(a?.Organisasjonsnummer).toBe(merged.organisation);
      expect(b?.Organisasjonsnummer).toBe(merged.organisation);
      expect(a?.Prosjektnr).toBe(merged.project);
      expect(b?.Prosjektnr).toBe(merged.project);
    }
  });

  it("finds no conflicting repeats of organisation or project fields in the raw rows", () => {
    const conflicts = (key: string, fields: string[]) => {
      const first = new Map<string, string>();
      const bad: string[] = [];
      for (const { line, row } of raw) {
        if (!row[key]) continue;
        const value = JSON.stringify(fields.map((f) => row[f]));
        const seen = first.get(row[key]);
        if (seen === undefined) first.set(row[key], value);
        else if (seen !== value) bad.push(`line ${line}: ${row[key]}`);
      }
      return bad;
    };
    const orgFields = [
      "Organisasjonsnavn",
      "Kortnavn",
      "FoU sektorkode",
      "FoU kategori",
      "Adresse kommunenummer",
    ];
    const projectFields = [
      "Prosjektkortnavn",
      "Prosjektnavn",
      "Kontrakt startdato",
      "Kontrakt sluttdato",
      "Kontraktstatus",
    ];
    expect(conflicts("Organisasjonsnummer", orgFields)).toEqual([]);
    expect(conflicts("Prosjektnr", projectFields)).toEqual([]);
  });

  it("has the counts its README states", () => {
    const kinds = (kind: string) => actors.filter((a) => a.kind === kind).length;
    const members = new Map<string, number>();
    for (const link of links) members.set(link.target, (members.get(link.target) ?? 0) + 1);
    const converted = new Set(projects.map((p) => p.project_number));
    const rawProjects = new Set(raw.map(({ row }) => row.Prosjektnr));
    const computed: Record<string, number> = {
      "rows.read": raw.length,
      "rows.converted": links.length,
      "rows.merged": summary.merged,
      "rows.set_aside": quarantine.length,
      "rows.converted_without_dates": links.filter((l) => !l.start && !l.end).length,
      actors: actors.length,
      "actors.firm": kinds("firm"),
      "actors.research": kinds("research"),
      "actors.public_body": kinds("public_body"),
      "actors.unspecified": kinds("unspecified"),
      "actors.network_org": kinds("network_org"),
      organisations: organisations.length,
      projects: projects.length,
      "projects.only_in_set_aside_rows": [...rawProjects].filter((p) => !converted.has(p)).length,
      "projects.one_norwegian_participant": [...members.values()].filter((n) => n === 1).length,
      links: links.length,
      "links.membership": links.filter((l) => l.kind === "membership").length,
    };
    expect(actors.length).toBe(organisations.length + projects.length);
    expect(Object.fromEntries(readmeCounts(readFileSync(join(dir, "README.md"), "utf8")))).toEqual(computed);
  });
});
