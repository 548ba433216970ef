import { describe, expect, it } from "vitest";
import { departementOf, normalizeCommune } from "../../engine/model/commune.ts";
import { overlaps, parseDate } from "../../engine/model/dates.ts";
import { nafClass, nafDivision, nafGroup, nafSection, normalizeNaf } from "../../engine/model/naf.ts";
import { sizeClassOf } from "../../engine/model/sizeClass.ts";
import {
  canonicalToken,
  linkCategory,
  parseActorKind,
  parseLinkKind,
  parseSubtype,
} from "../../engine/model/vocabulary.ts";

describe("NAF codes", () => {
  it.each([
    ["2562A", "25.62A"],
    ["25.62A", "25.62A"],
    ["25.62a", "25.62A"],
    [" 29 10 Z ", "29.10Z"],
    ["2910", undefined],
    ["25.62AB", undefined],
    ["", undefined],
  ])("normalises %j to %j", (raw, expected) => {
    expect(normalizeNaf(raw)).toBe(expected);
  });
  it("walks the hierarchy", () => {
    expect([nafSection("25.62A"), nafDivision("25.62A"), nafGroup("25.62A"), nafClass("25.62A")]).toEqual([
      "C",
      "25",
      "25.6",
      "25.62",
    ]);
    expect(nafSection("01.11Z")).toBe("A");
    expect(nafSection("99.00Z")).toBe("U");
    expect(nafSection("04.00Z")).toBeUndefined();
  });
});

describe("commune codes", () => {
  it.each([
    ["76540", "76540"],
    ["2A004", "2A004"],
    ["2b033", "2B033"],
    ["1001", "01001"],
    ["97411", "97411"],
    ["761", undefined],
    ["7654O", undefined],
  ])("normalises %j to %j", (raw, expected) => {
    expect(normalizeCommune(raw)).toBe(expected);
  });
  it("finds the département, overseas included", () => {
    expect([departementOf("76540"), departementOf("2A004"), departementOf("97411")]).toEqual([
      "76",
      "2A",
      "974",
    ]);
  });
});

describe("size classes (INSEE headcount thresholds)", () => {
  it.each([
    [0, "micro"],
    [9, "micro"],
    [10, "sme"],
    [249, "sme"],
    [250, "midcap"],
    [4999, "midcap"],
    [5000, "large"],
    [null, null],
  ])("%j employees is %j", (headcount, expected) => {
    expect(sizeClassOf(headcount)).toBe(expected);
  });
});

describe("dates", () => {
  it.each([
    ["2015-06-30", {}, "2015-06-30"],
    ["2015-06", {}, "2015-06-01"],
    ["2015-06", { end: true }, "2015-06-30"],
    ["2016-02", { end: true }, "2016-02-29"],
    ["2015", {}, "2015-01-01"],
    ["2015", { end: true }, "2015-12-31"],
    ["30/06/2015", {}, "2015-06-30"],
    ["01.06.2020", {}, "2020-06-01"],
    ["2020-06-01T00:00:00Z", {}, "2020-06-01"],
    ["31/02/2020", {}, undefined],
    ["2015-13", {}, undefined],
    ["yesterday", {}, undefined],
  ])("reads %j (%j) as %j", (raw, options, expected) => {
    expect(parseDate(raw, options)).toBe(expected);
  });
  it("tells whether a link is active in a period, open ends included", () => {
    expect(overlaps("2015-01-01", "2016-12-31", "2017-01-01", null)).toBe(false);
    expect(overlaps("2015-01-01", null, "2017-01-01", "2018-01-01")).toBe(true);
    expect(overlaps(null, "2014-12-31", "2015-01-01", null)).toBe(false);
    expect(overlaps("2019-01-01", null, null, "2018-12-31")).toBe(false);
  });
});

describe("vocabulary", () => {
  it("maps French synonyms, accents, case, spaces and hyphens", () => {
    expect(canonicalToken(" Co-Production ")).toBe("co_production");
    expect(parseLinkKind("Sous-traitance")).toBe("subcontracting");
    expect(parseLinkKind("adhésion")).toBe("membership");
    expect(parseLinkKind("joint purchasing")).toBe("joint_purchasing");
    expect(parseActorKind("Entreprise")).toBe("firm");
    expect(parseActorKind("CCI")).toBe("chamber");
    expect(parseSubtype("pôle de compétitivité")).toBe("pole");
    expect(parseLinkKind("teleportation")).toBeUndefined();
  });
  it("derives the category from the kind", () => {
    expect(linkCategory("supply")).toBe("market");
    expect(linkCategory("shared_employer")).toBe("market");
    expect(linkCategory("mentoring")).toBe("non_market");
    expect(linkCategory("other")).toBe("unknown");
  });
});

describe("NAF labels", () => {
  it("labels every level of the hierarchy", async () => {
    const { nafAtLevel, nafLabel } = await import("../../engine/model/nafLabels.ts");
    const levels = ["section", "division", "group", "class", "subclass"] as const;
    expect(levels.map((l) => nafAtLevel("29.10Z", l))).toEqual(["C", "29", "29.1", "29.10", "29.10Z"]);
    expect(nafLabel("29.10Z")).toBe("Construction de véhicules automobiles");
    expect(nafLabel("C")).toBe("Industrie manufacturière");
    expect(nafLabel("49.41A")).toBe("Transports routiers de fret interurbains");
    expect(nafLabel("99.99Z")).toBeUndefined();
  });
  it("has a label for every activity of the Rouen URSSAF table", async () => {
    const { readCsv } = await import("../../engine/io/csvRead.ts");
    const { nafLabel } = await import("../../engine/model/nafLabels.ts");
    const file = new URL(
      "../../datasets/rouen/establishments/urssaf_commune_ape_2006_2022_rouen.csv",
      import.meta.url,
    );
    const table = readCsv(file.pathname);
    const column = table.header.indexOf("Code APE");
    const codes = new Set(table.records.map((r) => normalizeNaf(r.cells[column]) as string));
    expect(codes.size).toBe(570);
    expect([...codes].filter((c) => nafLabel(c) === undefined)).toEqual([]);
  });
});
