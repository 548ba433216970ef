/**
 * CSV for the generator, through the engine's reader and writer (engine/io). The inputs are known
 * files handed over as text (the generator itself touches no file system): the URSSAF table (`;`,
 * UTF-8 BOM, CRLF, quoted fields containing `;`) and the plain geo files.
 */
import { type Cell, csvTable } from "../../../engine/io/csvFormat.ts";
import { parseCsv } from "../../../engine/io/csvRead.ts";

/** Header and rows of a known delimited text; a row the reader cannot split is an error. */
export function readTable(
  text: string,
  file: string,
  delimiter = ",",
): { header: string[]; rows: string[][] } {
  const table = parseCsv(new TextEncoder().encode(text), file, { delimiter, encoding: "utf-8" });
  const [bad] = table.bad;
  if (bad) throw new Error(`${file}, line ${bad.line}: ${bad.reason}`);
  return { header: table.header, rows: table.records.map((record) => record.cells) };
}

/** Rows as records keyed by the header's names. */
export function parseRecords(text: string, file: string, delimiter = ","): Array<Record<string, string>> {
  const { header, rows } = readTable(text, file, delimiter);
  return rows.map((cells) => Object.fromEntries(header.map((name, j) => [name, cells[j]])));
}

/**
 * The engine's `csvTable`, typed by the columns: the rows are interfaces (`ActorRow`, `LinkRow`…),
 * which `csvTable`'s `Record<string, Cell>` does not take as they are; here each row must have every
 * column.
 */
export function toCsv<K extends string>(columns: readonly K[], rows: ReadonlyArray<Record<K, Cell>>): string {
  return csvTable(columns, rows);
}
