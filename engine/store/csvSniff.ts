/**
 * What DuckDB's CSV reader needs to be told about a file before it reads it: encoding, delimiter
 * and header. DuckDB's own sniffer gives up on files with a few ragged rows, which are exactly the
 * files whose rows we must quarantine rather than fail on; so the dialect is read here from the
 * first bytes, with the same rules as the project's CSV reader (`io/csvRead.ts`), and DuckDB then
 * reads the file with detection off.
 */
import { closeSync, openSync, readSync } from "node:fs";
import { decodeText, detectDelimiter, splitRecords } from "../io/csvRead.ts";
import { InputError } from "../io/errors.ts";

/** Encodings DuckDB reads without an extension. Windows-1252 files are read as Latin-1. */
export type CsvEncoding = "utf-8" | "latin-1";

export interface CsvSniffOptions {
  delimiter?: string;
  /** Force an encoding; `windows-1252` is read as `latin-1`. */
  encoding?: CsvEncoding | "windows-1252";
}

export interface CsvSniff {
  encoding: CsvEncoding;
  /** Whether the encoding was forced by the caller (then it is not retried). */
  encodingForced: boolean;
  delimiter: string;
  /** Header cells, trimmed, BOM removed. */
  header: string[];
}

const PREFIX_BYTES = 1 << 20;

function readPrefix(file: string): Uint8Array {
  let fd: number;
  try {
    fd = openSync(file, "r");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === "ENOENT"
        ? "no such file"
        : code === "EISDIR"
          ? "a folder, not a file"
          : (error as Error).message;
    throw new InputError(`${file}: cannot be read (${reason}).`, { file });
  }
  try {
    const buffer = Buffer.alloc(PREFIX_BYTES);
    const n = readSync(fd, buffer, 0, PREFIX_BYTES, 0);
    let bytes = buffer.subarray(0, n);
    // Cut after the last complete line: a multi-byte character split at the end would look invalid.
    if (n === PREFIX_BYTES) {
      const lastNewline = bytes.lastIndexOf(10);
      if (lastNewline > 0) bytes = bytes.subarray(0, lastNewline + 1);
    }
    return bytes;
  } finally {
    closeSync(fd);
  }
}

export function sniffCsv(file: string, options: CsvSniffOptions = {}): CsvSniff {
  const forced = options.encoding;
  const { text, encoding } = decodeText(
    readPrefix(file),
    forced === undefined ? undefined : forced === "utf-8" ? "utf-8" : "windows-1252",
  );
  if (text.trim() === "") throw new InputError(`${file}: the file is empty (no header line).`, { file });
  const delimiter = options.delimiter ?? detectDelimiter(text);
  const first = splitRecords(text, delimiter).next();
  if (first.done || first.value.problem) {
    throw new InputError(`${file}: the header line cannot be read.`, { file, line: 1 });
  }
  return {
    encoding: encoding === "utf-8" ? "utf-8" : "latin-1",
    encodingForced: forced !== undefined,
    delimiter,
    header: first.value.cells.map((c) => c.trim()),
  };
}
