/**
 * The import log: one row per import, so `maillage info` can say what went into the store and how
 * much of it was kept. `read`, `accepted`, `quarantined` count input rows (read = accepted +
 * quarantined); `inserted`, `updated`, `unchanged` count rows of the store's tables. The time is kept
 * for people only: the log is ordered by `id`, and no result depends on `at`.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { LIST, listValue, VARCHAR } from "@duckdb/node-api";
import { all, exec } from "./sql.ts";

export type ImportKind = "network" | "establishments" | (string & {});

export interface ImportLogInput {
  kind: ImportKind;
  files: readonly string[];
  read: number;
  accepted: number;
  quarantined: number;
  inserted: number;
  updated: number;
  unchanged: number;
  /** Counts by table or layout details; stored as JSON text. */
  details?: unknown;
}

export interface ImportLogEntry extends Omit<ImportLogInput, "details" | "files"> {
  id: number;
  /** UTC time of the import, ISO 8601 (metadata only). */
  at: string;
  files: string[];
  details: unknown;
}

/** Append one entry; its id is one more than the last (ids do not depend on the clock). */
export async function appendImportLog(connection: DuckDBConnection, entry: ImportLogInput): Promise<number> {
  const [{ id }] = await all<{ id: number }>(
    connection,
    "SELECT coalesce(max(id), 0) + 1 AS id FROM import_log",
  );
  await exec(
    connection,
    `INSERT INTO import_log (id, "at", kind, files, read, accepted, quarantined, inserted, updated, unchanged, details)
     VALUES ($id, CAST($at AS TIMESTAMP), $kind, $files, $read, $accepted, $quarantined, $inserted, $updated, $unchanged, $details)`,
    {
      id,
      at: new Date().toISOString().replace("T", " ").replace("Z", ""),
      kind: entry.kind,
      files: listValue([...entry.files]),
      read: entry.read,
      accepted: entry.accepted,
      quarantined: entry.quarantined,
      inserted: entry.inserted,
      updated: entry.updated,
      unchanged: entry.unchanged,
      details: entry.details === undefined ? null : JSON.stringify(entry.details),
    },
    { files: LIST(VARCHAR), details: VARCHAR },
  );
  return id;
}

/** The last `limit` imports, newest first. */
export async function lastImports(connection: DuckDBConnection, limit = 10): Promise<ImportLogEntry[]> {
  const rows = await all<Omit<ImportLogEntry, "details"> & { details: string | null }>(
    connection,
    `SELECT id, strftime("at", '%Y-%m-%dT%H:%M:%S.%gZ') AS at, kind, files, read, accepted, quarantined,
            inserted, updated, unchanged, details
     FROM import_log ORDER BY id DESC LIMIT $limit`,
    { limit },
  );
  return rows.map((r) => ({
    ...r,
    files: [...r.files],
    details: r.details === null ? null : JSON.parse(r.details),
  }));
}
