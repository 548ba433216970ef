/**
 * The quarantine report of an establishment import: records DuckDB's reader refused, records with a
 * bad code or count, and records repeating a key, each with the physical line where it starts.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import type { QuarantineRow } from "../io/quarantine.ts";
import { scanRecordLines } from "./csvLines.ts";
import { CHECKED, DUPS, RAW, REJECTS } from "./establishmentsTables.ts";
import { all, one } from "./sql.ts";

const REJECT_REASONS: Readonly<Record<string, string>> = {
  "TOO MANY COLUMNS": "more fields than the header",
  "MISSING COLUMNS": "fewer fields than the header",
  "INVALID ENCODING": "text that is not valid in the file's encoding",
  "LINE SIZE OVER MAXIMUM": "line longer than the reader accepts",
  "UNQUOTED VALUE": "a quote inside an unquoted field",
};

/** Every quarantined record, ordered by line, with the physical line of the file. */
export async function quarantineRows(
  c: DuckDBConnection,
  file: string,
  label: string,
  header: readonly string[],
): Promise<QuarantineRow[]> {
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
      // DuckDB names the column it stopped at by our positional name `c<index>`.
      field: r.column && /^c\d+$/.test(r.column) ? (header[Number(r.column.slice(1))] ?? "") : "",
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
