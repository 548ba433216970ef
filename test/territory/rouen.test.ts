/**
 * The diagnostic on the real Rouen URSSAF table (2022 against 2006): the pivot plants come out as
 * single-plant concentrations, the synthetic district's activity is found as a candidate covering its
 * five communes, candidates meet their rules, and the in-memory path gives the store path's results.
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { opinionLeaders } from "../../engine/analyse/leaders/opinionLeaders.ts";
import { readNetwork } from "../../engine/io/index.ts";
import { closeStore, loadEstablishments, type Store } from "../../engine/store/index.ts";
import {
  candidateFirms,
  candidateLeaderRanker,
  type DiagnosticResult,
  type LevelDiagnostic,
  territorialDiagnostic,
} from "../../engine/territory/index.ts";
import { rouen, rouenAdjacency, rouenDiagnostic } from "./rouenFixture.ts";

const truth = JSON.parse(readFileSync(rouen.files.truth as string, "utf8")) as {
  district: { communes: string[]; naf: string; firms: string[] };
  pivot: { commune: string; naf: string };
  leaders: { reseau_de_firmes: { leaders: string[] } };
};

let store: Store;
let result: DiagnosticResult;
let sub: LevelDiagnostic;
beforeAll(async () => {
  ({ store, result } = await rouenDiagnostic({ levels: ["subclass", "division"] }));
  sub = result.levels[0];
});
afterAll(() => closeStore(store));

describe("Rouen diagnostic", () => {
  it("states its options, years and the commune codes it mapped", () => {
    expect(result.options).toMatchObject({
      year: 2022,
      baseYear: 2006,
      minLq: 1.5,
      minJobs: 50,
      reference: "zone",
    });
    expect(result.years[0]).toBe(2006);
    // Saint-Pierre-de-Varengeville 76358 merged into 76455 (Le Mesnil-sous-Jumièges is not; the COG says so).
    expect(result.communeMapping.mapped).toContainEqual(
      expect.objectContaining({ from: "76358", to: "76455", reason: "ancien-code" }),
    );
    expect(result.communeMapping.unknown).toEqual([]);
    expect(result.communeMapping.adjacency.mapped).toBeGreaterThan(0);
  });

  it("finds the Cléon car plant and the Le Trait pharmaceutical plant as single-plant concentrations", () => {
    const cleon = sub.singlePlant.find((s) => s.commune === "76178" && s.activity === "29.10Z");
    expect(cleon).toMatchObject({ communeName: "Cléon", establishments: 1 });
    expect(cleon?.jobs).toBeGreaterThanOrEqual(3000);
    const trait = sub.singlePlant.find((s) => s.commune === "76709" && s.activity === "21.20Z");
    expect(trait).toMatchObject({ communeName: "Le Trait", establishments: 1 });
    expect(trait?.lqJobs).toBeGreaterThan(10);
    // and neither is a candidate district (fewer than 3 establishments: no seed)
    expect(sub.candidates.some((c) => c.activity === "29.10Z" && c.communes.includes("76178"))).toBe(false);
  });

  it("finds the synthetic district's activity in a contiguous candidate holding its five communes", () => {
    const found = sub.candidates.filter((c) => c.activity === truth.district.naf);
    expect(found).toHaveLength(1);
    for (const commune of truth.district.communes) expect(found[0].communes).toContain(commune);
    expect(found[0].lqJobs).toBeGreaterThan(2);
    expect(found[0].rank).toBeLessThanOrEqual(10);
  });

  it("keeps candidates to their rules: seeds, contiguity, establishments, ranking", () => {
    const neighbours = new Map<string, Set<string>>();
    for (const { a, b } of rouenAdjacency()) {
      if (!neighbours.has(a)) neighbours.set(a, new Set());
      if (!neighbours.has(b)) neighbours.set(b, new Set());
      neighbours.get(a)?.add(b);
      neighbours.get(b)?.add(a);
    }
    const cell = new Map(sub.cells.map((c) => [`${c.commune}|${c.activity}`, c]));
    expect(sub.candidates.length).toBeGreaterThan(10);
    sub.candidates.forEach((c, i) => {
      expect(c.rank).toBe(i + 1);
      expect(c.establishments).toBeGreaterThanOrEqual(5);
      for (const s of c.seeds) {
        const seed = cell.get(`${s}|${c.activity}`);
        expect(seed?.lqJobs).toBeGreaterThanOrEqual(1.5);
        expect(seed?.jobs).toBeGreaterThanOrEqual(50);
        expect(seed?.establishments).toBeGreaterThanOrEqual(3);
      }
      // connected through the adjacency (76358 is 76455 in the current vintage: both ends are mapped)
      const inGroup = new Set(c.communes);
      const reached = new Set([c.communes[0]]);
      const stack = [c.communes[0]];
      while (stack.length) {
        const x = stack.pop() as string;
        for (const n of neighbours.get(x) ?? [])
          if (inGroup.has(n) && !reached.has(n)) {
            reached.add(n);
            stack.push(n);
          }
      }
      if (!c.communes.includes("76455")) expect(reached.size).toBe(c.communes.length);
      if (i > 0) expect(sub.candidates[i - 1].jobs).toBeGreaterThanOrEqual(c.jobs);
      expect(c.stars.stars).toBe(
        Number(c.stars.size) + Number(c.stars.specialisation) + Number(c.stars.focus),
      );
      expect(c.stars.specialisation).toBe((c.lqJobs ?? 0) >= 2);
    });
    for (const s of sub.singlePlant) {
      expect(s.establishments).toBeLessThanOrEqual(2);
      expect(s.lqJobs).toBeGreaterThanOrEqual(1.5);
      expect(s.jobs).toBeGreaterThanOrEqual(50);
    }
  });

  it("gives a one-commune group the commune's own Krugman", () => {
    const single = sub.candidates.find((c) => c.communes.length === 1);
    expect(single).toBeDefined();
    const commune = sub.communes.find((c) => c.commune === single?.communes[0]);
    expect(Math.abs((single?.krugman ?? 0) - (commune?.krugman ?? 1))).toBeLessThan(1e-9);
    expect(Math.abs((single?.krugmanRest ?? 0) - (commune?.krugmanRest ?? 1))).toBeLessThan(1e-9);
  });

  it("reports the truly secret cells of the year", async () => {
    const rows = await loadEstablishments(store, { years: [2022] });
    const secret = rows.filter((r) => r.establishments !== null && r.jobs === null);
    expect(result.secret.rows).toBe(rows.length);
    expect(result.secret.secretRows).toBe(secret.length);
    expect(result.secret.secretEstablishments).toBe(secret.reduce((s, r) => s + (r.establishments ?? 0), 0));
    expect(result.secret.byActivity.reduce((s, a) => s + a.rows, 0)).toBe(secret.length);
    expect(result.notes.join(" ")).toMatch(/equal-sized establishments/);
  });

  it("gives the same results from in-memory rows as from the store, run after run", async () => {
    const rows = await loadEstablishments(store);
    const again = await territorialDiagnostic(rows, {
      adjacency: rouenAdjacency(),
      levels: ["subclass", "division"],
    });
    expect(JSON.stringify(again)).toBe(JSON.stringify(result));
  });

  it("accepts the store itself as the reference territory (same results as the zone)", async () => {
    const same = await territorialDiagnostic(store, {
      adjacency: rouenAdjacency(),
      levels: ["division"],
      reference: store,
    });
    const zone = result.levels[1];
    expect(same.options.reference).toBe("external");
    expect(same.levels[0].cells).toEqual(zone.cells);
    expect(same.levels[0].candidates).toEqual(zone.candidates);
  });

  it("lists the built-in network's district firms in the district candidate, its planted leaders first", async () => {
    const { graph } = await readNetwork({
      nodes: rouen.files.actors as string,
      edges: rouen.files.links as string,
    });
    const district = sub.candidates.find((c) => c.activity === truth.district.naf);
    if (!district) throw new Error("no district candidate");
    const firms = candidateFirms(graph, district);
    const ids = new Set(firms.firms.map((f) => f.id));
    for (const id of truth.district.firms) expect(ids.has(id)).toBe(true);
    expect(firms.leaders).toBeUndefined();
    // The whole network ranked once; the district's planted leaders are its top-ranked firms.
    const ranking = opinionLeaders(graph);
    const ranked = candidateFirms(graph, district, { rankLeaders: candidateLeaderRanker(ranking) });
    const planted = truth.leaders.reseau_de_firmes.leaders;
    expect(new Set(ranked.leaders?.map((l) => l.id))).toEqual(new Set(planted));
    expect(ranked.leaders?.map((l) => l.rank)).toEqual([1, 2, 3, 4, 5]);
    expect(new Set(ranked.firms.slice(0, planted.length).map((f) => f.id))).toEqual(new Set(planted));
    expect(ranked.firms.map((f) => f.id).sort()).toEqual([...ids].sort());
    for (const l of ranked.leaders ?? []) {
      const inNetwork = ranking.ranking.find((r) => r.id === l.id);
      expect(l).toMatchObject({
        networkRank: inNetwork?.rank,
        role: inNetwork?.role,
        score: inNetwork?.score,
        degree: inNetwork?.evidence.degree,
        betweenness: inNetwork?.evidence.betweenness,
        constraint: inNetwork?.evidence.constraint,
      });
      expect(l.evidence).toContain(`rank ${l.networkRank} of ${graph.order} in the network`);
      expect(l.evidence).toContain(`degree ${l.degree}`);
    }
    // Leaders are ranked by the network, not by size: best network rank first.
    const ranks = ranked.leaders?.map((l) => l.networkRank) ?? [];
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    // A limit of 2 keeps the first two.
    const two = candidateFirms(graph, district, {
      rankLeaders: candidateLeaderRanker(ranking, { limit: 2 }),
    });
    expect(two.leaders?.map((l) => l.id)).toEqual(ranked.leaders?.slice(0, 2).map((l) => l.id));
  });
});
