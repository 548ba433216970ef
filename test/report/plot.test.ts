/** Plots rendered to SVG in Node through jsdom, and the document shell. */
import { JSDOM } from "jsdom";
import { describe, expect, it } from "vitest";
import { htmlDocument } from "../../engine/report/html.ts";
import { linePlot } from "../../engine/report/plot.ts";

const series = [
  {
    name: "Automotive",
    points: [2006, 2007, 2008, 2009].map((x, i) => ({ x, y: [4000, 3800, null, 3500][i] })),
  },
  { name: "Pharmacy", points: [2006, 2009].map((x, i) => ({ x, y: [900, 1100][i] })) },
];

describe("linePlot", () => {
  const html = linePlot(series, { y: "Jobs", title: "Jobs by year", rule: 1000 });
  const doc = new JSDOM(html).window.document;

  it("draws one line per series, a legend naming them, and labelled axes", () => {
    expect(doc.querySelector("figcaption")?.textContent).toBe("Jobs by year");
    const lines = doc.querySelectorAll('g[aria-label="line"] path');
    expect(lines).toHaveLength(2);
    const legend = [...doc.querySelectorAll(".maillage-plot-swatch")].map((s) => s.textContent);
    expect(legend).toEqual(["Automotive", "Pharmacy"]);
    expect(doc.body.textContent).toContain("Jobs");
    expect(doc.body.textContent).toContain("Year");
    // Years are written as years, not "2,006".
    expect(doc.body.textContent).toContain("2006");
    expect(doc.body.textContent).not.toContain("2,006");
    // A missing year leaves no dot (a gap, not a zero).
    expect(doc.querySelectorAll('g[aria-label="dot"] circle')).toHaveLength(5);
  });

  it("is deterministic (fixed class names)", () => {
    expect(linePlot(series, { y: "Jobs", title: "Jobs by year", rule: 1000 })).toBe(html);
  });
});

describe("htmlDocument", () => {
  const html = htmlDocument({
    title: "Diagnostic <test>",
    subtitle: "zone",
    summary: "<p id='s'>first</p>",
    sections: [
      { id: "Maps of LQ", title: "Maps", body: "<p>map</p>" },
      { id: "tables", title: "Tables", body: "<p>t</p>" },
    ],
  });
  const doc = new JSDOM(html).window.document;

  it("puts the summary first, then the sections, with a table of contents", () => {
    const ids = [...doc.querySelectorAll("main > section")].map((s) => s.id);
    expect(ids).toEqual(["summary", "maps-of-lq", "tables"]);
    expect([...doc.querySelectorAll("nav a")].map((a) => a.getAttribute("href"))).toEqual([
      "#summary",
      "#maps-of-lq",
      "#tables",
    ]);
    expect(doc.title).toBe("Diagnostic <test>");
  });

  it("is self-contained: inline style and script, no external resource", () => {
    expect(doc.querySelectorAll("style").length).toBeGreaterThan(0);
    expect(doc.querySelectorAll("script[src], link[href], img[src]")).toHaveLength(0);
    expect(html).not.toMatch(/https?:\/\//);
  });
});
