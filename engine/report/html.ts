/**
 * The report's HTML document: one self-contained file (inline CSS and script, inline SVG; nothing is
 * fetched when it is opened, so it works offline and can be mailed), a summary first, then sections
 * listed in a table of contents. Also the small text blocks sections are made of.
 */
import { attributes, escapeHtml, slug } from "./escape.ts";

export interface ReportSection {
  /** Anchor id (made safe with `slug`). */
  id: string;
  title: string;
  /** HTML content. */
  body: string;
}

export interface DocumentOptions {
  title: string;
  /** A line under the title (source, date of the data). */
  subtitle?: string;
  /** HTML of the summary, shown first. */
  summary: string;
  sections: readonly ReportSection[];
  /** HTML at the bottom (how the report was made). */
  footer?: string;
  /** Language of the text (default `en`). */
  lang?: string;
}

const STYLE = `
:root { --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --accent: #0b5cad; --bg-alt: #f6f8fa; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: #fff; }
header, main, footer { max-width: 1100px; margin: 0 auto; padding: 0 24px; }
header { padding-top: 24px; border-bottom: 1px solid var(--line); }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 20px; margin: 32px 0 8px; padding-top: 8px; border-top: 1px solid var(--line); }
h3 { font-size: 16px; margin: 20px 0 6px; }
.subtitle { color: var(--muted); margin: 0 0 12px; }
nav ol { display: flex; flex-wrap: wrap; gap: 4px 18px; list-style: none; padding: 0; margin: 8px 0 16px; }
nav a, a { color: var(--accent); text-decoration: none; }
nav a:hover, a:hover { text-decoration: underline; }
.summary { background: var(--bg-alt); border: 1px solid var(--line); border-radius: 6px; padding: 12px 18px; margin-top: 16px; }
.summary h2 { border: 0; margin-top: 4px; padding: 0; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 8px 0; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; font-variant-numeric: tabular-nums; }
.note, .caption { color: var(--muted); font-size: 13px; }
.table-wrap { overflow-x: auto; margin: 8px 0; }
table.sortable { border-collapse: collapse; font-size: 13px; font-variant-numeric: tabular-nums; }
table.sortable caption { text-align: left; color: var(--muted); padding: 4px 0; }
table.sortable th, table.sortable td { padding: 3px 8px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
table.sortable th { position: sticky; top: 0; background: #fff; border-bottom: 2px solid var(--ink); white-space: nowrap; }
table.sortable th button { all: unset; cursor: pointer; font-weight: 600; }
table.sortable th[aria-sort="ascending"] button::after { content: " \\25B2"; font-size: 10px; }
table.sortable th[aria-sort="descending"] button::after { content: " \\25BC"; font-size: 10px; }
table.sortable .num { text-align: right; white-space: nowrap; }
table.sortable td.wide { min-width: 26em; }
table.sortable tbody tr:nth-child(even) { background: var(--bg-alt); }
figure { margin: 16px 0; }
figcaption { font-weight: 600; margin-bottom: 4px; }
.maps { display: flex; flex-wrap: wrap; gap: 12px 24px; }
figure.map svg.choropleth { display: block; max-width: 100%; height: auto; border: 1px solid var(--line); }
.legend { margin-top: 6px; font-size: 11px; }
.legend .swatches { display: flex; flex-wrap: wrap; gap: 4px 14px; margin-top: 4px; }
.legend .swatch { display: inline-flex; align-items: center; gap: 5px; }
.stars { color: #b7791f; letter-spacing: 1px; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(460px, 1fr)); gap: 16px; }
.card { border: 1px solid var(--line); border-radius: 6px; padding: 10px 16px; }
.card h3 { margin-top: 4px; }
.weak { color: #b42318; }
details { margin: 6px 0; }
summary { cursor: pointer; }
footer { color: var(--muted); font-size: 12px; border-top: 1px solid var(--line); margin-top: 32px; padding-bottom: 24px; }
@media print { nav, table.sortable th button::after { display: none; } }
`;

/**
 * Click a column header to sort its table; again to reverse. Values come from `data-sort`; numbers
 * compare as numbers; empty cells (undefined measures) always sort last.
 */
export const SORT_SCRIPT = `
document.querySelectorAll("table.sortable").forEach(function (table) {
  table.querySelectorAll("thead th").forEach(function (th, col) {
    th.querySelector("button").addEventListener("click", function () {
      var order = th.getAttribute("aria-sort") === "descending" ? "ascending" : "descending";
      table.querySelectorAll("thead th").forEach(function (h) { h.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", order);
      var numeric = th.getAttribute("data-type") === "number";
      var body = table.tBodies[0];
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) {
        var x = a.cells[col].getAttribute("data-sort"), y = b.cells[col].getAttribute("data-sort");
        if (x === "" || y === "") return (x === "") - (y === "");
        var c = numeric ? Number(x) - Number(y) : x.localeCompare(y);
        return order === "ascending" ? c : -c;
      });
      rows.forEach(function (r) { body.appendChild(r); });
    });
  });
});
`;

/** The whole page. */
export function htmlDocument(options: DocumentOptions): string {
  const sections = options.sections.map((s) => ({ ...s, id: slug(s.id) }));
  const nav = `<nav aria-label="Contents"><ol><li><a href="#summary">Summary</a></li>${sections
    .map((s) => `<li><a href="#${s.id}">${escapeHtml(s.title)}</a></li>`)
    .join("")}</ol></nav>`;
  const body = sections
    .map((s) => `<section id="${s.id}"><h2>${escapeHtml(s.title)}</h2>\n${s.body}\n</section>`)
    .join("\n");
  return `<!DOCTYPE html>
<html${attributes({ lang: options.lang ?? "en" })}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(options.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>${escapeHtml(options.title)}</h1>
${options.subtitle ? `<p class="subtitle">${escapeHtml(options.subtitle)}</p>` : ""}
${nav}
</header>
<main>
<section id="summary" class="summary"><h2>Summary</h2>
${options.summary}
</section>
${body}
</main>
${options.footer ? `<footer>${options.footer}</footer>` : ""}
<script>${SORT_SCRIPT}</script>
</body>
</html>
`;
}

/** A paragraph of plain text. */
export const paragraph = (text: string, className?: string): string =>
  `<p${attributes({ class: className })}>${escapeHtml(text)}</p>`;

/** A bulleted list of plain-text items (or HTML items with `html: true`). */
export function list(items: readonly string[], options: { html?: boolean; ordered?: boolean } = {}): string {
  const tag = options.ordered ? "ol" : "ul";
  return `<${tag}>${items.map((i) => `<li>${options.html ? i : escapeHtml(i)}</li>`).join("")}</${tag}>`;
}

/** Label / value pairs (values already formatted). */
export function facts(pairs: ReadonlyArray<readonly [string, string]>): string {
  return `<dl class="facts">${pairs.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join("")}</dl>`;
}
