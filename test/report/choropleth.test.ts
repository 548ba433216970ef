/** Choropleth maps: one path per commune, fills from the classed scale, grey outside, outlines, legend. */
import { geoArea } from "d3-geo";
import { schemeRdBu } from "d3-scale-chromatic";
import { JSDOM } from "jsdom";
import { describe, expect, it } from "vitest";
import { findDataset } from "../../datasets/index.ts";
import { choropleth, lqScale } from "../../engine/report/choropleth.ts";
import {
  type CommuneFeature,
  groupOutline,
  readCommuneFeatures,
  rewindFeature,
} from "../../engine/report/geo.ts";
import { tempDir, writeIn } from "../helpers.ts";

/** A square commune of side 0.1° with its lower-left corner at (x, y), wound as RFC 7946 says (counter-clockwise). */
function square(code: string, x: number, y: number): CommuneFeature {
  const s = 0.1;
  const ring: [number, number][] = [
    [x, y],
    [x + s, y],
    [x + s, y + s],
    [x, y + s],
    [x, y],
  ];
  return rewindFeature({
    type: "Feature",
    properties: { code, nom: `Commune ${code}` },
    geometry: { type: "Polygon", coordinates: [ring] },
  });
}

// A 3 x 2 grid near Rouen; the last column is outside the zone.
const grid = [
  square("76001", 1.0, 49.4),
  square("76002", 1.1, 49.4),
  square("76003", 1.2, 49.4),
  square("76004", 1.0, 49.5),
  square("76005", 1.1, 49.5),
  square("76006", 1.2, 49.5),
];
const zone = new Set(["76001", "76002", "76004", "76005"]);
const values = new Map<string, number | null>([
  ["76001", 0.3],
  ["76002", 1.6],
  ["76004", 5],
  ["76005", null],
]);

function parse(html: string) {
  return new JSDOM(html).window.document;
}

describe("geo helpers", () => {
  it("winds rings so that d3-geo sees small polygons, not the globe minus them", () => {
    for (const f of grid) expect(geoArea(f)).toBeLessThan(0.001);
  });

  it("outlines a group by its outer boundary: two squares sharing a side give 6 unit segments", () => {
    const outline = groupOutline(grid, ["76001", "76002"]);
    const segments = outline.coordinates.reduce((n, line) => n + line.length - 1, 0);
    expect(segments).toBe(6);
    const points = outline.coordinates.flat().map((p) => p.join(","));
    // The shared side runs from (1.1, 49.4) to (1.1, 49.5): both ends are on the boundary, but no segment joins them.
    for (const line of outline.coordinates)
      for (let k = 1; k < line.length; k++) {
        const [a, b] = [line[k - 1], line[k]];
        const interior = Math.abs(a[0] - 1.1) < 1e-9 && Math.abs(b[0] - 1.1) < 1e-9;
        expect(interior).toBe(false);
      }
    expect(points).toContain("1.1,49.4");
  });

  it("reads the built-in GeoJSON of Seine-Maritime (711 communes) and names a bad file", () => {
    const features = readCommuneFeatures(findDataset("rouen")?.files.geo?.boundaries ?? "");
    expect(features).toHaveLength(711);
    expect(features.every((f) => geoArea(f) < 0.01)).toBe(true);
    const dir = tempDir();
    const bad = writeIn(dir, "bad.geojson", '{"type":"FeatureCollection","features":[{"properties":{}}]}');
    expect(() => readCommuneFeatures(bad)).toThrow(/bad\.geojson: feature 1 needs properties\.code/);
  });
});

describe("choropleth", () => {
  const html = choropleth({
    id: "lq-test",
    title: "LQ of test activity",
    features: grid,
    zone,
    values,
    scale: lqScale(),
    outlines: [{ id: "cand-1", label: "Candidate 1", communes: ["76001", "76002"] }],
    fit: "all",
  });
  const doc = parse(html);
  const fillOf = (code: string) => doc.querySelector(`path[data-code="${code}"]`)?.getAttribute("fill");

  it("draws one path per commune, with the class colour of its value", () => {
    expect(doc.querySelectorAll("g.communes path[data-code]")).toHaveLength(6);
    const colours = [...schemeRdBu[7]].reverse();
    expect(fillOf("76001")).toBe(colours[0]); // 0.3 < 0.5
    expect(fillOf("76002")).toBe(colours[4]); // 1.5 ≤ 1.6 < 2
    expect(fillOf("76004")).toBe(colours[6]); // ≥ 4
    expect(fillOf("76005")).toBe("url(#lq-test-nodata)");
    expect(doc.querySelector("pattern#lq-test-nodata")).not.toBeNull();
    for (const c of ["76003", "76006"]) expect(fillOf(c)).toBe("#d4d4d4");
    expect(doc.querySelector('path[data-code="76002"] title')?.textContent).toBe(
      "Commune 76002 (76002): 1.60",
    );
    for (const p of doc.querySelectorAll("path[data-code]"))
      expect(p.getAttribute("d")).toMatch(/^M[\d.,-]+L/);
  });

  it("outlines the candidate and has a legend with the scale and every special entry", () => {
    const outline = doc.querySelector('g.outlines path[data-outline="cand-1"]');
    expect(outline?.getAttribute("fill")).toBe("none");
    expect(outline?.getAttribute("d")).toMatch(/^M/);
    const legend = doc.querySelector(".legend");
    expect(legend?.textContent).toContain("Location quotient of jobs");
    // The threshold ramp: one rect per class.
    expect(legend?.querySelectorAll("svg rect[fill^='#']").length).toBeGreaterThanOrEqual(7);
    const swatches = [...doc.querySelectorAll(".legend .swatch")].map((s) => s.textContent);
    expect(swatches).toEqual([
      "no published value",
      "border of the study zone",
      "outside the study zone",
      "Candidate 1",
    ]);
  });

  it("fits the projection to the zone by default: the frame is the zone's, and communes beyond it are not drawn", () => {
    const far = square("76999", 0.2, 49.9);
    const d = parse(
      choropleth({ id: "m", title: "t", features: [...grid, far], zone, values, scale: lqScale() }),
    );
    expect(d.querySelector('path[data-code="76999"]')).toBeNull();
    expect(d.querySelectorAll("path[data-code]").length).toBeGreaterThanOrEqual(4);
  });

  it("is deterministic", () => {
    const again = choropleth({
      id: "lq-test",
      title: "LQ of test activity",
      features: grid,
      zone,
      values,
      scale: lqScale(),
      outlines: [{ id: "cand-1", label: "Candidate 1", communes: ["76001", "76002"] }],
      fit: "all",
    });
    expect(again).toBe(html);
  });
});
