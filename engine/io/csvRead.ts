/**
 * Reading delimited text as French and international data actually comes: `;`, `,`, tab or `|`
 * separated; UTF-8 with or without BOM, or Latin-1 / Windows-1252 (what Excel writes in France);
 * quoted fields with doubled quotes and line breaks inside; CRLF or LF. Rows that cannot be read
 * (wrong number of fields, a field over 1 MB, an unterminated quote) are returned as bad rows with their
 * line, never truncated or dropped.
 */
import { readFileSync } from "node:fs";
import { InputError } from "./errors.ts";
import type { QuarantineRow } from "./quarantine.ts";

export type TextEncoding = "utf-8" | "windows-1252";

export interface CsvDialect {
  delimiter: string;
  encoding: TextEncoding;
  bom: boolean;
}

export interface CsvRecord {
  /** 1-based physical line where the record starts; the header is line 1. */
  line: number;
  cells: string[];
}

export interface CsvTable {
  file: string;
  dialect: CsvDialect;
  header: string[];
  records: CsvRecord[];
  /** Rows that could not be split into the header's fields. */
  bad: QuarantineRow[];
}

export interface CsvReadOptions {
  /** Force a delimiter instead of detecting it. */
  delimiter?: string;
  /** Force an encoding instead of detecting it. */
  encoding?: TextEncoding;
  /** Longest accepted field, in characters. Default 1,000,000 (1 MB). */
  maxFieldLength?: number;
}

export const DELIMITERS = [";", ",", "\t", "|"] as const;
const MAX_FIELD = 1_000_000;

/** UTF-8 when the bytes are valid UTF-8 (BOM or not), else Windows-1252 (a superset of Latin-1). */
export function decodeText(
  bytes: Uint8Array,
  forced?: TextEncoding,
): { text: string; encoding: TextEncoding; bom: boolean } {
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  if (forced) return { text: new TextDecoder(forced).decode(body), encoding: forced, bom };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(body), encoding: "utf-8", bom };
  } catch {
    return { text: new TextDecoder("windows-1252").decode(body), encoding: "windows-1252", bom };
  }
}

/** Occurrences of a character outside double quotes in one line. */
function countOutsideQuotes(line: string, ch: string): number {
  let n = 0;
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '"') quoted = !quoted;
    else if (c === ch && !quoted) n++;
  }
  return n;
}

/**
 * The delimiter is the candidate that splits the header most, provided the next lines agree (same
 * count); decimal commas in data lines therefore do not fool it on a `;` file. A header with no
 * candidate at all is a one-column file.
 */
export function detectDelimiter(text: string): string {
  const lines = text.split(/\r?\n/, 12).filter((l) => l.trim() !== "");
  if (lines.length === 0) return ",";
  let best = ",";
  let bestScore = 0;
  for (const d of DELIMITERS) {
    const inHeader = countOutsideQuotes(lines[0], d);
    if (inHeader === 0) continue;
    const agreeing = lines.slice(1).filter((l) => countOutsideQuotes(l, d) === inHeader).length;
    const score = inHeader * 10 + agreeing;
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}

interface RawRecord {
  line: number;
  cells: string[];
  problem?: { reason: string; field: number; value: string };
}

/** Split text into records, tracking the line each starts on. */
export function* splitRecords(text: string, delimiter: string, maxField = MAX_FIELD): Generator<RawRecord> {
  const n = text.length;
  const delim = delimiter.charCodeAt(0);
  let i = 0;
  let line = 1;
  while (i < n) {
    const startLine = line;
    const cells: string[] = [];
    let problem: RawRecord["problem"];
    let endOfRecord = false;
    while (!endOfRecord) {
      let value: string;
      if (text.charCodeAt(i) === 34 /* " */) {
        let j = i + 1;
        let chunks = "";
        let closed = false;
        while (j < n) {
          const q = text.indexOf('"', j);
          if (q === -1) break;
          chunks += text.slice(j, q);
          if (text.charCodeAt(q + 1) === 34) {
            chunks += '"';
            j = q + 2;
          } else {
            j = q + 1;
            closed = true;
            break;
          }
        }
        if (!closed) {
          chunks += text.slice(j);
          j = n;
          problem ??= { reason: "unterminated quoted field", field: cells.length, value: chunks };
        }
        for (let k = i; k < j; k++) if (text.charCodeAt(k) === 10) line++;
        // Anything between the closing quote and the delimiter is kept as text (lenient, as spreadsheets do).
        let k = j;
        while (
          k < n &&
          text.charCodeAt(k) !== delim &&
          text.charCodeAt(k) !== 10 &&
          text.charCodeAt(k) !== 13
        )
          k++;
        value = chunks + text.slice(j, k);
        i = k;
      } else {
        let k = i;
        while (k < n) {
          const c = text.charCodeAt(k);
          if (c === delim || c === 10 || c === 13) break;
          k++;
        }
        value = text.slice(i, k);
        i = k;
      }
      if (value.length > maxField) {
        problem ??= { reason: `field longer than ${maxField} characters`, field: cells.length, value };
      }
      cells.push(value);
      if (i >= n) endOfRecord = true;
      else {
        const c = text.charCodeAt(i);
        if (c === delim) i++;
        else {
          if (c === 13 && text.charCodeAt(i + 1) === 10) i += 2;
          else i++;
          line++;
          endOfRecord = true;
        }
      }
    }
    // A blank line is not a record.
    if (cells.length === 1 && cells[0].trim() === "" && !problem) continue;
    yield { line: startLine, cells, problem };
  }
}

/** Read a delimited text from bytes already in memory. */
export function parseCsv(bytes: Uint8Array, file: string, options: CsvReadOptions = {}): CsvTable {
  const { text, encoding, bom } = decodeText(bytes, options.encoding);
  if (text.trim() === "") throw new InputError(`${file}: the file is empty (no header line).`, { file });
  const delimiter = options.delimiter ?? detectDelimiter(text);
  const dialect: CsvDialect = { delimiter, encoding, bom };
  const records: CsvRecord[] = [];
  const bad: QuarantineRow[] = [];
  let header: string[] | undefined;
  for (const raw of splitRecords(text, delimiter, options.maxFieldLength ?? MAX_FIELD)) {
    if (!header) {
      if (raw.problem) {
        throw new InputError(
          `${file}, line ${raw.line}: the header cannot be read (${raw.problem.reason}).`,
          {
            file,
            line: raw.line,
          },
        );
      }
      header = raw.cells.map((c) => c.trim());
      continue;
    }
    if (raw.problem) {
      bad.push({
        file,
        line: raw.line,
        field: header[raw.problem.field] ?? `#${raw.problem.field + 1}`,
        value: raw.problem.value,
        reason: raw.problem.reason,
      });
    } else if (raw.cells.length !== header.length) {
      bad.push({
        file,
        line: raw.line,
        field: "",
        value: raw.cells.join(delimiter),
        reason: `${raw.cells.length} fields where the header has ${header.length}`,
      });
    } else records.push({ line: raw.line, cells: raw.cells });
  }
  return { file, dialect, header: header ?? [], records, bad };
}

/** Read a delimited file; an unreadable file is an `InputError` naming it. */
export function readCsv(file: string, options: CsvReadOptions = {}): CsvTable {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message;
    throw new InputError(`${file}: cannot be read (${reason}).`, { file });
  }
  return parseCsv(bytes, file, options);
}
