/**
 * Staging: records are first appended to a temporary table shaped like the target (DuckDB's Appender,
 * far faster than row-by-row INSERTs), then merged into the target in set-based SQL (`upsert.ts`).
 * The temporary tables live inside the import's transaction: a rollback discards them with the rest.
 */
import type { DuckDBAppender, DuckDBConnection } from "@duckdb/node-api";
import { dateValue } from "@duckdb/node-api";
import type { Actor, Link } from "../model/types.ts";
import { linkKey } from "../model/types.ts";
import { exec, sqlIdentifier } from "./sql.ts";

/** Create (or empty) a temporary table with the columns and types of `table`, without its constraints. */
export async function createStage(connection: DuckDBConnection, stage: string, table: string): Promise<void> {
  await exec(
    connection,
    `CREATE OR REPLACE TEMP TABLE ${sqlIdentifier(stage)} AS SELECT * FROM ${sqlIdentifier(table)} LIMIT 0`,
  );
}

export async function dropStage(connection: DuckDBConnection, stage: string): Promise<void> {
  await exec(connection, `DROP TABLE IF EXISTS temp.main.${sqlIdentifier(stage)}`);
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of an ISO date, refusing anything that is not a real `YYYY-MM-DD` date. */
export function isoDateDays(iso: string): number {
  const m = ISO_DATE.exec(iso);
  if (!m) throw new Error(`"${iso}" is not an ISO date YYYY-MM-DD`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) {
    throw new Error(`"${iso}" is not a calendar date`);
  }
  return Math.round(ms / DAY_MS);
}

function varcharOrNull(a: DuckDBAppender, v: string | null): void {
  if (v === null) a.appendNull();
  else a.appendVarchar(v);
}

function integerOrNull(a: DuckDBAppender, v: number | null): void {
  if (v === null) a.appendNull();
  else a.appendInteger(v);
}

function doubleOrNull(a: DuckDBAppender, v: number | null): void {
  if (v === null) a.appendNull();
  else a.appendDouble(v);
}

/** Appends dates, converting each distinct date text once (links share few dates). */
function dateAppender(): (a: DuckDBAppender, v: string | null) => void {
  const days = new Map<string, number>();
  return (a, v) => {
    if (v === null) return a.appendNull();
    let d = days.get(v);
    if (d === undefined) {
      d = isoDateDays(v);
      days.set(v, d);
    }
    a.appendDate(dateValue(d));
  };
}

/**
 * Append rows with `appendRow`, then flush. Records must have passed `checkNetwork` first, so no
 * row fails half-way; should one fail anyway, the appender's pending rows are discarded.
 */
export async function appendAll<T>(
  connection: DuckDBConnection,
  stage: string,
  records: readonly T[],
  appendRow: (a: DuckDBAppender, record: T) => void,
): Promise<void> {
  const a = await connection.createAppender(stage, null, "temp");
  try {
    for (const r of records) {
      appendRow(a, r);
      a.endRow();
    }
    a.flushSync();
  } catch (error) {
    a.clear();
    throw error;
  } finally {
    a.closeSync();
  }
}

/** Append actors to a stage created from `actors` (column order of migration 1). */
export function appendActors(
  connection: DuckDBConnection,
  stage: string,
  actors: readonly Actor[],
): Promise<void> {
  return appendAll(connection, stage, actors, (a, actor) => {
    a.appendVarchar(actor.id);
    varcharOrNull(a, actor.name);
    a.appendVarchar(actor.kind);
    varcharOrNull(a, actor.subtype);
    varcharOrNull(a, actor.naf);
    varcharOrNull(a, actor.commune);
    integerOrNull(a, actor.headcount);
    varcharOrNull(a, actor.size_class);
    integerOrNull(a, actor.founded);
    varcharOrNull(a, actor.public_label);
  });
}

/**
 * Append links to a stage created from `links`, each with its identity first: `keys[i]` when given
 * (as computed by `checkNetwork`), else `linkKey(link)`.
 */
export function appendLinks(
  connection: DuckDBConnection,
  stage: string,
  links: readonly Link[],
  keys?: readonly string[],
): Promise<void> {
  const dateOrNull = dateAppender();
  let i = 0;
  return appendAll(connection, stage, links, (a, link) => {
    a.appendVarchar(keys ? keys[i++] : linkKey(link));
    a.appendVarchar(link.source);
    a.appendVarchar(link.target);
    a.appendVarchar(link.kind);
    a.appendVarchar(link.category);
    varcharOrNull(a, link.orientation);
    varcharOrNull(a, link.formality);
    a.appendDouble(link.weight);
    doubleOrNull(a, link.frequency);
    dateOrNull(a, link.start);
    dateOrNull(a, link.end);
    a.appendBoolean(link.directed);
    varcharOrNull(a, link.source_ref);
  });
}
