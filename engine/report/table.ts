/**
 * Sortable HTML tables. Each cell carries its raw value in `data-sort` (numbers as numbers, an
 * undefined measure as an empty string that sorts last), so the few lines of script in the page
 * (`SORT_SCRIPT` in `html.ts`) sort on values, not on formatted text.
 */
import { attributes, escapeHtml } from "./escape.ts";
import { formatChange, formatDecimal, formatInteger, formatPercent, isNumber, MISSING } from "./format.ts";

/** How a column is shown: `year` is an integer without thousands separator. */
export type ColumnFormat = "text" | "integer" | "year" | "decimal" | "percent" | "change";

export interface Column<R> {
  /** Header text. */
  label: string;
  /** Column name in CSV and Parquet files (snake_case); default: the label. */
  key?: string;
  /** The value of a row (a number, a string, or null when undefined). */
  value: (row: R) => string | number | null | undefined;
  /** How the value is shown (default: text for strings, decimal for numbers). */
  format?: ColumnFormat;
  /** Decimals for `decimal`, `percent` and `change` (defaults 2, 1, 2). */
  digits?: number;
  /** A tooltip on the header: the definition of the measure. */
  title?: string;
  /** Only in the files, not in the report's table (e.g. codes repeated in another column). */
  fileOnly?: boolean;
  /** A long text column: given room to wrap (a minimum width) instead of squeezing the row height up. */
  wide?: boolean;
  /** Raw HTML for the cell instead of the formatted value (the sort still uses `value`). */
  html?: (row: R) => string;
}

export interface TableOptions {
  /** Id of the `<table>` (tests and links find it by id). */
  id: string;
  caption?: string;
  /** Index of the column sorted at first and its order (shown with `aria-sort`; the rows are expected in that order). */
  sortedBy?: { column: number; order: "ascending" | "descending" };
  /** Rows shown; the others are counted in a note (default: all). */
  limit?: number;
}

function formatted(value: string | number | null | undefined, format: ColumnFormat, digits?: number): string {
  if (value === null || value === undefined || value === "") return MISSING;
  if (typeof value === "string") return value;
  switch (format) {
    case "integer":
      return formatInteger(value);
    case "year":
      return isNumber(value) ? String(Math.round(value)) : MISSING;
    case "percent":
      return formatPercent(value, digits ?? 1);
    case "change":
      return formatChange(value, digits ?? 2);
    case "text":
      return isNumber(value) ? String(value) : MISSING;
    default:
      return formatDecimal(value, digits ?? 2);
  }
}

/** A `<table class="sortable">` with one `<tr>` per row; numbers aligned right. */
export function sortableTable<R>(
  allColumns: readonly Column<R>[],
  rows: readonly R[],
  options: TableOptions,
): string {
  const columns = allColumns.filter((c) => !c.fileOnly);
  const shown = options.limit !== undefined ? rows.slice(0, options.limit) : rows;
  const head = columns
    .map((c, i) => {
      const numeric = c.format !== undefined && c.format !== "text";
      const sorted = options.sortedBy?.column === i ? options.sortedBy.order : null;
      return `<th${attributes({
        scope: "col",
        title: c.title,
        class: numeric ? "num" : null,
        "aria-sort": sorted,
        "data-type": numeric ? "number" : "text",
      })}><button type="button">${escapeHtml(c.label)}</button></th>`;
    })
    .join("");
  const body = shown
    .map((row) => {
      const cells = columns.map((c) => {
        const value = c.value(row);
        const numeric = c.format !== undefined && c.format !== "text";
        const sortValue = typeof value === "number" ? (Number.isFinite(value) ? value : "") : (value ?? "");
        const content = c.html
          ? c.html(row)
          : escapeHtml(
              formatted(value, c.format ?? (typeof value === "number" ? "decimal" : "text"), c.digits),
            );
        return `<td${attributes({ class: numeric ? "num" : c.wide ? "wide" : null, "data-sort": sortValue })}>${content}</td>`;
      });
      return `<tr>${cells.join("")}</tr>`;
    })
    .join("\n");
  const caption = options.caption ? `<caption>${escapeHtml(options.caption)}</caption>` : "";
  const more =
    shown.length < rows.length
      ? `<p class="note">${formatInteger(shown.length)} of ${formatInteger(rows.length)} rows shown; the CSV files hold them all.</p>`
      : "";
  return `<div class="table-wrap"><table class="sortable"${attributes({ id: options.id })}>${caption}<thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table></div>${more}`;
}
