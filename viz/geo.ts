/**
 * Commune geometry for the geographic layout: centroids (table `code_insee,nom,dep,lon,lat,area_deg2`)
 * and outlines (GeoJSON FeatureCollection of Polygon / MultiPolygon with `properties.code`).
 */
import { readFileSync } from "node:fs";
import { readCsv } from "../engine/io/csvRead.ts";
import { InputError } from "../engine/io/errors.ts";
import type { Centroid, Projection } from "./layouts.ts";
import type { Position, VizOutline } from "./types.ts";

export function readCentroids(file: string): Map<string, Centroid> {
  const table = readCsv(file);
  const col = (name: string) => {
    const i = table.header.indexOf(name);
    if (i < 0) throw new InputError(`${file}: missing column "${name}"`);
    return i;
  };
  const [code, name, lon, lat, area] = ["code_insee", "nom", "lon", "lat", "area_deg2"].map(col);
  const out = new Map<string, Centroid>();
  for (const record of table.records) {
    const c = record.cells;
    const values = [Number(c[lon]), Number(c[lat]), Number(c[area])];
    if (!values.every(Number.isFinite))
      throw new InputError(`${file}, line ${record.line}: lon, lat and area_deg2 must be numbers`);
    out.set(c[code], { name: c[name], lon: values[0], lat: values[1], area: values[2] });
  }
  return out;
}

interface Feature {
  properties?: { code?: string; nom?: string } | null;
  geometry?: { type: string; coordinates: unknown } | null;
}

/**
 * Outlines of the given communes, projected. Rings are thinned to points at least `minStep`
 * projected units apart (0.05 ≈ 50 m): the map is a background, not a cadastre.
 */
export function readOutlines(
  file: string,
  communes: ReadonlySet<string>,
  project: Projection,
  options: { minStep?: number } = {},
): VizOutline[] {
  const minStep = options.minStep ?? 0.05;
  let parsed: { features?: Feature[] };
  try {
    parsed = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new InputError(`${file}: not a readable GeoJSON file (${(error as Error).message})`);
  }
  const out: VizOutline[] = [];
  for (const feature of parsed.features ?? []) {
    const code = feature.properties?.code;
    if (!code || !communes.has(code) || !feature.geometry) continue;
    const polygons =
      feature.geometry.type === "Polygon"
        ? [feature.geometry.coordinates as number[][][]]
        : feature.geometry.type === "MultiPolygon"
          ? (feature.geometry.coordinates as number[][][][])
          : [];
    const rings: Position[][] = [];
    for (const polygon of polygons)
      for (const ring of polygon) {
        const thinned: Position[] = [];
        for (const [lon, lat] of ring) {
          const p = project(lon, lat);
          const last = thinned[thinned.length - 1];
          if (!last || Math.hypot(p[0] - last[0], p[1] - last[1]) >= minStep) thinned.push(p);
        }
        if (thinned.length >= 3) rings.push(thinned);
      }
    out.push({ commune: code, name: feature.properties?.nom ?? code, rings });
  }
  return out.sort((a, b) => (a.commune < b.commune ? -1 : 1));
}
