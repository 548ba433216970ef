/**
 * Counts that describe a store at a glance, for `maillage info`: actors by kind, links by category
 * and kind, the establishment table (rows, years, communes, secret cells) and the last imports.
 * Results are plain JSON-safe objects (numbers, never bigint); keys of the count maps are sorted
 * as `model/counts.ts` sorts them, so a store and an in-memory network print alike.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import type { NetworkCounts } from "../model/counts.ts";
import type { Store } from "./connection.ts";
import { type ImportLogEntry, lastImports } from "./importLog.ts";
import { schemaVersion } from "./migration.ts";
import { all, one } from "./sql.ts";

export interface EstablishmentCounts {
  /** Rows of the long table (commune × NAF × year [× size class]). */
  rows: number;
  /** Years present, ascending. */
  years: number[];
  communes: number;
  /** Distinct NAF sub-classes. */
  activities: number;
  latestYear: number | null;
  /** Sums over the latest year's cells (a blank cell counts as 0; 0 when the table is empty). */
  latestEstablishments: number;
  latestJobs: number;
  /** Rows with establishments published and jobs blank (statistical secrecy). */
  secretCells: number;
}

export interface StoreSummary {
  schemaVersion: number;
  network: NetworkCounts;
  establishments: EstablishmentCounts;
  /** The last imports, newest first. */
  imports: ImportLogEntry[];
}

async function countsBy(c: DuckDBConnection, table: string, column: string): Promise<Record<string, number>> {
  const rows = await all<{ key: string; n: number }>(
    c,
    `SELECT ${column} AS key, count(*) AS n FROM ${table} GROUP BY ${column}`,
  );
  rows.sort((a, b) => a.key.localeCompare(b.key));
  return Object.fromEntries(rows.map((r) => [r.key, r.n]));
}

/** Actors by kind, links by category and kind, as `networkCounts` gives them for a graph. */
export async function storeNetworkCounts(store: Store): Promise<NetworkCounts> {
  const c = store.connection;
  const totals = await one<{ actors: number; links: number; directed: number }>(
    c,
    `SELECT (SELECT count(*) FROM actors) AS actors, (SELECT count(*) FROM links) AS links,
            (SELECT count(*) FROM links WHERE directed) AS directed`,
  );
  return {
    actors: totals.actors,
    links: totals.links,
    actorsByKind: await countsBy(c, "actors", "kind"),
    linksByCategory: await countsBy(c, "links", "category"),
    linksByKind: await countsBy(c, "links", "kind"),
    directedLinks: totals.directed,
  };
}

export async function establishmentCounts(store: Store): Promise<EstablishmentCounts> {
  const c = store.connection;
  const totals = await one<Omit<EstablishmentCounts, "years" | "latestEstablishments" | "latestJobs">>(
    c,
    `SELECT count(*) AS rows, count(DISTINCT commune) AS communes, count(DISTINCT naf) AS activities,
            max(year) AS "latestYear",
            count(*) FILTER (WHERE establishments IS NOT NULL AND jobs IS NULL) AS "secretCells"
     FROM establishments`,
  );
  const years = (
    await all<{ year: number }>(c, "SELECT DISTINCT year FROM establishments ORDER BY year")
  ).map((r) => r.year);
  const latest = await one<{ e: number; j: number }>(
    c,
    "SELECT coalesce(sum(establishments), 0) AS e, coalesce(sum(jobs), 0) AS j FROM establishments WHERE year = (SELECT max(year) FROM establishments)",
  );
  return {
    rows: totals.rows,
    years,
    communes: totals.communes,
    activities: totals.activities,
    latestYear: totals.latestYear,
    latestEstablishments: latest.e,
    latestJobs: latest.j,
    secretCells: totals.secretCells,
  };
}

/** Everything `maillage info` shows about a store. */
export async function storeSummary(store: Store, options: { imports?: number } = {}): Promise<StoreSummary> {
  return {
    schemaVersion: await schemaVersion(store.connection),
    network: await storeNetworkCounts(store),
    establishments: await establishmentCounts(store),
    imports: await lastImports(store.connection, options.imports ?? 10),
  };
}
