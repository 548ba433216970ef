/**
 * Checking every record of an establishment table in SQL: codes normalised, counts read, and the first
 * problem that keeps a record out, with the rules of `establishmentsSql.ts`, and a commune code the
 * caller does not know (`UNKNOWN_COMMUNES`, filled by `establishmentsCommunes.ts`).
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import type { EstablishmentsLayout } from "./establishmentsLayout.ts";
import {
  blankSql,
  COMMUNE_REASON,
  communeSql,
  countProblemSql,
  NAF_REASON,
  nafSql,
  numberSql,
  YEAR_REASON,
  yearSql,
} from "./establishmentsSql.ts";
import { type Cell, CHECKED, DUPS, RAW, UNKNOWN_COMMUNES } from "./establishmentsTables.ts";
import { exec, sqlString } from "./sql.ts";

/**
 * `CHECKED`: every record read, its codes normalised, its counts as integers (NULL when blank), and
 * the first problem that keeps it out (`problem`: a struct of field, value and reason; NULL when the
 * row is good). `DUPS`: good records whose key an earlier good record already has.
 * `unknownCommuneReason`: the reason of a record whose code is in `UNKNOWN_COMMUNES` (null: no such
 * check, every well-formed code is accepted).
 */
export async function checkRows(
  c: DuckDBConnection,
  layout: EstablishmentsLayout,
  cells: readonly Cell[],
  unknownCommuneReason: string | null = null,
): Promise<void> {
  const long = layout.kind === "long";
  const parsed = [
    "*",
    `${communeSql("commune_raw")} AS commune`,
    `${nafSql("naf_raw")} AS naf`,
    ...(long ? [`${yearSql("year_raw")} AS year`, `nullif(trim(size_raw), '') AS size_class`] : []),
    ...cells.flatMap((cell) => [
      `${blankSql(`${cell.alias}_raw`)} AS ${cell.alias}_blank`,
      `${numberSql(`${cell.alias}_raw`)} AS ${cell.alias}_num`,
    ]),
  ];
  const withProblems = [
    "*",
    ...cells.map(
      (cell) => `${countProblemSql(`${cell.alias}_blank`, `${cell.alias}_num`)} AS ${cell.alias}_problem`,
    ),
  ];
  const problem = (field: string, value: string, reason: string) =>
    `{'field': ${sqlString(field)}, 'value': coalesce(${value}, ''), 'reason': ${reason}}`;
  const branches = [
    `WHEN commune IS NULL THEN ${problem(layout.commune.header, "commune_raw", sqlString(COMMUNE_REASON))}`,
    ...(unknownCommuneReason === null
      ? []
      : [
          `WHEN commune IN (SELECT code FROM ${UNKNOWN_COMMUNES}) THEN ${problem(layout.commune.header, "commune_raw", sqlString(unknownCommuneReason))}`,
        ]),
    `WHEN naf IS NULL THEN ${problem(layout.naf.header, "naf_raw", sqlString(NAF_REASON))}`,
    ...(long
      ? [`WHEN year IS NULL THEN ${problem(layout.year.header, "year_raw", sqlString(YEAR_REASON))}`]
      : []),
    ...cells.map(
      (cell) =>
        `WHEN ${cell.alias}_problem IS NOT NULL THEN ${problem(cell.column.header, `${cell.alias}_raw`, `${cell.alias}_problem`)}`,
    ),
  ];
  const kept = [
    "rec",
    "commune",
    "naf",
    ...(long ? ["year", "size_class"] : []),
    `CASE ${branches.join("\n")} END AS problem`,
    ...cells.map(
      (cell) =>
        `CASE WHEN NOT ${cell.alias}_blank THEN CAST(${cell.alias}_num AS INTEGER) END AS ${cell.alias}`,
    ),
  ];
  await exec(
    c,
    `CREATE OR REPLACE TEMP TABLE ${CHECKED} AS
     SELECT ${kept.join(", ")}
     FROM (SELECT ${withProblems.join(", ")} FROM (SELECT ${parsed.join(", ")} FROM ${RAW}))`,
  );
  const key = long ? ["commune", "naf", "year", "size_class"] : ["commune", "naf"];
  const match = key.map((k) => `g.${k} IS NOT DISTINCT FROM k.${k}`).join(" AND ");
  await exec(
    c,
    `CREATE OR REPLACE TEMP TABLE ${DUPS} AS
     WITH k AS (SELECT ${key.join(", ")}, min(rec) AS first_rec FROM ${CHECKED} WHERE problem IS NULL
                GROUP BY ALL HAVING count(*) > 1)
     SELECT g.rec, k.first_rec, g.commune, g.naf FROM ${CHECKED} g JOIN k ON ${match}
     WHERE g.problem IS NULL AND g.rec <> k.first_rec`,
  );
}
