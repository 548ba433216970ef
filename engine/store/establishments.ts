/**
 * Importing an establishment table (establishments and salaried jobs by commune × NAF code × year)
 * into `establishments`, the long form every territorial index reads. DuckDB reads and checks the
 * file itself (`read_csv`, every cell as text): the Rouen extract (9,338 rows) imports in 0.2 s, a
 * national-size file (1.2 M rows, 12 M long rows) in about 15 s on a 2-core machine.
 *
 * Unpivot rule for the URSSAF wide layout (CONVENTIONS "Store", DOMAIN §9 "Blank cells"): for each
 * (commune, NAF, year) a row is kept when at least one of the year's two cells is published; a blank
 * cell stays NULL (establishments published and jobs blank is a truly secret cell); a year blank in
 * both cells gives no row. The long layout follows the same rule per row.
 *
 * Nothing is dropped silently: a row with an unreadable commune or NAF code, a commune code the caller
 * does not accept (`knownCommunes`: the store knows no geography, the caller passes the valid codes,
 * e.g. the territory layer's COG check), a count that is not a non-negative whole number (`12,0` is
 * one, `12,5` and `-3` are not), a key already seen in the file, or the wrong number of fields is
 * quarantined whole, with its physical line, and not stored (header = line 1; one exception inherited
 * from DuckDB's reader: a row ending with extra delimiters, i.e. empty extra fields, is read as if they
 * were not there, since they carry no value);
 * `read = accepted + quarantined` counts input rows, `rowsWritten` the long-form rows the file gives.
 * Everything is written in one transaction; re-importing replaces the rows of the same key.
 */
import type { QuarantineRow } from "../io/quarantine.ts";
import { assertWritable, type Store, withTransaction } from "./connection.ts";
import { type CsvEncoding, type CsvSniffOptions, sniffCsv } from "./csvSniff.ts";
import { checkRows } from "./establishmentsCheck.ts";
import { type KnownCommunes, markUnknownCommunes, UNKNOWN_COMMUNE_REASON } from "./establishmentsCommunes.ts";
import { type EstablishmentsLayout, establishmentsLayout } from "./establishmentsLayout.ts";
import { quarantineRows } from "./establishmentsQuarantine.ts";
import { encodingRejects, readRaw } from "./establishmentsRead.ts";
import {
  CHECKED,
  cellsOf,
  RAW,
  REJECTS,
  STAGE,
  TEMP_TABLES,
  UNKNOWN_COMMUNES,
} from "./establishmentsTables.ts";
import { unpivot } from "./establishmentsUnpivot.ts";
import { appendImportLog } from "./importLog.ts";
import { all, exec, one } from "./sql.ts";
import { type UpsertCounts, upsertFromStage } from "./upsert.ts";

export interface EstablishmentImportOptions extends CsvSniffOptions {
  /** Name of the file in quarantine rows and in the import log (default: the path as given). */
  label?: string;
  /**
   * Commune codes accepted (as normalised: `01004`, `2A004`), a set or a predicate; a row of another code
   * is quarantined with `unknownCommuneReason`. Default: every well-formed code.
   */
  knownCommunes?: KnownCommunes;
  /** Reason written in the quarantine for such a row (default: `UNKNOWN_COMMUNE_REASON`). */
  unknownCommuneReason?: string;
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
  /**
   * Codes `knownCommunes` refused, with the rows quarantined for that reason (input rows, by code;
   * empty without `knownCommunes`).
   */
  unknownCommunes: { code: string; rows: number }[];
  /** Long-form rows the file gives (after unpivoting) and written: inserted + updated + unchanged. */
  rowsWritten: number;
  /** Rows with establishments published and jobs blank (statistical secrecy). */
  secretCells: number;
  /** Years of the rows written, ascending. */
  years: number[];
  importId: number;
}

/** Import one establishment table; see the module comment for the rules. */
export async function importEstablishments(
  store: Store,
  file: string,
  options: EstablishmentImportOptions = {},
): Promise<EstablishmentImport> {
  assertWritable(store, "importEstablishments");
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
    await markUnknownCommunes(c, options.knownCommunes);
    await checkRows(
      c,
      layout,
      cells,
      options.knownCommunes ? (options.unknownCommuneReason ?? UNKNOWN_COMMUNE_REASON) : null,
    );
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
    const quarantine = await quarantineRows(c, file, label, sniff.header);
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
    const unknownCommunes = await all<{ code: string; rows: number }>(
      c,
      `SELECT commune AS code, count(*) AS rows FROM ${CHECKED}
       WHERE commune IN (SELECT code FROM ${UNKNOWN_COMMUNES}) GROUP BY commune ORDER BY commune`,
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
      details: {
        layout: layout.kind,
        rows: stats.rows,
        secretCells: stats.secret,
        encoding,
        ...(options.knownCommunes ? { unknownCommunes: unknownCommunes.map((u) => u.code) } : {}),
      },
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
      unknownCommunes,
      rowsWritten: stats.rows,
      secretCells: stats.secret,
      years,
      ...counts,
      importId,
    };
  });
}
