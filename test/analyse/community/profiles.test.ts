import { describe, expect, it } from "vitest";
import { analysisGraph } from "../../../engine/analyse/analysisGraph.ts";
import { communityProfiles, louvain } from "../../../engine/analyse/community/index.ts";
import { actorView } from "../../../engine/model/views.ts";
import { actor, link, network, rouenNetwork, rouenTruth } from "./maillageNetworks.ts";

describe("communityProfiles on a hand-checked network", () => {
  const net = network(
    [
      actor("a", { name: "A", naf: "25.62A", commune: "76540", size_class: "sme" }),
      actor("b", { naf: "25.62B", commune: "76540", size_class: "micro" }),
      actor("c", { naf: "28.41Z", commune: "76351", size_class: "sme" }),
      actor("d", { kind: "association" }),
      actor("e", { naf: "49.41A", commune: "76351" }),
    ],
    [
      link("a", "b", "supply", { weight: 2 }),
      link("a", "b", "advice"),
      link("a", "c", "co_production"),
      link("b", "c", "friendship"),
      link("a", "d", "membership"),
      link("c", "e", "supply", { weight: 3 }),
      link("d", "e", "other"),
    ],
  );
  const partition = { a: 0, b: 0, c: 0, d: 1, e: 1 };
  const [first, second] = communityProfiles(net, partition, { keyMembers: 2 });

  it("size, internal links, density and market share", () => {
    expect(first.community).toBe(0);
    expect(first.members).toEqual(["a", "b", "c"]);
    expect(first.size).toBe(3);
    expect(first.internalLinks).toBe(4);
    expect(first.density).toBe(1);
    expect(first.internalByCategory).toEqual({ market: 2, non_market: 2, unknown: 0 });
    expect(first.marketShare).toBe(0.5);
    expect(second.density).toBe(1);
    expect(second.internalByCategory).toEqual({ market: 0, non_market: 0, unknown: 1 });
    expect(second.marketShare).toBeNull();
  });

  it("composition by NAF division (labelled), commune, size class and kind", () => {
    expect(first.composition.nafDivision.map((e) => [e.value, e.count])).toEqual([
      ["25", 2],
      ["28", 1],
    ]);
    expect(first.composition.nafDivision[0].label).toMatch(/métal/i);
    expect(first.composition.nafDivision[0].share).toBeCloseTo(2 / 3, 14);
    expect(first.composition.commune.map((e) => e.value)).toEqual(["76540", "76351"]);
    expect(second.composition.kind.map((e) => e.value)).toEqual(["association", "firm"]);
    expect(second.composition.nafDivision.map((e) => e.value)).toEqual(["49", null]);
  });

  it("key members by internal degree then strength; links leaving", () => {
    expect(first.keyMembers).toEqual([
      { id: "a", name: "A", internalDegree: 2, internalStrength: 4 },
      { id: "b", name: null, internalDegree: 2, internalStrength: 4 },
    ]);
    expect(first.leaving).toEqual({
      links: 2,
      weight: 4,
      byCommunity: [{ community: 1, links: 2, weight: 4 }],
    });
  });

  it("refuses a partition that misses an actor", () => {
    expect(() => communityProfiles(net, { a: 0 })).toThrow(/no community for node "b"/);
  });
});

describe("communityProfiles on the rouen firm-to-firm network", () => {
  it("finds the planted district (road haulage, mostly non-market) and the pivot's market community", async () => {
    const rouen = await rouenNetwork();
    const firms = actorView(rouen, "firm");
    const { communities } = louvain(analysisGraph(firms), { seed: 1 });
    const profiles = communityProfiles(firms, communities);
    const truth = rouenTruth();
    // The district is a component of its own: its firms fill their communities, all in NAF division 49.
    const districtIds = new Set<number | string>(truth.district.firms.map((f) => communities[f]));
    const district = profiles.filter((p) => districtIds.has(p.community));
    expect(district.reduce((s, p) => s + p.size, 0)).toBe(truth.district.firms.length);
    for (const p of district) expect(p.composition.nafDivision[0]).toMatchObject({ value: "49", share: 1 });
    const biggest = district[0];
    expect(biggest.size).toBeGreaterThanOrEqual(10);
    expect(biggest.marketShare as number).toBeLessThan(0.5);
    const pivot = profiles[communities[truth.pivot.id]];
    expect(pivot.marketShare as number).toBeGreaterThan(0.5);
    expect(pivot.keyMembers[0].id).toBe(truth.pivot.id);
  });
});
