/**
 * Merging a staged table into its target by key, in three set-based statements: count, update the
 * rows whose values changed, insert the new ones. Rows whose values are all equal are left untouched,
 * so re-importing the same data changes nothing and reports every row as unchanged. Keys are matched
 * with `IS NOT DISTINCT FROM`, so a NULL key part (an establishment without size class) matches NULL.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { exec, one, sqlIdentifier } from "./sql.ts";

export interface UpsertCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

export interface UpsertSpec {
  /** Target table. */
  table: string;
  /** Temporary table with the same columns. */
  stage: string;
  /** Columns that identify a row. */
  keys: readonly string[];
  /** The other columns: compared, and copied when they differ. */
  values: readonly string[];
}

export const sumCounts = (a: UpsertCounts, b: UpsertCounts): UpsertCounts => ({
  inserted: a.inserted + b.inserted,
  updated: a.updated + b.updated,
  unchanged: a.unchanged + b.unchanged,
});

/** Merge `stage` into `table`. The stage must hold each key once (the caller checks). */
export async function upsertFromStage(connection: DuckDBConnection, spec: UpsertSpec): Promise<UpsertCounts> {
  const t = sqlIdentifier(spec.table);
  const s = `temp.main.${sqlIdentifier(spec.stage)}`;
  const q = spec.keys.map(sqlIdentifier);
  const v = spec.values.map(sqlIdentifier);
  const match = q.map((k) => `t.${k} IS NOT DISTINCT FROM s.${k}`).join(" AND ");
  const differs = v.length === 0 ? "false" : v.map((c) => `t.${c} IS DISTINCT FROM s.${c}`).join(" OR ");

  const counts = await one<UpsertCounts>(
    connection,
    `SELECT count(*) FILTER (WHERE t.found IS NULL) AS inserted,
            count(*) FILTER (WHERE t.found AND (${differs})) AS updated,
            count(*) FILTER (WHERE t.found AND NOT (${differs})) AS unchanged
     FROM ${s} s LEFT JOIN (SELECT *, true AS found FROM ${t}) t ON ${match}`,
  );
  if (counts.updated > 0) {
    await exec(
      connection,
      `UPDATE ${t} AS t SET ${v.map((c) => `${c} = s.${c}`).join(", ")}
       FROM ${s} s WHERE ${match} AND (${differs})`,
    );
  }
  if (counts.inserted > 0) {
    const columns = [...q, ...v].join(", ");
    // When no staged key is in the table (a first import), every row is new: no anti-join needed.
    const onlyNew = counts.updated + counts.unchanged === 0;
    await exec(
      connection,
      `INSERT INTO ${t} (${columns}) SELECT ${columns} FROM ${s} s
       ${onlyNew ? "" : `WHERE NOT EXISTS (SELECT 1 FROM ${t} t WHERE ${match})`}`,
    );
  }
  return counts;
}
