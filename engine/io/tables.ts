/**
 * The network as two tables, `actors` and `links`, in CSV or Parquet. Columns are the input contract's
 * (so an export can be imported again as it is) plus the derived `size_class` and `category`.
 * Parquet goes through DuckDB, with typed columns.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { actorsOf, linksOf, type NetworkGraph } from "../model/graph.ts";
import { ACTOR_RECORD_FIELDS, LINK_RECORD_FIELDS, type Link } from "../model/types.ts";
import type { RowSource } from "./assemble.ts";
import {
  ACTOR_HEADER_NAMES,
  type ActorField,
  LINK_HEADER_NAMES,
  type LinkField,
  mapColumns,
} from "./columns.ts";
import { type Cell, csvTable } from "./csvFormat.ts";
import { InputError } from "./errors.ts";
import type { RowCells } from "./records.ts";

/** DuckDB types of the typed columns; every other column is VARCHAR. */
const COLUMN_TYPES: Readonly<Record<string, string>> = {
  headcount: "INTEGER",
  founded: "INTEGER",
  weight: "DOUBLE",
  frequency: "DOUBLE",
  start: "DATE",
  end: "DATE",
};
const typed = (columns: readonly string[]) => columns.map((c) => [c, COLUMN_TYPES[c] ?? "VARCHAR"] as const);

/** Columns of the exported tables: the record fields, with the link's `directed` written as the input's `direction`. */
export const ACTOR_COLUMNS = typed(ACTOR_RECORD_FIELDS);
export const LINK_COLUMNS = typed(LINK_RECORD_FIELDS.map((f) => (f === "directed" ? "direction" : f)));

const linkRecord = (link: Link): Record<string, Cell> => ({
  ...link,
  direction: link.directed ? "directed" : "undirected",
});

export function actorsCsv(graph: NetworkGraph): string {
  return csvTable(ACTOR_RECORD_FIELDS, actorsOf(graph));
}

export function linksCsv(graph: NetworkGraph): string {
  return csvTable(
    LINK_COLUMNS.map(([c]) => c),
    linksOf(graph).map(linkRecord),
  );
}

const sqlString = (s: string) => `'${s.replace(/'/g, "''")}'`;
const columnsStruct = (columns: ReadonlyArray<readonly [string, string]>) =>
  `{${columns.map(([c, t]) => `${sqlString(c)}: ${sqlString(t)}`).join(", ")}}`;

/** Write `actors.<ext>` and `links.<ext>` into a directory; returns the paths written. */
export async function writeNetworkTables(
  graph: NetworkGraph,
  directory: string,
  format: "csv" | "parquet",
): Promise<string[]> {
  mkdirSync(directory, { recursive: true });
  const actorsPath = join(directory, `actors.${format}`);
  const linksPath = join(directory, `links.${format}`);
  if (format === "csv") {
    writeFileSync(actorsPath, actorsCsv(graph), "utf8");
    writeFileSync(linksPath, linksCsv(graph), "utf8");
    return [actorsPath, linksPath];
  }
  const scratch = mkdtempSync(join(tmpdir(), "maillage-parquet-"));
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  try {
    for (const [name, csv, columns, out] of [
      ["actors", actorsCsv(graph), ACTOR_COLUMNS, actorsPath],
      ["links", linksCsv(graph), LINK_COLUMNS, linksPath],
    ] as const) {
      const tmp = join(scratch, `${name}.csv`);
      writeFileSync(tmp, csv, "utf8");
      await connection.run(
        `COPY (SELECT * FROM read_csv(${sqlString(tmp)}, header = true, delim = ',', quote = '"', escape = '"', columns = ${columnsStruct(columns)}))
         TO ${sqlString(out)} (FORMAT parquet)`,
      );
    }
  } finally {
    connection.closeSync();
    instance.closeSync();
    rmSync(scratch, { recursive: true, force: true });
  }
  return [actorsPath, linksPath];
}

/** Rows of a Parquet file as text cells, mapped to fields by column name. */
async function parquetRows<F extends string>(
  file: string,
  names: Readonly<Record<F, readonly string[]>>,
  required: readonly F[],
  overrides?: Record<string, string>,
): Promise<RowSource<F>> {
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  try {
    let reader: Awaited<ReturnType<typeof connection.runAndReadAll>>;
    try {
      reader = await connection.runAndReadAll(`SELECT * FROM read_parquet(${sqlString(file)})`);
    } catch (error) {
      throw new InputError(
        `${file}: not a readable Parquet file (${(error as Error).message.split("\n")[0]}).`,
        { file },
      );
    }
    const header = reader.columnNames();
    const mapping = mapColumns(file, header, names, required, overrides);
    const objects = reader.getRowObjectsJson() as Array<Record<string, unknown>>;
    const rows = objects.map((object, i) => {
      const cells: RowCells<F> = {};
      for (const [field, index] of Object.entries(mapping.index) as Array<[F, number]>) {
        const v = object[header[index]];
        cells[field] = v === null || v === undefined ? "" : String(v);
      }
      return { line: i + 1, cells };
    });
    return { file, rows, unreadable: [], ignoredColumns: mapping.ignored };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

export const parquetActorSource = (file: string, overrides?: Record<string, string>) =>
  parquetRows<ActorField>(file, ACTOR_HEADER_NAMES, ["id"], overrides);
export const parquetLinkSource = (file: string, overrides?: Record<string, string>) =>
  parquetRows<LinkField>(file, LINK_HEADER_NAMES, ["source", "target"], overrides);
