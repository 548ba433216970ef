/**
 * Converts Padgett's Florentine families (raw/, as published) into the maillage actors and links
 * files. Run from the repository root:
 *
 *   npx tsx datasets/florentine/convert.ts [OUT_DIR]
 *
 * OUT_DIR defaults to this folder; the tests write to a temporary folder and compare bytes, so the
 * output must depend on the raw files only (no clock, no locale, no hash order).
 *
 * Rules (README.md, "Conversion"):
 * - one actor per family of the attributes file (116, five of them tied to no one), kind
 *   `unspecified` because a family is neither a firm nor a person; Padgett's attributes go to
 *   attributes.csv, since the actors contract has no column for them;
 * - the raw edge lists are symmetric, each pair written in both orders: one undirected link per pair,
 *   oriented as the family listed first in the attributes file → the other;
 * - credit116 ties → kind `credit` (market), marriage116 ties → kind `kinship` (non-market), written
 *   `undirected` explicitly because `credit` is directed by default and the raw data cannot say who
 *   lent to whom.
 *
 * CSV is read and written with the engine's reader and writer (engine/io); the raw data is plain R
 * `write.csv` output.
 */
import { writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { ACTOR_FIELDS, type ActorField } from "../../engine/io/columns.ts";
import { csvTable } from "../../engine/io/csvFormat.ts";
import { type CsvRecord, readCsv } from "../../engine/io/csvRead.ts";
import type { LinkKind } from "../../engine/model/vocabulary.ts";
import { linkColumnsWithout } from "../columns.ts";

const HERE = fileURLToPath(new URL(".", import.meta.url));
const RAW = join(HERE, "raw");

export const RAW_FILES = {
  attributes: "florentine_attributes.csv",
  credit: "florentine_credit_edgelist.csv",
  marriage: "florentine_marriage_edgelist.csv",
} as const;

/** Padgett's attribute columns kept in attributes.csv, in raw order (see README for their meaning). */
export const ATTRIBUTE_COLUMNS = [
  "particip1",
  "particip2",
  "spoke",
  "party",
  "Gwealth",
  "Nwealth",
  "date",
  "status",
  "Npriors",
  "residence",
  "index116to16",
  "index116to87",
] as const;

/** Raw columns that carry no per-family data: two all-NA columns and Padgett's free-text notes. */
const DROPPED_COLUMNS = ["X", "X.1", "X..describe.116.."] as const;

/** The links file's columns: the contract's, without those the raw data cannot fill. */
export const LINK_COLUMNS = linkColumnsWithout("orientation", "formality", "frequency", "start", "end");

/** A raw file (UTF-8, `,`), every row with the header's number of fields. */
function readRaw(file: string): { header: string[]; rows: CsvRecord[] } {
  const table = readCsv(join(RAW, file), { delimiter: ",", encoding: "utf-8" });
  const [bad] = table.bad;
  if (bad) throw new Error(`${file}:${bad.line}: ${bad.reason}`);
  return { header: table.header, rows: table.records };
}

/** Counts reported by a conversion; the README's counts table states the same numbers. */
export interface FlorentineSummary {
  families: number;
  isolated_families: number;
  /**
   * Per kind: raw rows, links written, rows merged into an earlier row of the same pair, and pairs
   * the raw file lists in one order only (0 when the file is symmetric, as published).
   */
  links: Record<
    "credit" | "kinship",
    { rows_read: number; links: number; rows_merged: number; pairs_listed_once: number }
  >;
  /** Pairs tied both by credit and by marriage (two links, one per kind). */
  pairs_with_both_kinds: number;
}

/** Converts raw/ into OUT_DIR; returns what it counted. */
export function convert(outDir: string): FlorentineSummary {
  const attributes = readRaw(RAW_FILES.attributes);
  const col = (name: string) => {
    const index = attributes.header.indexOf(name);
    if (index < 0) throw new Error(`${RAW_FILES.attributes}: no column ${name}`);
    return index;
  };
  const familyCol = col("Family");
  for (const dropped of DROPPED_COLUMNS.slice(0, 2)) {
    const index = col(dropped);
    const filled = attributes.rows.find((row) => row.cells[index] !== "NA");
    if (filled) throw new Error(`${RAW_FILES.attributes}:${filled.line}: column ${dropped} is not all NA`);
  }
  col(DROPPED_COLUMNS[2]);

  const order = new Map<string, number>();
  const actorRows: Array<Partial<Record<ActorField, string>>> = [];
  const attributeRows: Array<Record<string, string>> = [];
  for (const row of attributes.rows) {
    const id = row.cells[familyCol];
    if (id === "" || order.has(id))
      throw new Error(`${RAW_FILES.attributes}:${row.line}: bad or repeated family`);
    order.set(id, order.size);
    // Underscores join particles in the raw names (Del_Benino); the id keeps them, the name reads well.
    actorRows.push({ id, name: id.replace(/_/g, " "), kind: "unspecified" });
    attributeRows.push({
      id,
      ...Object.fromEntries(
        ATTRIBUTE_COLUMNS.map((name) => [name, row.cells[col(name)] === "NA" ? "" : row.cells[col(name)]]),
      ),
    });
  }

  const linkRows: Array<Record<(typeof LINK_COLUMNS)[number], string>> = [];
  const pairsByKind = new Map<LinkKind, Set<string>>();
  const counts = {} as FlorentineSummary["links"];
  const touched = new Set<string>();
  for (const [kind, file] of [
    ["credit", RAW_FILES.credit],
    ["kinship", RAW_FILES.marriage],
  ] as const) {
    const raw = readRaw(file);
    if (raw.header.join(",") !== ",FamilyA,FamilyB") throw new Error(`${file}: unexpected header`);
    const seen = new Set<string>();
    const orders = new Map<string, Set<string>>();
    let merged = 0;
    for (const { line, cells } of raw.rows) {
      const [a, b] = [cells[1], cells[2]];
      const [ia, ib] = [order.get(a), order.get(b)];
      if (ia === undefined || ib === undefined)
        throw new Error(`${file}:${line}: family not in the attributes`);
      if (a === b) throw new Error(`${file}:${line}: self-tie`);
      const [source, target] = ia < ib ? [a, b] : [b, a];
      const pair = `${source}\u0000${target}`;
      const listed = orders.get(pair) ?? new Set<string>();
      orders.set(pair, listed.add(a));
      if (seen.has(pair)) {
        merged++;
        continue;
      }
      seen.add(pair);
      touched.add(source).add(target);
      linkRows.push({
        source,
        target,
        kind,
        weight: "1",
        direction: "undirected",
        source_ref: `florentine:${file}`,
      });
    }
    pairsByKind.set(kind, seen);
    const once = [...orders.values()].filter((listed) => listed.size === 1).length;
    counts[kind] = {
      rows_read: raw.rows.length,
      links: seen.size,
      rows_merged: merged,
      pairs_listed_once: once,
    };
  }
  const credit = pairsByKind.get("credit") ?? new Set<string>();
  const both = [...(pairsByKind.get("kinship") ?? [])].filter((pair) => credit.has(pair)).length;

  writeFileSync(join(outDir, "actors.csv"), csvTable(ACTOR_FIELDS, actorRows));
  writeFileSync(join(outDir, "attributes.csv"), csvTable(["id", ...ATTRIBUTE_COLUMNS], attributeRows));
  writeFileSync(join(outDir, "links.csv"), csvTable(LINK_COLUMNS, linkRows));
  const summary: FlorentineSummary = {
    families: order.size,
    isolated_families: order.size - touched.size,
    links: counts,
    pairs_with_both_kinds: both,
  };
  writeFileSync(join(outDir, "summary.json"), `${JSON.stringify(summary, null, 2)}\n`);
  return summary;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const summary = convert(resolve(process.argv[2] ?? HERE));
  process.stderr.write(`${JSON.stringify(summary, null, 2)}\n`);
}
