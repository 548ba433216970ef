/**
 * Importing an establishment table (establishments and salaried jobs by commune × NAF code × year)
 * into `establishments`, the long form every territorial index reads. DuckDB reads and checks the
 * file itself (`read_csv`, every cell as text), so a national file of 1.2 M rows imports in seconds.
 *
 * Unpivot rule for the URSSAF wide layout (CONVENTIONS "Store", DOMAIN §9 "Blank cells"): for each
 * (commune, NAF, year) a row is kept when at least one of the year's two cells is published; a blank
 * cell stays NULL (establishments published and jobs blank is a truly secret cell); a year blank in
 * both cells gives no row. The long layout follows the same rule per row.
 *
 * Nothing is dropped silently: a row with an unreadable commune or NAF code, a count that is not a
 * non-negative whole number (`12,0` is one, `12,5` and `-3` are not), a key already seen in the file,
 * or the wrong number of fields is quarantined whole, with its physical line (header = line 1);
 * `read = accepted + quarantined` counts input rows, `rowsWritten` the long-form rows the file gives.
 * Everything is written in one transaction; re-importing replaces the rows of the same key.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { InputError } from "../io/errors.ts";
import type { QuarantineRow } from "../io/quarantine.ts";
import { type Store, withTransaction } from "./connection.ts";
import { scanRecordLines } from "./csvLines.ts";
import { type CsvEncoding, type CsvSniff, type CsvSniffOptions, sniffCsv } from "./csvSniff.ts";
import { type CountColumn, type EstablishmentsLayout, establishmentsLayout } from "./establishmentsLayout.ts";
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
import { appendImportLog } from "./importLog.ts";
import { all, exec, one, sqlString } from "./sql.ts";
import { createStage } from "./staging.ts";
import { type UpsertCounts, upsertFromStage } from "./upsert.ts";

export interface EstablishmentImportOptions extends CsvSniffOptions {
  /** Name of the file in quarantine rows and in the import log (default: the path as given). */
  label?: string;
  /** Called after each step, inside the transaction (progress reporting); a throw rolls back. */
  onStep?: (step: EstablishmentImportStep) => void | Promise<void>;
}

export type EstablishmentImportStep = "read" | "check" | "unpivot" | "write" | "log";

export interface EstablishmentImport extends UpsertCounts {
  file: string;
  layout: EstablishmentsLayout["kind"];
  encoding: CsvEncoding;
  delimiter: string;
  /** Data rows in the file (header excluded). */
  read: number;
  accepted: number;
  quarantined: number;
  quarantine: QuarantineRow[];
  /** Long-form rows the file gives (after unpivoting) and written: inserted + updated + unchanged. */
  rowsWritten: number;
  /** Rows with establishments published and jobs blank (statistical secrecy). */
  secretCells: number;
  /** Years of the rows written, ascending. */
  years: number[];
  importId: number;
}

const RAW = "maillage_est_raw";
const CHECKED = "maillage_est_checked";
const DUPS = "maillage_est_duplicates";
const STAGE = "maillage_stage_establishments";
const REJECTS = "maillage_est_rejects";
const REJECT_SCANS = "maillage_est_reject_scans";
const TEMP_TABLES = [RAW, CHECKED, DUPS, STAGE, REJECTS, REJECT_SCANS];

/** A count cell of the file under the alias it has in the temporary tables. */
interface Cell {
  alias: string;
  column: CountColumn;
  year: number | null;
}

function cellsOf(layout: EstablishmentsLayout): Cell[] {
  const cells: Cell[] = [];
  if (layout.kind === "urssaf_wide") {
    for (const y of layout.years) {
      if (y.establishments) cells.push({ alias: `e_${y.year}`, column: y.establishments, year: y.year });
      if (y.jobs) cells.push({ alias: `j_${y.year}`, column: y.jobs, year: y.year });
    }
  } else {
    if (layout.establishments) cells.push({ alias: "e", column: layout.establishments, year: null });
    if (layout.jobs) cells.push({ alias: "j", column: layout.jobs, year: null });
  }
  return cells;
}

/** Import one establishment table; see the module comment for the rules. */
export async function importEstablishments(
  store: Store,
  file: string,
  options: EstablishmentImportOptions = {},
): Promise<EstablishmentImport> {
  const label = options.label ?? file;
  const sniff = sniffCsv(file, options);
  const layout = establishmentsLayout(label, sniff.header);
  const cells = cellsOf(layout);
  const c = store.connection;
  return withTransaction(store, async () => {
    let encoding = sniff.encoding;
    await readRaw(c, file, label, sniff, encoding, layout, cells);
    if (!sniff.encodingForced && encoding === "utf-8" && (await encodingRejects(c)) > 0) {
      // Valid UTF-8 at the start, Latin-1 further down: read the whole file as Latin-1. Only codes and
      // numbers are kept, and those are ASCII in both.
      encoding = "latin-1";
      await readRaw(c, file, label, sniff, encoding, layout, cells);
    }
    await options.onStep?.("read");
    await checkRows(c, layout, cells);
    await options.onStep?.("check");
    await unpivot(c, layout, cells);
    await options.onStep?.("unpivot");

    const counts = await upsertFromStage(c, {
      table: "establishments",
      stage: STAGE,
      keys: ["commune", "naf", "year", "size_class"],
      values: ["establishments", "jobs"],
    });
    await options.onStep?.("write");
    const quarantine = await quarantineRows(c, file, label);
    const stats = await one<{ raw: number; rejected: number; rows: number; secret: number }>(
      c,
      `SELECT (SELECT count(*) FROM ${RAW}) AS raw,
              (SELECT count(DISTINCT line) FROM ${REJECTS}) AS rejected,
              (SELECT count(*) FROM ${STAGE}) AS rows,
              (SELECT count(*) FROM ${STAGE} WHERE establishments IS NOT NULL AND jobs IS NULL) AS secret`,
    );
    const years = (await all<{ year: number }>(c, `SELECT DISTINCT year FROM ${STAGE} ORDER BY year`)).map(
      (r) => r.year,
    );
    const read = stats.raw + stats.rejected;
    const quarantined = quarantine.length;
    const accepted = read - quarantined;
    const importId = await appendImportLog(c, {
      kind: "establishments",
      files: [label],
      read,
      accepted,
      quarantined,
      ...counts,
      details: { layout: layout.kind, rows: stats.rows, secretCells: stats.secret, encoding },
    });
    await options.onStep?.("log");
    for (const t of TEMP_TABLES) await exec(c, `DROP TABLE IF EXISTS temp.main.${t}`);
    return {
      file: label,
      layout: layout.kind,
      encoding,
      delimiter: sniff.delimiter,
      read,
      accepted,
      quarantined,
      quarantine,
      rowsWritten: stats.rows,
      secretCells: stats.secret,
      years,
      ...counts,
      importId,
    };
  });
}

/** Read the file into `RAW`: the record number and the cells the layout uses, as text. */
async function readRaw(
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

async function encodingRejects(c: DuckDBConnection): Promise<number> {
  const r = await one<{ n: number }>(
    c,
    `SELECT count(*) AS n FROM ${REJECTS} WHERE error_type = 'INVALID ENCODING'`,
  );
  return r.n;
}

/**
 * `CHECKED`: every record read, its codes normalised, its counts as integers (NULL when blank), and
 * the first problem that keeps it out (`problem`: a struct of field, value and reason; NULL when the
 * row is good). `DUPS`: good records whose key an earlier good record already has.
 */
async function checkRows(
  c: DuckDBConnection,
  layout: EstablishmentsLayout,
  cells: readonly Cell[],
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

/** `STAGE`: the long-form rows, one per (commune, NAF, year[, size class]) with a published cell. */
async function unpivot(
  c: DuckDBConnection,
  layout: EstablishmentsLayout,
  cells: readonly Cell[],
): Promise<void> {
  await createStage(c, STAGE, "establishments");
  const has = (alias: string) => cells.some((cell) => cell.alias === alias);
  const value = (alias: string) => (has(alias) ? alias : "NULL::INTEGER");
  const good = `(SELECT * FROM ${CHECKED} WHERE problem IS NULL AND rec NOT IN (SELECT rec FROM ${DUPS}))`;
  const selects =
    layout.kind === "urssaf_wide"
      ? layout.years.map((y) => {
          const e = value(`e_${y.year}`);
          const j = value(`j_${y.year}`);
          return `SELECT commune, naf, ${y.year} AS year, ${e} AS establishments, ${j} AS jobs, NULL::VARCHAR AS size_class
                  FROM good WHERE ${e} IS NOT NULL OR ${j} IS NOT NULL`;
        })
      : [
          `SELECT commune, naf, year, ${value("e")} AS establishments, ${value("j")} AS jobs, size_class
           FROM good WHERE ${value("e")} IS NOT NULL OR ${value("j")} IS NOT NULL`,
        ];
  await exec(
    c,
    `INSERT INTO temp.main.${STAGE} (commune, naf, year, establishments, jobs, size_class)
     WITH good AS ${good}
     ${selects.join("\nUNION ALL\n")}`,
  );
}

const REJECT_REASONS: Readonly<Record<string, string>> = {
  "TOO MANY COLUMNS": "more fields than the header",
  "MISSING COLUMNS": "fewer fields than the header",
  "INVALID ENCODING": "text that is not valid in the file's encoding",
  "LINE SIZE OVER MAXIMUM": "line longer than the reader accepts",
  "UNQUOTED VALUE": "a quote inside an unquoted field",
};

/** Every quarantined record, ordered by line, with the physical line of the file. */
async function quarantineRows(c: DuckDBConnection, file: string, label: string): Promise<QuarantineRow[]> {
  const rejects = await all<{
    line: number;
    type: string;
    text: string | null;
    message: string | null;
    column: string | null;
  }>(
    c,
    `SELECT line, min(error_type) AS type, min(csv_line) AS text, min(error_message) AS message, min(column_name) AS column
     FROM ${REJECTS} GROUP BY line ORDER BY line`,
  );
  const bad = await all<{ rec: number; field: string; value: string; reason: string }>(
    c,
    `SELECT rec, problem.field AS field, problem.value AS value, problem.reason AS reason
     FROM ${CHECKED} WHERE problem IS NOT NULL ORDER BY rec`,
  );
  const duplicates = await all<{ rec: number; first: number; commune: string; naf: string }>(
    c,
    `SELECT rec, first_rec AS first, commune, naf FROM ${DUPS} ORDER BY rec`,
  );
  if (rejects.length + bad.length + duplicates.length === 0) return [];

  const raw = (await one<{ n: number }>(c, `SELECT count(*) AS n FROM ${RAW}`)).n;
  const lines = lineMapping(file, new Set(rejects.map((r) => r.line)), raw);
  const rows: QuarantineRow[] = [
    ...rejects.map((r) => ({
      file: label,
      line: lines.ofRejectLine(r.line),
      field: r.column ?? "",
      value: r.text ?? "",
      reason: `${REJECT_REASONS[r.type] ?? r.type.toLowerCase()}${r.message ? ` (${r.message})` : ""}`,
    })),
    ...bad.map((b) => ({
      file: label,
      line: lines.ofRecord(b.rec),
      field: b.field,
      value: b.value,
      reason: b.reason,
    })),
    ...duplicates.map((d) => ({
      file: label,
      line: lines.ofRecord(d.rec),
      field: "commune, naf",
      value: `${d.commune} ${d.naf}`,
      reason: `same key as line ${lines.ofRecord(d.first)}; the first is kept`,
    })),
  ];
  return rows.sort((a, b) => a.line - b.line);
}

/**
 * Physical lines of records: the n-th record DuckDB accepted (`rec`), and a line as DuckDB's rejects
 * table numbers it. Should the scan disagree with DuckDB on the number of records (an exotic quoting),
 * DuckDB's numbering is used as it is.
 */
function lineMapping(
  file: string,
  rejected: ReadonlySet<number>,
  accepted: number,
): { ofRecord: (rec: number) => number; ofRejectLine: (line: number) => number } {
  const scan = scanRecordLines(file);
  const physicalOfDuck = new Map<number, number>();
  const acceptedLines: number[] = [];
  scan.duckdb.forEach((duck, i) => {
    physicalOfDuck.set(duck, scan.physical[i]);
    if (!rejected.has(duck)) acceptedLines.push(scan.physical[i]);
  });
  if (acceptedLines.length !== accepted) {
    return { ofRecord: (rec) => rec + 1, ofRejectLine: (line) => line };
  }
  return {
    ofRecord: (rec) => acceptedLines[rec - 1],
    ofRejectLine: (line) => physicalOfDuck.get(line) ?? line,
  };
}
