/**
 * The report's tables as files: CSV (raw values, full precision, an undefined measure as an empty
 * cell) and Parquet through DuckDB with typed columns (text stays text, so commune codes keep their
 * leading zeros). Column names and order are those of the report's tables (`Column.key`).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { type Cell, csvTable } from "../io/csvFormat.ts";
import type { Column } from "./table.ts";

export interface TableFile<R> {
  /** File name without extension (`candidates` → `candidates.csv`, `candidates.parquet`). */
  name: string;
  columns: readonly Column<R>[];
  rows: readonly R[];
}

const keyOf = <R>(c: Column<R>) => c.key ?? c.label;

/** A CSV text of the rows, columns in order, raw values. */
export function tableCsv<R>(columns: readonly Column<R>[], rows: readonly R[]): string {
  const keys = columns.map(keyOf);
  return csvTable(
    keys,
    rows.map((row) => {
      const record: Record<string, Cell> = {};
      columns.forEach((c, i) => {
        const v = c.value(row);
        record[keys[i]] = typeof v === "number" && !Number.isFinite(v) ? null : v;
      });
      return record;
    }),
  );
}

const sqlString = (s: string) => `'${s.replace(/'/g, "''")}'`;
const duckType = <R>(c: Column<R>) =>
  c.format === "integer" || c.format === "year"
    ? "BIGINT"
    : c.format && c.format !== "text"
      ? "DOUBLE"
      : "VARCHAR";

/**
 * Write each table as `<name>.csv` (and `<name>.parquet` when `parquet` is true) into `directory`;
 * returns the paths written, in order.
 */
export async function writeTables(
  directory: string,
  // biome-ignore lint/suspicious/noExplicitAny: tables of different row types are written together.
  tables: readonly TableFile<any>[],
  options: { parquet?: boolean } = {},
): Promise<string[]> {
  mkdirSync(directory, { recursive: true });
  const written: string[] = [];
  for (const t of tables) {
    const path = join(directory, `${t.name}.csv`);
    writeFileSync(path, tableCsv(t.columns, t.rows), "utf8");
    written.push(path);
  }
  if (!options.parquet) return written;
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  try {
    for (const t of tables) {
      const csv = join(directory, `${t.name}.csv`);
      const out = join(directory, `${t.name}.parquet`);
      const columns = `{${t.columns.map((c: Column<unknown>) => `${sqlString(keyOf(c))}: ${sqlString(duckType(c))}`).join(", ")}}`;
      await connection.run(
        `COPY (SELECT * FROM read_csv(${sqlString(csv)}, header = true, delim = ',', quote = '"', escape = '"', columns = ${columns}))
         TO ${sqlString(out)} (FORMAT parquet)`,
      );
      written.push(out);
    }
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
  return written;
}
