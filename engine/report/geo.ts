/**
 * Commune boundaries for the maps: reading the GeoJSON of the built-in data (properties `code`, `nom`),
 * fixing ring orientation for d3-geo, and the outline of a group of communes (its outer boundary).
 */
import { readFileSync } from "node:fs";
import { geoArea } from "d3-geo";
import { InputError } from "../io/errors.ts";

export type Ring = [number, number][];
export interface PolygonGeometry {
  type: "Polygon";
  coordinates: Ring[];
}
export interface MultiPolygonGeometry {
  type: "MultiPolygon";
  coordinates: Ring[][];
}

export interface CommuneFeature {
  type: "Feature";
  properties: { code: string; nom: string | null };
  geometry: PolygonGeometry | MultiPolygonGeometry;
}

export interface LineGeometry {
  type: "MultiLineString";
  coordinates: [number, number][][];
}

/**
 * d3-geo works on the sphere: an exterior ring must wind clockwise, or it stands for the whole globe
 * minus the commune. GeoJSON (RFC 7946) winds the other way; flip every polygon whose area exceeds a
 * hemisphere (its rings all reversed, so holes stay holes).
 */
function rewindPolygon(rings: Ring[]): Ring[] {
  return geoArea({ type: "Polygon", coordinates: rings }) > 2 * Math.PI
    ? rings.map((ring) => ring.slice().reverse())
    : rings;
}

export function rewindFeature(feature: CommuneFeature): CommuneFeature {
  const g = feature.geometry;
  const geometry: CommuneFeature["geometry"] =
    g.type === "Polygon"
      ? { type: "Polygon", coordinates: rewindPolygon(g.coordinates) }
      : { type: "MultiPolygon", coordinates: g.coordinates.map(rewindPolygon) };
  return { ...feature, geometry };
}

/** Read a FeatureCollection of communes (`properties.code`, optional `properties.nom`), oriented for d3-geo. */
export function readCommuneFeatures(file: string): CommuneFeature[] {
  let data: { type?: string; features?: unknown[] };
  try {
    data = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new InputError(`${file}: not a readable GeoJSON file (${(error as Error).message}).`, { file });
  }
  if (data?.type !== "FeatureCollection" || !Array.isArray(data.features))
    throw new InputError(`${file}: expected a GeoJSON FeatureCollection.`, { file });
  return data.features.map((raw, i) => {
    const f = raw as { properties?: Record<string, unknown>; geometry?: { type?: string } };
    const code = f.properties?.code;
    if (typeof code !== "string" || !f.geometry || !/^(Multi)?Polygon$/.test(f.geometry.type ?? ""))
      throw new InputError(
        `${file}: feature ${i + 1} needs properties.code (a commune code) and a Polygon or MultiPolygon geometry.`,
        { file, field: "properties.code" },
      );
    const nom = typeof f.properties?.nom === "string" ? f.properties.nom : null;
    return rewindFeature({
      type: "Feature",
      properties: { code, nom },
      geometry: f.geometry as CommuneFeature["geometry"],
    });
  });
}

const pointKey = (p: readonly number[]) => `${p[0].toFixed(6)},${p[1].toFixed(6)}`;

/**
 * The outer boundary of a group of communes: the ring segments that belong to exactly one commune of
 * the group (a segment two neighbours share is interior). Boundaries in the built-in GeoJSON share
 * their vertices, so shared segments match exactly; where they do not, interior segments remain and
 * the outline shows the communes' own borders too (never less than the true outline).
 */
export function groupOutline(features: readonly CommuneFeature[], codes: Iterable<string>): LineGeometry {
  const wanted = new Set(codes);
  const segments = new Map<string, { a: [number, number]; b: [number, number]; count: number }>();
  for (const feature of features) {
    if (!wanted.has(feature.properties.code)) continue;
    const g = feature.geometry;
    const polygons = g.type === "Polygon" ? [g.coordinates] : g.coordinates;
    for (const ring of polygons.flat()) {
      for (let k = 1; k < ring.length; k++) {
        const a = ring[k - 1];
        const b = ring[k];
        const ka = pointKey(a);
        const kb = pointKey(b);
        if (ka === kb) continue;
        const key = ka < kb ? `${ka};${kb}` : `${kb};${ka}`;
        const seen = segments.get(key);
        if (seen) seen.count++;
        else segments.set(key, { a, b, count: 1 });
      }
    }
  }
  // Chain boundary segments into lines so the path is short and its joins are drawn cleanly.
  const outer = [...segments.values()].filter((s) => s.count === 1);
  const adjacency = new Map<string, number[]>();
  outer.forEach((s, i) => {
    for (const p of [s.a, s.b]) {
      const k = pointKey(p);
      const list = adjacency.get(k);
      if (list) list.push(i);
      else adjacency.set(k, [i]);
    }
  });
  const used = new Uint8Array(outer.length);
  const lines: [number, number][][] = [];
  for (let i = 0; i < outer.length; i++) {
    if (used[i]) continue;
    used[i] = 1;
    const line: [number, number][] = [outer[i].a, outer[i].b];
    let end = outer[i].b;
    for (;;) {
      const candidates = adjacency.get(pointKey(end)) ?? [];
      const j = candidates.find((c) => !used[c]);
      if (j === undefined) break;
      used[j] = 1;
      const s = outer[j];
      end = pointKey(s.a) === pointKey(end) ? s.b : s.a;
      line.push(end);
    }
    lines.push(line);
  }
  return { type: "MultiLineString", coordinates: lines };
}
