/** Actors and links from delimited text files: the CSV reader plus the column mapping. */

import type { RowSource } from "./assemble.ts";
import {
  ACTOR_HEADER_NAMES,
  type ActorField,
  LINK_HEADER_NAMES,
  type LinkField,
  mapColumns,
} from "./columns.ts";
import { type CsvReadOptions, type CsvTable, readCsv } from "./csvRead.ts";
import type { RowCells } from "./records.ts";

export interface TableReadOptions extends CsvReadOptions {
  /** User mapping of header names to fields, applied before the built-in names. */
  columns?: Record<string, string>;
}

function rowSource<F extends string>(
  table: CsvTable,
  names: Readonly<Record<F, readonly string[]>>,
  required: readonly F[],
  overrides: Record<string, string> | undefined,
): RowSource<F> {
  const mapping = mapColumns(table.file, table.header, names, required, overrides);
  const entries = Object.entries(mapping.index) as Array<[F, number]>;
  function* rows() {
    for (const record of table.records) {
      const cells: RowCells<F> = {};
      for (const [field, i] of entries) cells[field] = record.cells[i];
      yield { line: record.line, cells };
    }
  }
  return {
    file: table.file,
    rows: rows(),
    unreadable: table.bad,
    ignoredColumns: mapping.ignored,
    size: table.records.length,
  };
}

export function csvActorSource(file: string, options: TableReadOptions = {}): RowSource<ActorField> {
  return rowSource(readCsv(file, options), ACTOR_HEADER_NAMES, ["id"], options.columns);
}

export function csvLinkSource(file: string, options: TableReadOptions = {}): RowSource<LinkField> {
  return rowSource(readCsv(file, options), LINK_HEADER_NAMES, ["source", "target"], options.columns);
}
