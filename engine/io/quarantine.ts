/**
 * The quarantine report: every input row that could not be accepted, with where it was and why, so
 * nothing is dropped silently. Written as `quarantine.csv` next to the output or the store, columns
 * `file,line,field,value,reason`; every summary keeps `read = accepted + quarantined`.
 */
import { writeFileSync } from "node:fs";
import { csvLine } from "./csvFormat.ts";

export interface QuarantineRow {
  file: string;
  /** 1-based physical line where the row starts in the file (the header is line 1); record number for JSON/GEXF/GraphML. */
  line: number;
  field: string;
  value: string;
  reason: string;
}

/** Counts of one input file: every row read is either accepted or quarantined. */
export interface ReadSummary {
  file: string;
  read: number;
  accepted: number;
  quarantined: number;
}

export const QUARANTINE_COLUMNS = ["file", "line", "field", "value", "reason"] as const;

const MAX_SHOWN = 200;

/** A value as shown in the report: long values are cut with their length, so the report stays readable. */
export function shownValue(value: string): string {
  return value.length <= MAX_SHOWN ? value : `${value.slice(0, MAX_SHOWN)}… (${value.length} characters)`;
}

export function quarantineCsv(rows: readonly QuarantineRow[]): string {
  const lines = [csvLine(QUARANTINE_COLUMNS)];
  for (const r of rows) lines.push(csvLine([r.file, String(r.line), r.field, shownValue(r.value), r.reason]));
  return `${lines.join("\n")}\n`;
}

export function writeQuarantine(path: string, rows: readonly QuarantineRow[]): void {
  writeFileSync(path, quarantineCsv(rows), "utf8");
}
