/**
 * The per-level temporary tables every index query reads, built from the staged rows
 * (`${TMP}_rows`) with the blank-cell rule of DOMAIN §9: a blank counts as 0 in every sum, and a cell
 * keeps NULL for a measure none of its rows publishes (so it gets no index of its own).
 * - `cells`: year, commune, activity, jobs, est (NULL when nothing published), secret_rows (rows with
 *   establishments published and jobs blank), sme_est / sized_est (establishments in SME size classes
 *   / in rows with a size class);
 * - `area`: year, commune, e (jobs, blanks 0), n (establishments, blanks 0);
 * - `ref`: year, activity, ej, nj (the reference territory's activity totals) and `reftot`: year, e, n.
 * Sums are kept as BIGINT (DuckDB widens a sum of BIGINT to HUGEINT, slower in every later join and
 * expression; jobs and establishment counts are far below 2^63).
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { exec, sqlString } from "../store/sql.ts";
import { nafLevelSql } from "./nafLevelSql.ts";
import type { NafLevel } from "./types.ts";
import { TMP } from "./workTables.ts";

export interface LevelTables {
  cells: string;
  area: string;
  ref: string;
  reftot: string;
}

export function levelTableNames(level: NafLevel): LevelTables {
  return {
    cells: `${TMP}_${level}_cells`,
    area: `${TMP}_${level}_area`,
    ref: `${TMP}_${level}_ref`,
    reftot: `${TMP}_${level}_reftot`,
  };
}

/** Activity totals of one level: the rows a reference table contributes (or the zone's own). */
export interface ReferenceTotal {
  year: number;
  activity: string;
  ej: number;
  nj: number;
}

/** Build `cells` and `area` of a level from the staged rows. */
export async function buildCells(
  c: DuckDBConnection,
  level: NafLevel,
  smeClasses: readonly string[],
): Promise<LevelTables> {
  const t = levelTableNames(level);
  const sme = smeClasses.length ? smeClasses.map(sqlString).join(", ") : "NULL";
  await exec(
    c,
    `CREATE OR REPLACE TEMP TABLE ${t.cells} AS
     SELECT year, commune, ${nafLevelSql(level)} AS activity,
            sum(jobs)::BIGINT AS jobs, sum(establishments)::BIGINT AS est,
            count(*) FILTER (WHERE establishments IS NOT NULL AND jobs IS NULL) AS secret_rows,
            coalesce(sum(establishments) FILTER (WHERE size_class IN (${sme})), 0)::BIGINT AS sme_est,
            coalesce(sum(establishments) FILTER (WHERE size_class IS NOT NULL), 0)::BIGINT AS sized_est
     FROM ${TMP}_rows WHERE ${nafLevelSql(level)} IS NOT NULL
     GROUP BY ALL`,
  );
  await exec(
    c,
    `CREATE OR REPLACE TEMP TABLE ${t.area} AS
     SELECT year, commune, coalesce(sum(jobs), 0)::BIGINT AS e, coalesce(sum(est), 0)::BIGINT AS n
     FROM ${t.cells} GROUP BY ALL`,
  );
  return t;
}

/** Activity totals of the staged rows of a level (for the zone as reference, or read from a reference table). */
export function zoneTotalsSql(level: NafLevel): string {
  return `SELECT year, ${nafLevelSql(level)} AS activity, coalesce(sum(jobs), 0) AS ej,
                 coalesce(sum(establishments), 0) AS nj
          FROM ${TMP}_rows WHERE ${nafLevelSql(level)} IS NOT NULL GROUP BY ALL`;
}

/** Write `ref` and `reftot` from given activity totals (the zone's or an external reference's). */
export async function writeReference(
  c: DuckDBConnection,
  level: NafLevel,
  totals: readonly ReferenceTotal[] | null,
): Promise<void> {
  const t = levelTableNames(level);
  if (totals === null) {
    await exec(c, `CREATE OR REPLACE TEMP TABLE ${t.ref} AS ${zoneTotalsSql(level)}`);
  } else {
    await exec(
      c,
      `CREATE OR REPLACE TEMP TABLE ${t.ref} (year INTEGER, activity VARCHAR, ej DOUBLE, nj DOUBLE)`,
    );
    const appender = await c.createAppender(t.ref, "main", "temp");
    for (const r of totals) {
      appender.appendInteger(r.year);
      appender.appendVarchar(r.activity);
      appender.appendDouble(r.ej);
      appender.appendDouble(r.nj);
      appender.endRow();
    }
    appender.closeSync();
  }
  await exec(
    c,
    `CREATE OR REPLACE TEMP TABLE ${t.reftot} AS SELECT year, sum(ej) AS e, sum(nj) AS n FROM ${t.ref} GROUP BY year`,
  );
}
