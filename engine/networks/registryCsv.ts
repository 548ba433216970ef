/**
 * A registry file as rows of fields: the CSV read by `parseCsv` (any usual delimiter, UTF-8 with or
 * without BOM, Latin-1 / Windows-1252), its header mapped by `mapColumns` (a missing required column is
 * an `InputError` naming the file), every record turned into its cells by field with its physical line.
 * Rows the CSV reader could not split are already quarantine rows.
 */
import { mapColumns } from "../io/columns.ts";
import type { CsvTable } from "../io/csvRead.ts";
import type { QuarantineRow } from "../io/quarantine.ts";
import type { RowCells } from "../io/records.ts";

export interface FieldRow<F extends string> {
  /** 1-based physical line of the row (the header is line 1). */
  line: number;
  cells: RowCells<F>;
}

export interface FieldTable<F extends string> {
  file: string;
  rows: FieldRow<F>[];
  /** Rows with the wrong number of fields, an over-long field or an unterminated quote. */
  bad: QuarantineRow[];
  /** Headers that map to no field (listed in the summary, not read). */
  ignored: string[];
}

/** Map a table's columns to fields and give each record its cells by field (absent columns: undefined). */
export function fieldTable<F extends string>(
  table: CsvTable,
  names: Readonly<Record<F, readonly string[]>>,
  required: readonly F[],
  overrides: Readonly<Record<string, string>> = {},
): FieldTable<F> {
  const mapping = mapColumns(table.file, table.header, names, required, overrides);
  const found = Object.keys(mapping.index) as F[];
  const rows = table.records.map((r) => {
    const cells: RowCells<F> = {};
    for (const f of found) cells[f] = r.cells[mapping.index[f] as number];
    return { line: r.line, cells };
  });
  return { file: table.file, rows, bad: [...table.bad], ignored: mapping.ignored };
}

/** Whether a cell holds something (absent, null and blank all read as "not given"). */
export const given = (v: string | null | undefined): v is string =>
  v !== undefined && v !== null && v.trim() !== "";

/** The trimmed text of a cell, null when not given. */
export const textOf = (v: string | null | undefined): string | null => (given(v) ? v.trim() : null);
