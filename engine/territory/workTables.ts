/**
 * The DuckDB side of the diagnostic: one connection holding the rows of the diagnostic and base years
 * (commune codes mapped to one vintage) as temporary tables the index queries read. A store is read in
 * place (temporary tables work on a read-only store too); in-memory rows go to a private in-memory
 * database. Everything created is dropped by `close`.
 */
import { type DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";
import type { EstablishmentRow } from "../store/loadEstablishments.ts";
import { all, exec } from "../store/sql.ts";
import type { EstablishmentSource } from "./types.ts";

/** Prefix of every temporary table, so nothing collides with the store's own. */
export const TMP = "maillage_territory";

export interface WorkTables {
  connection: DuckDBConnection;
  /** Name of the table holding the source rows (`establishments` of a store, or a copy of the rows). */
  source: string;
  close(): Promise<void>;
}

const isRows = (s: EstablishmentSource): s is readonly EstablishmentRow[] => Array.isArray(s);

/** Open the work tables on a source; `suffix` keeps a reference table apart from the zone's. */
export async function openWork(source: EstablishmentSource, suffix = "zone"): Promise<WorkTables> {
  const created: string[] = [];
  let instance: DuckDBInstance | null = null;
  let connection: DuckDBConnection;
  let table = "establishments";
  if (isRows(source)) {
    instance = await DuckDBInstance.create(":memory:");
    connection = await instance.connect();
    table = `${TMP}_${suffix}_input`;
    await exec(
      connection,
      `CREATE TEMP TABLE ${table} (commune VARCHAR, naf VARCHAR, year INTEGER, establishments BIGINT, jobs BIGINT, size_class VARCHAR)`,
    );
    created.push(table);
    const appender = await connection.createAppender(table, "main", "temp");
    for (const r of source) {
      appender.appendVarchar(r.commune);
      appender.appendVarchar(r.naf);
      appender.appendInteger(r.year);
      if (r.establishments === null) appender.appendNull();
      else appender.appendBigInt(BigInt(r.establishments));
      if (r.jobs === null) appender.appendNull();
      else appender.appendBigInt(BigInt(r.jobs));
      if (r.size_class === null) appender.appendNull();
      else appender.appendVarchar(r.size_class);
      appender.endRow();
    }
    appender.closeSync();
  } else connection = source.connection;
  return {
    connection,
    source: table,
    async close() {
      // Only the zone's work tables own the temporary tables; a reference read on the same store
      // connection must not drop them.
      const temps =
        suffix !== "zone"
          ? []
          : await all<{ name: string }>(
              connection,
              `SELECT table_name AS name FROM duckdb_tables() WHERE temporary AND table_name LIKE '${TMP}%'`,
            );
      for (const t of temps) await exec(connection, `DROP TABLE IF EXISTS temp.main.${t.name}`);
      if (instance) {
        connection.closeSync();
        instance.closeSync();
      }
    },
  };
}

/** Rows per commune code (all years) and the years present. */
export async function surveySource(
  work: WorkTables,
): Promise<{ rowsByCode: Map<string, number>; years: number[] }> {
  const codes = await all<{ commune: string; n: number }>(
    work.connection,
    `SELECT commune, count(*) AS n FROM ${work.source} GROUP BY commune`,
  );
  const years = await all<{ year: number }>(
    work.connection,
    `SELECT DISTINCT year FROM ${work.source} ORDER BY year`,
  );
  return { rowsByCode: new Map(codes.map((c) => [c.commune, c.n])), years: years.map((y) => y.year) };
}

/**
 * `${TMP}_rows`: the rows of the given years, commune codes mapped (`map`: code → new code, or null
 * for an unknown code whose rows are left out; codes absent from `map` stay).
 */
export async function stageRows(
  work: WorkTables,
  years: readonly number[],
  map: ReadonlyMap<string, string | null>,
): Promise<void> {
  const c = work.connection;
  await exec(c, `CREATE OR REPLACE TEMP TABLE ${TMP}_map (code VARCHAR, to_code VARCHAR)`);
  if (map.size > 0) {
    const appender = await c.createAppender(`${TMP}_map`, "main", "temp");
    for (const [code, to] of map) {
      appender.appendVarchar(code);
      if (to === null) appender.appendNull();
      else appender.appendVarchar(to);
      appender.endRow();
    }
    appender.closeSync();
  }
  await exec(
    c,
    `CREATE OR REPLACE TEMP TABLE ${TMP}_rows AS
     SELECT coalesce(m.to_code, r.commune) AS commune, r.naf, r.year,
            r.establishments::BIGINT AS establishments, r.jobs::BIGINT AS jobs, r.size_class
     FROM ${work.source} r LEFT JOIN temp.main.${TMP}_map m ON r.commune = m.code
     WHERE r.year IN (${years.map((y) => Number(y)).join(", ")})
       AND NOT (m.code IS NOT NULL AND m.to_code IS NULL)`,
  );
}
