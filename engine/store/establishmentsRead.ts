/**
 * Reading an establishment table into `RAW` with DuckDB's CSV reader, detection off (the dialect comes
 * from `csvSniff.ts`), every cell as text under a positional name `c<index>`, and records it cannot
 * split (wrong number of fields, invalid text) kept in `REJECTS` instead of failing the import.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { InputError } from "../io/errors.ts";
import type { CsvEncoding, CsvSniff } from "./csvSniff.ts";
import type { EstablishmentsLayout } from "./establishmentsLayout.ts";
import { type Cell, RAW, REJECT_SCANS, REJECTS } from "./establishmentsTables.ts";
import { exec, one, sqlString } from "./sql.ts";

/** Read the file into `RAW`: the record number and the cells the layout uses, as text. */
export async function readRaw(
  c: DuckDBConnection,
  file: string,
  label: string,
  sniff: CsvSniff,
  encoding: CsvEncoding,
  layout: EstablishmentsLayout,
  cells: readonly Cell[],
): Promise<void> {
  await exec(c, `DROP TABLE IF EXISTS temp.main.${REJECTS}; DROP TABLE IF EXISTS temp.main.${REJECT_SCANS}`);
  const col = (index: number) => `c${index}`;
  const picks = [
    `${col(layout.commune.index)} AS commune_raw`,
    `${col(layout.naf.index)} AS naf_raw`,
    ...(layout.kind === "long"
      ? [
          `${col(layout.year.index)} AS year_raw`,
          `${layout.sizeClass ? col(layout.sizeClass.index) : "NULL::VARCHAR"} AS size_raw`,
        ]
      : []),
    ...cells.map((cell) => `${col(cell.column.index)} AS ${cell.alias}_raw`),
  ];
  const columns = sniff.header.map((_, i) => `'${col(i)}': 'VARCHAR'`).join(", ");
  const sql = `CREATE OR REPLACE TEMP TABLE ${RAW} AS
    SELECT row_number() OVER () AS rec, ${picks.join(", ")}
    FROM read_csv(${sqlString(file)}, auto_detect = false, header = true, delim = ${sqlString(sniff.delimiter)},
      quote = '"', escape = '"', encoding = '${encoding}', columns = {${columns}},
      store_rejects = true, rejects_table = '${REJECTS}', rejects_scan = '${REJECT_SCANS}')`;
  try {
    await exec(c, sql);
  } catch (error) {
    const message = (error as Error).message.split("\n")[0];
    throw new InputError(`${label}: cannot be read as a delimited text file (${message}).`, { file: label });
  }
}

/** Records DuckDB refused as invalid text in the encoding it was told. */
export async function encodingRejects(c: DuckDBConnection): Promise<number> {
  const r = await one<{ n: number }>(
    c,
    `SELECT count(*) AS n FROM ${REJECTS} WHERE error_type = 'INVALID ENCODING'`,
  );
  return r.n;
}
