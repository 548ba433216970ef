/**
 * Small helpers to run SQL and read rows as plain data. DuckDB returns 64-bit integers (`COUNT(*)`,
 * `SUM`, BIGINT columns) as JS `bigint`, which `JSON.stringify` refuses; every row read through
 * `all`/`one` has them converted to `number`, so results are plain JSON-safe records.
 */
import type { DuckDBConnection, DuckDBType, DuckDBValue } from "@duckdb/node-api";

export type SqlParams = Record<string, DuckDBValue> | DuckDBValue[];
/** Types of parameters that cannot be inferred (an empty list, a NULL). */
export type SqlTypes = Record<string, DuckDBType | undefined> | DuckDBType[];
/** A row as read by `all`: JS values (string, number, boolean, null; DATE as Date unless cast). */
export type Row = Record<string, unknown>;

/** `bigint` → `number`, refusing values a double cannot hold exactly. */
export function toNumber(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new RangeError(`integer ${value} is beyond the exact range of a JS number`);
  }
  return Number(value);
}

/** A JS value as the store hands it out: bigint → number. */
const plainValue = (v: unknown): unknown => (typeof v === "bigint" ? toNumber(v) : v);

/** Run one or more statements, ignoring their results. */
export async function exec(
  connection: DuckDBConnection,
  sql: string,
  params?: SqlParams,
  types?: SqlTypes,
): Promise<void> {
  await connection.run(sql, params, types);
}

/**
 * All rows of a query as objects keyed by column name, bigints converted to numbers. Rows are built
 * from the result's columns, several times faster than DuckDB's per-row objects on large results.
 */
export async function all<T = Row>(
  connection: DuckDBConnection,
  sql: string,
  params?: SqlParams,
  types?: SqlTypes,
): Promise<T[]> {
  const reader = await connection.runAndReadAll(sql, params, types);
  const names = reader.deduplicatedColumnNames();
  const columns = reader.getColumnsJS();
  const n = reader.currentRowCount;
  const rows: Row[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const row: Row = {};
    for (let j = 0; j < names.length; j++) row[names[j]] = plainValue(columns[j][i]);
    rows[i] = row;
  }
  return rows as T[];
}

/** The first row of a query; throws when there is none (use for aggregates). */
export async function one<T = Row>(
  connection: DuckDBConnection,
  sql: string,
  params?: SqlParams,
  types?: SqlTypes,
): Promise<T> {
  const rows = await all<T>(connection, sql, params, types);
  if (rows.length === 0) throw new Error(`query returned no row: ${sql.slice(0, 120)}`);
  return rows[0];
}

/** A SQL string literal (for places that take no parameter, such as a `read_csv` path). */
export const sqlString = (text: string): string => `'${text.replaceAll("'", "''")}'`;

/** A quoted SQL identifier. */
export const sqlIdentifier = (name: string): string => `"${name.replaceAll('"', '""')}"`;
