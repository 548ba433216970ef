import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { findDataset } from "../../../datasets/index.ts";
import { opinionLeaders } from "../../../engine/analyse/leaders/opinionLeaders.ts";
import { percentileRanks } from "../../../engine/analyse/leaders/percentile.ts";
import { readNetwork } from "../../../engine/io/readNetwork.ts";
import { buildNetwork } from "../../../engine/model/graph.ts";
import { type Actor, blankActor } from "../../../engine/model/types.ts";
import { actorView } from "../../../engine/model/views.ts";
import { link as builtLink } from "../../networkBuilders.ts";

describe("percentile ranks", () => {
  it("counts ties half and puts undefined values at 0", () => {
    const r = percentileRanks(
      new Map<string, number | null>([
        ["a", 1],
        ["b", 2],
        ["c", 2],
        ["d", 5],
        ["e", null],
      ]),
    );
    // n = 5, so a rank is (values below + ties / 2) / 4.
    expect(Object.fromEntries(r)).toEqual({ a: 1 / 4, b: 2.5 / 4, c: 2.5 / 4, d: 1, e: 0 });
  });
});

const firm = (id: string, naf: string, headcount = 20): Actor => ({
  ...blankActor(id, "firm"),
  naf,
  headcount,
  size_class: headcount >= 250 ? "midcap" : "sme",
});
/** An undirected information tie. */
const link = (source: string, target: string) => builtLink(source, target, "information");

describe("opinion leaders on a drawn network", () => {
  // Two sector cliques (25.xx and 46.xx) joined only through B, an engineering office tied to two
  // members of each; BIG is a mid-cap hanging off one clique member: large but peripheral.
  //   A1─A2─A3 (clique)            C1─C2─C3 (clique)
  //      A2, A3 ── B ── C1, C2
  //   BIG ── A1
  const actors = [
    firm("A1", "25.62A"),
    firm("A2", "25.62A"),
    firm("A3", "25.62A"),
    firm("B", "71.12B"),
    firm("C1", "46.69B"),
    firm("C2", "46.69B"),
    firm("C3", "46.69B"),
    firm("BIG", "25.62A", 1200),
  ];
  const links = [
    link("A1", "A2"),
    link("A2", "A3"),
    link("A1", "A3"),
    link("C1", "C2"),
    link("C2", "C3"),
    link("C1", "C3"),
    link("A2", "B"),
    link("A3", "B"),
    link("B", "C1"),
    link("B", "C2"),
    link("BIG", "A1"),
  ];
  const result = opinionLeaders(buildNetwork(actors, links), { limit: 3 });

  it("ranks the bridge between the two sectors first, as a broker, with its evidence", () => {
    expect(result.leaders[0].id).toBe("B");
    // B is also the best-connected actor, so it is a hub as much as a broker.
    expect(result.leaders[0].role).toBe("broker_hub");
    expect(result.leaders[0].percentiles.betweenness).toBe(1);
    expect(result.leaders[0].evidence.crossGroupBrokerage).toBeGreaterThan(0);
    // Four contacts, p = 1/4 each, each reachable again through a clique mate (1/4 · 1/3):
    // c = 4 · (1/4 + 1/12)² = 4/9.
    expect(result.leaders[0].evidence.constraint).toBeCloseTo(4 / 9, 12);
    expect(result.leaders.map((l) => l.rank)).toEqual([1, 2, 3]);
  });
  it("lists the large but peripheral firm apart", () => {
    expect(result.largeButPeripheral.map((l) => l.id)).toEqual(["BIG"]);
  });
  it("lists the best member of each sector", () => {
    expect(Object.keys(result.byGroup)).toEqual(["25", "46", "71"]);
    expect(result.byGroup["71"].map((l) => l.id)).toEqual(["B"]);
  });
  it("gives null measures, not NaN, to actors outside any network", () => {
    const alone = opinionLeaders(buildNetwork([...actors, firm("X", "25.62A")], links));
    const x = alone.ranking.find((l) => l.id === "X");
    expect(x?.evidence).toMatchObject({
      network: null,
      betweenness: null,
      eigenvector: null,
      pagerank: null,
      reach2: null,
    });
    expect(Number.isNaN(x?.score)).toBe(false);
    expect(x?.rank).toBe(alone.ranking.length);
  });
});

describe("opinion leaders on the built-in rouen network", () => {
  it("finds the planted pivot and district leaders in the top 10 overall and as the top of their networks", async () => {
    const d = findDataset("rouen");
    if (!d?.files.truth) throw new Error("rouen dataset missing");
    const truth = JSON.parse(readFileSync(d.files.truth, "utf8"));
    const { graph } = await readNetwork({ nodes: d.files.actors, edges: d.files.links });
    const planted = [truth.leaders.firme_reseau.hub, ...truth.leaders.reseau_de_firmes.leaders];
    // The whole network, memberships included (what `maillage analyse` ranks by default).
    const whole = opinionLeaders(graph, { limit: 10 });
    expect(whole.leaders[0].id).toBe(truth.leaders.firme_reseau.hub);
    expect(planted.filter((id) => !whole.leaders.some((l) => l.id === id))).toEqual([]);
    // The firm-to-firm view: each planted structure is its own network.
    const firms = actorView(graph, "firm");
    const result = opinionLeaders(firms);
    expect(result.leaders[0].id).toBe(truth.leaders.firme_reseau.hub);
    const district = result.byNetwork.find((n) => n.leaders.some((l) => truth.district.firms.includes(l.id)));
    expect(district?.size).toBe(truth.district.firms.length);
    expect(new Set(district?.leaders.map((l) => l.id))).toEqual(
      new Set(truth.leaders.reseau_de_firmes.leaders),
    );
    const pivotNetwork = result.byNetwork.find((n) => n.leaders[0].id === truth.leaders.firme_reseau.hub);
    expect(pivotNetwork?.size).toBe(1 + truth.pivot.tier1.length + truth.pivot.tier2.length);
    // Same input, same output.
    expect(JSON.stringify(opinionLeaders(firms))).toBe(JSON.stringify(result));
  });
});
