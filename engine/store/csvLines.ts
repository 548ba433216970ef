/**
 * Physical line numbers of CSV records. DuckDB's reader numbers lines as if a record spanning several
 * lines (a quoted field with line breaks) were one, and gives rows no line number at all; quarantine
 * rows must name the physical line where the record starts (header = line 1). This scanner walks the
 * bytes once, quote-aware, and records for each record after the header both numbers. It only runs
 * when a file has rows to quarantine.
 */
import { closeSync, openSync, readSync } from "node:fs";

export interface RecordLines {
  /** Line of each record (header excluded) as DuckDB counts them (rejects tables). */
  duckdb: number[];
  /** Physical line where each record starts. */
  physical: number[];
}

const CHUNK = 4 << 20;
const QUOTE = 34;
const LF = 10;
const CR = 13;

/**
 * Scan `file`. Blank lines are not records (DuckDB skips them) but are counted as lines; a line of
 * spaces is a record (DuckDB rejects it for its missing columns).
 */
export function scanRecordLines(file: string): RecordLines {
  const duckdb: number[] = [];
  const physical: number[] = [];
  const fd = openSync(file, "r");
  try {
    const buffer = Buffer.alloc(CHUNK);
    let quoted = false;
    let phys = 1;
    let duck = 1;
    let atLineStart = true; // at the start of a line, outside quotes, nothing but CR seen yet
    let records = 0;
    let position = 0;
    for (;;) {
      const n = readSync(fd, buffer, 0, CHUNK, position);
      if (n === 0) break;
      position += n;
      for (let i = 0; i < n; i++) {
        const b = buffer[i];
        if (b === LF) {
          phys++;
          if (!quoted) {
            duck++;
            atLineStart = true;
          }
          continue;
        }
        if (atLineStart && b !== CR) {
          atLineStart = false;
          if (records > 0) {
            duckdb.push(duck);
            physical.push(phys);
          }
          records++;
        }
        if (b === QUOTE) quoted = !quoted;
      }
    }
  } finally {
    closeSync(fd);
  }
  return { duckdb, physical };
}
