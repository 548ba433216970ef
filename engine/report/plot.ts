/**
 * Plots with Observable Plot, rendered to static SVG in Node through jsdom (Plot's `document` option).
 * Class names are fixed (Plot draws a random one by default) so that the same data gives the same
 * HTML, byte for byte. Every plot built here carries a legend: a colour legend when several series are
 * drawn, and axis labels that name the measure.
 */
import * as Plot from "@observablehq/plot";
import { reportDocument } from "./dom.ts";
import { escapeHtml } from "./escape.ts";
import { LOCALE } from "./format.ts";

/** The class name Plot's inline stylesheet is scoped to (the same for every plot of the report). */
export const PLOT_CLASS = "maillage-plot";

/** Any Plot figure, as an HTML string (an `<svg>`, or a `<figure>` when Plot adds a legend). */
export function plotHtml(options: Plot.PlotOptions): string {
  const element = Plot.plot({ className: PLOT_CLASS, ...options, document: reportDocument() });
  return element.outerHTML;
}

/** A standalone legend of a scale (e.g. the colour scale of a map), as an HTML string. */
export function legendHtml(options: Plot.LegendScales): string {
  return Plot.legend({ className: PLOT_CLASS, ...options, document: reportDocument() } as Plot.LegendScales)
    .outerHTML;
}

export interface SeriesPoint {
  x: number;
  /** Null where the value is undefined (a gap in the line, not a zero). */
  y: number | null;
}

export interface Series {
  name: string;
  points: readonly SeriesPoint[];
}

export interface LinePlotOptions {
  /** Label of the x axis (default "Year"). */
  x?: string;
  /** Label of the y axis, naming the measure (required: a plot must say what it shows). */
  y: string;
  /** A horizontal reference line (e.g. LQ = 1). */
  rule?: number;
  /** Colours of the series, in order (default: Plot's categorical scheme). */
  colors?: readonly string[];
  /** Title above the plot. */
  title?: string;
  width?: number;
  height?: number;
}

/**
 * Lines over years, one per series, with dots at the points and a colour legend naming the series.
 * Years are plain integers on the x axis (no thousands separator, no date parsing).
 */
/** Every year, or every 2nd, 5th or 10th, so that a tick label has about 50 pixels. */
function yearStep(years: number, width: number): number {
  const room = Math.max(1, Math.floor((width - 80) / 50));
  return [1, 2, 5, 10, 20].find((step) => Math.ceil(years / step) <= room) ?? 50;
}

export function linePlot(series: readonly Series[], options: LinePlotOptions): string {
  const width = options.width ?? 640;
  const rows = series.flatMap((s) => s.points.map((p) => ({ series: s.name, x: p.x, y: p.y })));
  const names = series.map((s) => s.name);
  const years = [...new Set(rows.map((r) => r.x))].sort((a, b) => a - b);
  const marks: Plot.Markish[] = [];
  if (options.rule !== undefined)
    marks.push(Plot.ruleY([options.rule], { stroke: "#888", strokeDasharray: "4,3" }));
  marks.push(
    Plot.lineY(rows, { x: "x", y: "y", stroke: "series", strokeWidth: 2 }),
    Plot.dot(rows, {
      x: "x",
      y: "y",
      fill: "series",
      r: 2.5,
      title: (d: (typeof rows)[number]) => `${d.series}, ${d.x}: ${d.y}`,
    }),
  );
  const plot = plotHtml({
    width,
    height: options.height ?? 300,
    marginLeft: 60,
    style: { fontSize: "11px" },
    x: {
      label: options.x ?? "Year",
      tickFormat: (d: number) => String(d),
      ticks: years.filter((y) => y % yearStep(years.length, width) === 0),
    },
    y: { label: options.y, grid: true, tickFormat: (d: number) => d.toLocaleString(LOCALE) },
    color: {
      legend: true,
      domain: names,
      ...(options.colors ? { range: options.colors.slice(0, Math.max(1, names.length)) } : {}),
    },
    marks,
  });
  return options.title
    ? `<figure class="plot"><figcaption>${escapeHtml(options.title)}</figcaption>${plot}</figure>`
    : plot;
}
