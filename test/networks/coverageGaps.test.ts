/** Candidates no network covers and commune gaps, on the hand-made registry (handMadeRegistry.ts). */
import { describe, expect, it } from "vitest";
import { nafLabel } from "../../engine/model/nafLabels.ts";
import { registryContext } from "../../engine/networks/context.ts";
import { candidateCoverage, communeGaps } from "../../engine/networks/coverageGaps.ts";
import { memberSetsAt } from "../../engine/networks/pilotIndicators.ts";
import type { EstablishmentRow } from "../../engine/store/loadEstablishments.ts";
import type { Candidate, NafLevel } from "../../engine/territory/types.ts";
import { handMadeRegistry, registered } from "./handMadeRegistry.ts";

function candidate(
  id: string,
  level: NafLevel,
  activity: string,
  communes: string[],
  jobs: number,
): Candidate {
  return {
    id,
    rank: 1,
    level,
    activity,
    label: null,
    communes,
    communeNames: communes.map(() => null),
    seeds: communes.slice(0, 1),
    jobs,
    establishments: 6,
    lqJobs: 2,
    lqEstablishments: 2,
    shareOfZoneJobs: 0.1,
    shareOfActivityJobs: 0.5,
    totalJobs: 1000,
    averageSize: jobs / 6,
    smeShare: null,
    baseYear: 2019,
    jobsBase: null,
    lqJobsBase: null,
    lqChange: null,
    krugman: null,
    krugmanRest: null,
    mainActivities: [],
    stars: { stars: 0, size: false, specialisation: false, focus: false },
    secretCells: 0,
  };
}

const row = (
  commune: string,
  naf: string,
  establishments: number | null,
  jobs: number | null,
  year = 2024,
): EstablishmentRow => ({ commune, naf, year, establishments, jobs, size_class: null });

describe("candidateCoverage", () => {
  it("lists the networks of the candidate's activity whose territory meets it", () => {
    const { registry } = handMadeRegistry();
    // A generalist network over 74020 (no activity list): listed apart, covers nothing.
    const networks = [...registry.networks, registered("N5", { territory: ["74020"] })];
    const result = candidateCoverage(
      networks,
      [
        // 25.62 in 74001 + 74005: N1 (25.62), N2 (25 ⊇ 25.62), N4 (25.62A ⊂ 25.62) all serve 74001.
        candidate("25.62@74001", "class", "25.62", ["74001", "74005"], 300),
        // 28 in 74003: N2 serves 74003 but 25 and 28 are unrelated → uncovered.
        candidate("28@74003", "division", "28", ["74003"], 200),
        // 10.71 in 74020: N3 (10 ⊇ 10.71) serves only 74010 → uncovered; N5 is a generalist there.
        candidate("10.71@74020", "class", "10.71", ["74020"], 80),
      ],
      "2024-12-31",
    );
    expect(result.map((c) => [c.candidate, c.covered, c.networks.map((n) => n.id)])).toEqual([
      ["25.62@74001", true, ["N1", "N2", "N4"]],
      ["28@74003", false, []],
      ["10.71@74020", false, []],
    ]);
    expect(result[0].networks[0].sharedCommunes).toEqual(["74001"]);
    expect(result[2].generalNetworks.map((n) => n.id)).toEqual(["N5"]);
    // N1 ended before asOf no longer covers.
    const ended = registry.networks.map((n) => (n.id === "N1" ? { ...n, ended: "2024-06-30" } : n));
    const again = candidateCoverage(
      ended,
      [candidate("25.62@74001", "class", "25.62", ["74001"], 300)],
      "2024-12-31",
    );
    expect(again[0].networks.map((n) => n.id)).toEqual(["N2", "N4"]);
  });
});

describe("communeGaps", () => {
  /**
   * 2024 cells by division (establishments): 74001: 25 = 10 + 2 = 12, 47 = 8; 74010: 10 = 15, 47 = 5;
   * 74020: 10 = 3, 47 = 30; 74030: 28 = 11, 47 = 9. e_i: 74001 20, 74010 20, 74020 33, 74030 20;
   * E_j: 25 12, 47 52, 10 18, 28 11; E = 93. 2023 and 2025 rows are ignored (reference year 2024).
   */
  const table: EstablishmentRow[] = [
    row("74001", "25.62A", 10, 100),
    row("74001", "25.62B", 2, null),
    row("74001", "47.11B", 8, 30),
    row("74010", "10.71C", 15, 60),
    row("74010", "47.11B", 5, 10),
    row("74020", "10.71C", 3, 9),
    row("74020", "47.11B", 20, 80),
    row("74020", "47.19A", 10, 40),
    row("74030", "28.41Z", 11, 200),
    row("74030", "47.11B", 9, 20),
    row("74030", "28.41Z", 50, 900, 2023),
    row("74020", "47.11B", 500, 900, 2025),
  ];

  it("finds specialised communes with no member of a network of the activity", () => {
    const { registry, graph } = handMadeRegistry();
    const sets = memberSetsAt(registryContext(registry, graph), "2024-12-31");
    const result = communeGaps(table, registry.networks, sets, graph, "2024-12-31");
    expect([result.year, result.level, result.minEstablishments, result.minLq]).toEqual([
      2024,
      "division",
      10,
      1.5,
    ]);
    // Cells with ≥ 10 establishments and LQ ≥ 1.5:
    //  74001/25: (12/20)/(12/93) = 4.65 — N1, N2, N4 have A and B in 74001 → covered;
    //  74010/10: (15/20)/(18/93) = 3.875 — N3 has F, G, H in 74010 → covered;
    //  74020/47: (30/33)/(52/93) = 2790/1716 = 1.625874 — no network of 47 → gap;
    //  74030/28: (11/20)/(11/93) = 4.65 — no network of 28 → gap.
    // Below the thresholds: 74001/47 (8), 74030/47 (9), 74020/10 (3), 74010/47 (5).
    expect(result.gaps).toEqual([
      {
        commune: "74020",
        level: "division",
        activity: "47",
        label: nafLabel("47"),
        establishments: 30,
        jobs: 120,
        lq: 1.625874,
      },
      {
        commune: "74030",
        level: "division",
        activity: "28",
        label: nafLabel("28"),
        establishments: 11,
        jobs: 200,
        lq: 4.65,
      },
    ]);
    // A member of a network of 28 located in 74030 closes the second gap: give N2 the activity 28 and
    // move E (a member of N2 at asOf) to 74030.
    graph.setNodeAttribute("E", "commune", "74030");
    const networks = registry.networks.map((n) => (n.id === "N2" ? { ...n, activities: ["25", "28"] } : n));
    expect(communeGaps(table, networks, sets, graph, "2024-12-31").gaps.map((g) => g.activity)).toEqual([
      "47",
    ]);
  });

  it("follows the level and thresholds given, and says when no year fits", () => {
    const { registry, graph } = handMadeRegistry();
    const sets = memberSetsAt(registryContext(registry, graph), "2024-12-31");
    // Section level (C = 10, 25, 28; G = 47): E_C = 12 + 15 + 3 + 11 = 41, E_G = 52, E = 93; minLq 1.2.
    //  74001/C: (12/20)/(41/93) = 1.360976, covered (N1, N2, N4 are of 25 ⊂ C; A, B in 74001);
    //  74010/C: (15/20)/(41/93) = 1.701220, covered (N3 of 10 ⊂ C; F, G, H in 74010);
    //  74020/G: (30/33)/(52/93) = 1.625874, gap (no network of G or of a code inside it);
    //  74030/C: (11/20)/(41/93) = 1.247561 ≥ 1.2, gap (no member of a C network in 74030).
    const sections = communeGaps(table, registry.networks, sets, graph, "2024-12-31", {
      level: "section",
      minLq: 1.2,
    });
    expect(sections.gaps.map((g) => [g.commune, g.activity, g.establishments, g.lq])).toEqual([
      ["74020", "G", 30, 1.625874],
      ["74030", "C", 11, 1.247561],
    ]);
    expect(communeGaps(table, registry.networks, sets, graph, "2022-12-31").year).toBeNull();
  });
});
