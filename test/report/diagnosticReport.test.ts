/** The diagnostic report as a page: summary first, maps with outlines and legends, trends, tables, firms. */
import { JSDOM } from "jsdom";
import { describe, expect, it } from "vitest";
import {
  diagnosticReport,
  mappedActivities,
  topSpecialisations,
} from "../../engine/report/diagnosticReport.ts";
import { CANDIDATES, diagnosticFixture, FEATURES, ZONE } from "./diagnosticFixture.ts";

const trends = CANDIDATES.map((c) => ({
  candidateId: c.id,
  points: [2006, 2007, 2022].map((year, i) => ({
    year,
    jobs: c.jobs - 50 * (2 - i),
    establishments: 10,
    lqJobs: c.lqJobs,
  })),
}));
const firms = [
  {
    candidateId: CANDIDATES[0].id,
    firms: [
      {
        id: "F1",
        name: "Mécanique Alpha",
        naf: "25.62B",
        commune: "76001",
        headcount: 120,
        size_class: "sme" as const,
      },
      { id: "F2", name: "Usinage Bravo", naf: "25.62B", commune: "76002", headcount: null, size_class: null },
    ],
  },
  { candidateId: CANDIDATES[1].id, firms: [] },
];

function render(overrides: Partial<Parameters<typeof diagnosticReport>[0]> = {}) {
  return diagnosticReport({
    result: diagnosticFixture(),
    territory: "Test zone",
    source: "fixture",
    features: FEATURES,
    zone: ZONE,
    trends,
    firms,
    network: "a test network",
    ...overrides,
  });
}

describe("diagnosticReport", () => {
  const html = render();
  const doc = new JSDOM(html).window.document;

  it("opens with the summary: territory, year, counts, secret cells, candidates, single plants", () => {
    const first = doc.querySelector("main > section");
    expect(first?.id).toBe("summary");
    const text = first?.textContent ?? "";
    for (const s of [
      "Test zone",
      "2022",
      "10,000",
      "500",
      "Blank and secret cells",
      "1 truly secret",
      "Candidate districts and SPLs (3)",
    ])
      expect(text).toContain(s);
    expect(first?.querySelectorAll("ol li")).toHaveLength(3);
    expect(topSpecialisations(diagnosticFixture().levels[0], 1.5, 50)).toEqual([
      { activity: "29.10Z", jobs: 3500, communes: ["76004"] },
      { activity: "25.62B", jobs: 1020, communes: ["76001", "76002", "76005"] },
      { activity: "22.29A", jobs: 400, communes: ["76004"] },
    ]);
    expect(text).toContain("label of 25.62B: 1,020 jobs in Alpha, Bravo, Echo (of 5,000 in the zone");
    expect(text).toContain(
      "29.10Z Construction de véhicules automobiles at Delta: 3,500 jobs in 1 establishment",
    );
  });

  it("maps the candidates' activities and the single plants', one path per commune, outlines and a legend on each", () => {
    expect(mappedActivities(diagnosticFixture().levels[0], 6)).toEqual(["25.62B", "22.29A", "29.10Z"]);
    const maps = doc.querySelectorAll("figure.map");
    expect(maps).toHaveLength(3);
    const first = maps[0];
    expect(first.querySelectorAll("path[data-code]")).toHaveLength(6);
    expect(first.querySelector('path[data-code="76004"]')?.getAttribute("fill")).toMatch(/^url\(#/); // jobs secret
    expect(first.querySelector('path[data-code="76003"]')?.getAttribute("fill")).toBe("#d4d4d4");
    // The two candidates of 25.62B are outlined on its map; the other activity's is not.
    const outlined = [...first.querySelectorAll("path[data-outline]")].map((p) =>
      p.getAttribute("data-outline"),
    );
    expect(outlined).toEqual(["25.62B@76001", "25.62B@76005"]);
    for (const map of maps) {
      expect(map.querySelector(".legend")?.textContent).toContain("Location quotient of jobs");
      expect(map.querySelectorAll(".legend .swatch").length).toBeGreaterThanOrEqual(3);
    }
    const plant = doc.querySelector('figure.map[id="map-29-10z"] path[data-outline="29.10Z@76004:plant"]');
    expect(plant?.getAttribute("stroke-dasharray")).toBe("5,3");
  });

  it("plots the trends with a legend naming each candidate", () => {
    const section = doc.querySelector("section#trends");
    expect(section?.querySelectorAll("svg").length).toBeGreaterThanOrEqual(2);
    const legend = [...(section?.querySelectorAll(".maillage-plot-swatch") ?? [])].map((s) => s.textContent);
    expect(legend).toContain("#1 25.62B Alpha, Bravo");
  });

  it("has sortable tables with the candidate, single-plant, commune and activity rows", () => {
    const rows = (id: string) => doc.querySelectorAll(`table#${id} tbody tr`).length;
    expect(rows("candidates-table")).toBe(3);
    expect(rows("single-plant-table")).toBe(1);
    expect(rows("communes-table")).toBe(4);
    expect(rows("activities-table")).toBe(3);
    const firstCandidate = doc.querySelector("table#candidates-table tbody tr")?.textContent ?? "";
    expect(firstCandidate).toContain("Alpha, Bravo");
    expect(firstCandidate).toContain("★★☆");
    expect(doc.querySelectorAll("table.sortable").length).toBeGreaterThanOrEqual(5);
    expect(html).not.toContain("NaN");
    expect(html).not.toMatch(/undefined(?! value)/);
  });

  it("lists the firms of each candidate", () => {
    const firmsTable = doc.querySelector("section#firms table#firms-25-62b-76001");
    expect(firmsTable?.querySelectorAll("tbody tr")).toHaveLength(2);
    expect(firmsTable?.textContent).toContain("Mécanique Alpha");
    expect(doc.querySelector("section#firms")?.textContent).toContain(
      "1 candidate has no firm of the network: #2 22.29A.",
    );
    // Without a ranker there is no role column.
    expect(firmsTable?.textContent).not.toContain("Role");
  });

  it("is self-contained and deterministic", () => {
    expect(doc.querySelectorAll("script[src], link[href], img[src], iframe, object")).toHaveLength(0);
    expect(html).not.toMatch(/(src|href)\s*=\s*["']?https?:/i);
    expect(render()).toBe(html);
  });

  it("says what is left out when there are no boundaries, trends or network", () => {
    const d = new JSDOM(render({ features: undefined, trends: undefined, firms: undefined })).window.document;
    expect(d.querySelector("section#maps")?.textContent).toContain("the maps are left out");
    expect(d.querySelector("section#trends")?.textContent).toContain("the trends are left out");
    expect(d.querySelector("section#firms")?.textContent).toContain(
      "the firms of the candidates are left out",
    );
  });
});
