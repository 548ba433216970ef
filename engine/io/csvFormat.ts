/** Writing CSV cells: RFC 4180 quoting, `,` by default, nulls as empty cells (never `NaN` or `null`). */

export type Cell = string | number | boolean | null | undefined;

export function csvCell(value: Cell, delimiter = ","): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number" && !Number.isFinite(value)) return "";
  const s = String(value);
  return /[",\r\n;\t]/.test(s) || s.includes(delimiter) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(cells: readonly Cell[], delimiter = ","): string {
  return cells.map((c) => csvCell(c, delimiter)).join(delimiter);
}

/** A whole table: header then one line per record, in column order. */
export function csvTable<K extends string>(
  columns: readonly K[],
  records: Iterable<{ readonly [P in K]?: Cell }>,
): string {
  const lines = [csvLine(columns)];
  for (const record of records) lines.push(csvLine(columns.map((c) => record[c])));
  return `${lines.join("\n")}\n`;
}
