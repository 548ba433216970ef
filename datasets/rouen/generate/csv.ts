/**
 * Minimal CSV reading and writing for the generator. Local on purpose: the dataset must build without
 * the engine's readers (which are written elsewhere and may change shape), and the inputs here are
 * known files: the URSSAF table (`;`, UTF-8 BOM, CRLF, quoted fields containing `;`) and the plain
 * geo files.
 */

/** Rows of a delimited text; quotes follow RFC 4180 (`""` inside a quoted field is one quote). */
export function parseDelimited(text: string, delimiter = ","): string[][] {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (quoted) {
      if (c === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      field += c;
      i++;
      continue;
    }
    if (c === '"' && field === "") {
      quoted = true;
      i++;
    } else if (c === delimiter) {
      row.push(field);
      field = "";
      i++;
    } else if (c === "\n" || c === "\r") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i += c === "\r" && src[i + 1] === "\n" ? 2 : 1;
    } else {
      field += c;
      i++;
    }
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => !(r.length === 1 && r[0] === ""));
}

/** Rows as records keyed by the header's names. */
export function parseRecords(text: string, delimiter = ","): Array<Record<string, string>> {
  const [header, ...rows] = parseDelimited(text, delimiter);
  return rows.map((r) => {
    const rec: Record<string, string> = {};
    header.forEach((name, j) => {
      rec[name] = r[j] ?? "";
    });
    return rec;
  });
}

export type Cell = string | number | null | undefined;

function formatCell(value: Cell): string {
  if (value === null || value === undefined) return "";
  const text = typeof value === "number" ? String(value) : value;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Comma-separated text with a header, `\n` line ends and a final newline; empty cells for null. */
export function toCsv<K extends string>(columns: readonly K[], rows: ReadonlyArray<Record<K, Cell>>): string {
  const lines = [columns.join(",")];
  for (const row of rows) lines.push(columns.map((c) => formatCell(row[c])).join(","));
  return `${lines.join("\n")}\n`;
}
