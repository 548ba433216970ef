import { describe, expect, it } from "vitest";
import { buildNetwork, linksOf } from "../../engine/model/graph.ts";
import { deriveOrientation } from "../../engine/model/orientation.ts";
import { type Actor, blankActor } from "../../engine/model/types.ts";
import {
  actorView,
  kindView,
  marketView,
  nonMarketView,
  periodView,
  simpleView,
} from "../../engine/model/views.ts";
import { link } from "../networkBuilders.ts";

const firm = (id: string, naf: string): Actor => ({ ...blankActor(id, "firm"), naf });
const actors = [
  firm("P", "29.10Z"),
  firm("S1", "25.62A"),
  firm("S2", "25.61Z"),
  { ...blankActor("CCI", "chamber") },
];
const links = [
  link("S1", "P", "supply", { weight: 3, start: "2010-01-01" }),
  link("S1", "P", "friendship", { weight: 2 }),
  link("S1", "S2", "co_production", { start: "2018-01-01", end: "2019-12-31" }),
  link("S1", "S2", "information"),
  link("S1", "CCI", "membership", { start: "2012-01-01" }),
  link("P", "S1", "advice", { directed: true }),
];
const graph = buildNetwork(actors, links);

describe("network and views", () => {
  it("keeps parallel links of several kinds (a multigraph, mixed directions)", () => {
    expect(graph.order).toBe(4);
    expect(graph.size).toBe(6);
    expect(graph.directedSize).toBe(3);
    expect(graph.edges("S1", "P")).toHaveLength(3);
  });
  it("derives orientation by the documented rule", () => {
    const o = Object.fromEntries(
      linksOf(graph).map((l) => [`${l.source}-${l.target}-${l.kind}`, l.orientation]),
    );
    expect(o["S1-P-supply"]).toBe("vertical");
    expect(o["S1-P-friendship"]).toBe("intersectoral");
    expect(o["S1-S2-co_production"]).toBe("horizontal");
    expect(o["S1-CCI-membership"]).toBeNull();
    expect(
      deriveOrientation("advice", { kind: "firm", naf: null }, { kind: "firm", naf: "25.62A" }),
    ).toBeNull();
  });
  it("splits market from non-market links, keeping every actor", () => {
    const m = marketView(graph);
    expect([m.order, m.size]).toEqual([4, 2]);
    expect(nonMarketView(graph).size).toBe(4);
    expect(marketView(graph, { dropIsolates: true }).nodes().sort()).toEqual(["P", "S1", "S2"]);
    expect(kindView(graph, ["membership", "advice"]).size).toBe(2);
  });
  it("keeps the links active in a period", () => {
    expect(periodView(graph, { from: "2020-01-01" }).size).toBe(5);
    expect(periodView(graph, { to: "2011-01-01" }).size).toBe(4);
  });
  it("restricts to actors of some kinds", () => {
    const firms = actorView(graph, "firm");
    expect([firms.order, firms.size]).toEqual([3, 5]);
  });
  it("collapses parallel links into one weighted edge", () => {
    const u = simpleView(graph);
    expect(u.size).toBe(3);
    const e = u.getEdgeAttributes(u.edge("S1", "P") as string);
    expect(e).toEqual({ weight: 6, links: 3, kinds: ["advice", "friendship", "supply"] });
    const counted = simpleView(graph, { weight: "count" });
    expect(counted.getEdgeAttribute(counted.edge("S1", "P") as string, "weight")).toBe(3);
    const d = simpleView(graph, { directed: true });
    // S1→P: supply (3) + friendship (2, undirected: both ways); P→S1: advice (1) + friendship (2).
    expect(d.getEdgeAttribute(d.edge("S1", "P") as string, "weight")).toBe(5);
    expect(d.getEdgeAttribute(d.edge("P", "S1") as string, "weight")).toBe(3);
    expect(d.hasEdge("CCI", "S1")).toBe(false);
  });
});

describe("bipartite view with nested memberships", () => {
  it("keeps organisations on one side whatever the link order, and counts nested memberships", async () => {
    const { bipartiteView, projectBipartite } = await import("../../engine/model/bipartite.ts");
    const org = (id: string) => blankActor(id, "network_org");
    const people = [firm("F", "25.62A"), firm("G", "25.62A"), org("X"), org("Y")];
    const orders = [
      [link("F", "X", "membership"), link("X", "Y", "membership"), link("G", "Y", "membership")],
      [link("X", "Y", "membership"), link("G", "Y", "membership"), link("F", "X", "membership")],
    ];
    for (const order of orders) {
      const view = bipartiteView(buildNetwork(people, order));
      expect(view.getAttribute("nestedMemberships")).toBe(1);
      expect(view.edges().length).toBe(2);
      expect(view.getNodeAttribute("X", "part")).toBe("organisation");
      const projection = projectBipartite(view, { side: "member" });
      expect(projection.nodes().sort()).toEqual(["F", "G"]);
      expect(projection.size).toBe(0);
    }
  });
});

describe("membership projection in one call", () => {
  it("ties firms that share an organisation, weighted by shared memberships", async () => {
    const { membershipProjection } = await import("../../engine/model/bipartite.ts");
    const org = (id: string) => blankActor(id, "network_org");
    const g = buildNetwork(
      [firm("F", "25.62A"), firm("G", "25.62A"), firm("H", "29.10Z"), org("X"), org("Y")],
      [
        link("F", "X", "membership"),
        link("G", "X", "membership"),
        link("F", "Y", "membership"),
        link("G", "Y", "membership"),
        link("H", "Y", "membership"),
      ],
    );
    const p = membershipProjection(g);
    expect(p.getEdgeAttribute(p.edge("F", "G") as string, "weight")).toBe(2);
    expect(p.getEdgeAttribute(p.edge("F", "H") as string, "weight")).toBe(1);
    const newman = membershipProjection(g, { weighting: "newman" });
    // X has 2 members (1/1), Y has 3 (1/2): F–G = 1 + 0.5.
    expect(newman.getEdgeAttribute(newman.edge("F", "G") as string, "weight")).toBe(1.5);
    expect(membershipProjection(g, { side: "organisation" }).size).toBe(1);
  });
});
