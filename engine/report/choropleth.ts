/**
 * Choropleth maps of communes: d3-geo projects the boundaries (conformal conic, Lambert-93 parameters,
 * fitted to the study zone), each commune is one `<path>` filled by a classed colour scale, the
 * communes outside the zone are grey, communes of the zone without a published value are hatched, and
 * groups of communes (candidate districts) are outlined by their outer boundary. The colour scale is
 * an Observable Plot scale, so the legend Plot draws is the scale the fills come from.
 */
import * as Plot from "@observablehq/plot";
import { geoConicConformal, geoPath } from "d3-geo";
import { schemeRdBu } from "d3-scale-chromatic";
import { attributes, escapeHtml, slug } from "./escape.ts";
import { formatDecimal } from "./format.ts";
import { type CommuneFeature, groupOutline } from "./geo.ts";
import { legendHtml } from "./plot.ts";

/** A classed colour scale: `range.length === domain.length + 1` colours, class k = [domain[k−1], domain[k]). */
export interface ThresholdScale {
  /** Class breaks, ascending. */
  domain: readonly number[];
  /** Colours, one more than breaks (from d3-scale-chromatic). */
  range: readonly string[];
  /** What the colour shows (the legend's title). */
  label: string;
}

/**
 * The scale for location quotients: classes broken at 0.5, 0.8, 1.25, 1.5, 2 and 4 (1.5 is the
 * default seed threshold), diverging colours (ColorBrewer RdBu, reversed: blue under-represented,
 * red specialised).
 */
export function lqScale(label = "Location quotient of jobs"): ThresholdScale {
  return { domain: [0.5, 0.8, 1.25, 1.5, 2, 4], range: [...schemeRdBu[7]].reverse(), label };
}

export interface Outline {
  /** Stable id (written as `data-outline`). */
  id: string;
  label: string;
  communes: readonly string[];
  /** Stroke colour (default black). */
  stroke?: string;
  /** Dashed stroke, for groups of other activities. */
  dashed?: boolean;
}

export interface ChoroplethOptions {
  /** Id of the figure (unique in the report: the hatch pattern is named after it). */
  id: string;
  title: string;
  features: readonly CommuneFeature[];
  /** Value of each commune of the zone (null or absent: no published value). */
  values: ReadonlyMap<string, number | null>;
  /** Communes of the study zone (others are drawn grey). */
  zone: ReadonlySet<string>;
  scale: ThresholdScale;
  outlines?: readonly Outline[];
  /** Formatting of values in tooltips and the legend (default: two decimals). */
  format?: (value: number) => string;
  /** Width in pixels (default 640); the height follows the zone's shape. */
  width?: number;
  /** Fit the projection to the zone (default) or to every feature. */
  fit?: "zone" | "all";
  /** A sentence under the map (sources, rules). */
  caption?: string;
}

const OUTSIDE = "#d4d4d4";
const MARGIN = 8;

function hatch(id: string): string {
  return `<pattern id="${id}" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)"><rect width="6" height="6" fill="#ffffff"/><line x1="0" y1="0" x2="0" y2="6" stroke="#c4c4c4" stroke-width="1"/></pattern>`;
}

function swatch(label: string, svg: string): string {
  return `<span class="swatch">${svg}${escapeHtml(label)}</span>`;
}

const box = (inner: string) =>
  `<svg width="22" height="14" viewBox="0 0 22 14" aria-hidden="true">${inner}</svg>`;

/** The map as an HTML `<figure>`: title, SVG and legend. */
export function choropleth(options: ChoroplethOptions): string {
  const id = slug(options.id);
  const width = options.width ?? 640;
  const format = options.format ?? ((v: number) => formatDecimal(v));
  const fitted =
    options.fit === "all"
      ? options.features
      : options.features.filter((f) => options.zone.has(f.properties.code));
  const collection = {
    type: "FeatureCollection" as const,
    features: (fitted.length ? fitted : options.features) as CommuneFeature[],
  };
  // Lambert-93's parameters (standard parallels 44° and 49° N, central meridian 3° E), fitted to the zone.
  const projection = geoConicConformal()
    .parallels([44, 49])
    .rotate([-3, 0])
    .fitWidth(width - 2 * MARGIN, collection);
  const [tx, ty] = projection.translate();
  projection.translate([tx + MARGIN, ty + MARGIN]);
  const path = geoPath(projection).digits(1);
  const height = Math.ceil(path.bounds(collection)[1][1] + MARGIN);

  const color = Plot.scale({
    color: { type: "threshold", domain: [...options.scale.domain], range: [...options.scale.range] },
  });
  const noData = `${id}-nodata`;
  const paths: string[] = [];
  let inside = 0;
  let missing = 0;
  for (const feature of options.features) {
    const [[x0, y0], [x1, y1]] = path.bounds(feature);
    // Communes wholly outside the frame are not drawn.
    if (x1 < 0 || y1 < 0 || x0 > width || y0 > height) continue;
    const { code, nom } = feature.properties;
    const name = nom ? `${nom} (${code})` : code;
    const inZone = options.zone.has(code);
    const value = inZone ? (options.values.get(code) ?? null) : null;
    let fill = OUTSIDE;
    let tip = `${name}: outside the study zone`;
    if (inZone) {
      inside++;
      if (value === null || !Number.isFinite(value)) {
        missing++;
        fill = `url(#${noData})`;
        tip = `${name}: no published value`;
      } else {
        fill = String(color.apply(value));
        tip = `${name}: ${format(value)}`;
      }
    }
    paths.push(
      `<path${attributes({
        d: path(feature) ?? "",
        fill,
        class: inZone ? "zone" : "outside",
        "data-code": code,
        "data-value": value !== null && Number.isFinite(value) ? value : null,
      })}><title>${escapeHtml(tip)}</title></path>`,
    );
  }
  // The study zone's own border, thin, under the candidates' outlines.
  const zoneBorder = `<path${attributes({
    d: path(groupOutline(options.features, options.zone)) ?? "",
    fill: "none",
    stroke: "#4a4a4a",
    "stroke-width": 0.9,
    class: "zone-border",
  })}/>`;
  const outlines = (options.outlines ?? []).map((o) => {
    const d = path(groupOutline(options.features, o.communes)) ?? "";
    return `<path${attributes({
      d,
      fill: "none",
      stroke: o.stroke ?? "#000000",
      "stroke-width": 2.2,
      "stroke-linejoin": "round",
      "stroke-dasharray": o.dashed ? "5,3" : null,
      "data-outline": o.id,
    })}><title>${escapeHtml(o.label)}</title></path>`;
  });

  const legend = [
    legendHtml({
      color: {
        type: "threshold",
        domain: [...options.scale.domain],
        range: [...options.scale.range],
        label: options.scale.label,
        tickFormat: (v: number) => format(v),
      },
      width: Math.min(width, 360),
    } as Plot.LegendScales),
    `<div class="swatches">`,
    missing > 0 || inside === 0
      ? swatch(
          "no published value",
          box(
            `<defs>${hatch(`${noData}-legend`)}</defs><rect x="0.5" y="0.5" width="21" height="13" fill="url(#${noData}-legend)" stroke="#777"/>`,
          ),
        )
      : "",
    swatch(
      "border of the study zone",
      box(`<line x1="1" y1="7" x2="21" y2="7" stroke="#4a4a4a" stroke-width="1"/>`),
    ),
    swatch(
      "outside the study zone",
      box(`<rect x="0.5" y="0.5" width="21" height="13" fill="${OUTSIDE}" stroke="#fff"/>`),
    ),
    ...(options.outlines ?? []).map((o) =>
      swatch(
        o.label,
        box(
          `<line x1="1" y1="7" x2="21" y2="7" stroke="${escapeHtml(o.stroke ?? "#000000")}" stroke-width="2.5"${o.dashed ? ' stroke-dasharray="5,3"' : ""}/>`,
        ),
      ),
    ),
    `</div>`,
  ].join("");

  const svg = `<svg class="choropleth" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeHtml(options.title)}"><defs>${hatch(noData)}</defs><rect width="${width}" height="${height}" fill="#f4f7fa"/><g class="communes" stroke="#ffffff" stroke-width="0.4">${paths.join("")}</g><g class="outlines">${zoneBorder}${outlines.join("")}</g></svg>`;
  const caption = options.caption ? `<p class="caption">${escapeHtml(options.caption)}</p>` : "";
  return `<figure class="map" id="${id}" style="max-width: ${width}px"><figcaption>${escapeHtml(options.title)}</figcaption>${svg}<div class="legend">${legend}</div>${caption}</figure>`;
}
