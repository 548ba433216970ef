/** Bridges between two networks, on a drawn example, and the member sets of organisations. */
import { MultiGraph } from "graphology";
import { describe, expect, it } from "vitest";
import { membersOf, networkBridges } from "../../../engine/analyse/structure/index.ts";
import { emptyNetwork } from "../../../engine/model/graph.ts";

/*
 *   A = {a1, a2, s}, B = {b1, b2, s}: s is a member of both; o belongs to neither.
 *
 *      o ─── a1 ─── a2 ═══ b2        a2 ═ b2: two parallel links (weights 1 and 2)
 *      │      │      │    │
 *      └──── b1      s ───┘
 *
 * brokers (a contact in A and a contact in B, self excluded):
 *   a2: A {a1, s} = 2, B {s, b2} = 2        a1: A {a2} = 1, B {b1} = 1
 *   s:  A {a2} = 1,    B {b2} = 1           b2: A {a2, s} = 2, B {s} = 1
 *   o:  A {a1} = 1,    B {b1} = 1           b1: A {a1} = 1, B {} = 0 → not a broker
 * links joining A and B: a1–b1, a2–s, a2–b2 (weight 3, 2 links), s–b2; a1–a2 stays inside A.
 */
function drawn() {
  const g = new MultiGraph({ type: "undirected" });
  for (const id of ["a1", "a2", "s", "b1", "b2", "o"]) g.addNode(id);
  g.addEdge("o", "a1");
  g.addEdge("o", "b1");
  g.addEdge("a1", "a2");
  g.addEdge("a1", "b1");
  g.addEdge("a2", "s");
  g.addEdge("s", "b2");
  g.addEdge("a2", "b2", { weight: 1 });
  g.addEdge("b2", "a2", { weight: 2 });
  return g;
}

describe("networkBridges", () => {
  const result = networkBridges(drawn(), ["a1", "a2", "s"], ["b1", "b2", "s"]);

  it("finds the double member and the brokers with their ties", () => {
    expect(result.shared).toEqual(["s"]);
    expect(result.brokers).toEqual([
      { id: "a2", inA: true, inB: false, tiesToA: 2, tiesToB: 2 },
      { id: "a1", inA: true, inB: false, tiesToA: 1, tiesToB: 1 },
      { id: "s", inA: true, inB: true, tiesToA: 1, tiesToB: 1 },
      { id: "b2", inA: false, inB: true, tiesToA: 2, tiesToB: 1 },
      { id: "o", inA: false, inB: false, tiesToA: 1, tiesToB: 1 },
    ]);
  });

  it("lists the links joining the two sets, parallel links collapsed", () => {
    expect(result.links).toEqual([
      { source: "a1", target: "b1", weight: 1, links: 1 },
      { source: "a2", target: "s", weight: 1, links: 1 },
      { source: "a2", target: "b2", weight: 3, links: 2 },
      { source: "s", target: "b2", weight: 1, links: 1 },
    ]);
    expect(result.counts).toEqual({ shared: 1, brokers: 5, links: 4 });
    expect([result.sizeA, result.sizeB]).toEqual([3, 3]);
  });

  it("rejects an id that is not in the graph", () => {
    expect(() => networkBridges(drawn(), ["a1", "zz"], ["b1"])).toThrow(/zz/);
  });
});

describe("membersOf", () => {
  it("reads membership links, optionally active at a date", () => {
    const net = emptyNetwork();
    const attrs = {
      name: null,
      subtype: null,
      naf: null,
      commune: null,
      headcount: null,
      size_class: null,
      founded: null,
      public_label: null,
    };
    net.addNode("club", { ...attrs, kind: "association" });
    for (const id of ["f1", "f2", "f3"]) net.addNode(id, { ...attrs, kind: "firm" });
    const membership = (start: string, end: string | null) => ({
      kind: "membership" as const,
      category: "non_market" as const,
      orientation: null,
      formality: "formal" as const,
      weight: 1,
      frequency: null,
      start,
      end,
      directed: true,
      source_ref: null,
    });
    net.addDirectedEdgeWithKey("m1", "f1", "club", membership("2015-01-01", null));
    net.addDirectedEdgeWithKey("m2", "f2", "club", membership("2015-01-01", "2018-12-31"));
    net.addDirectedEdgeWithKey("m3", "f3", "club", membership("2020-01-01", null));
    expect(membersOf(net, "club")).toEqual(["f1", "f2", "f3"]);
    expect(membersOf(net, "club", { at: "2017-06-01" })).toEqual(["f1", "f2"]);
    expect(membersOf(net, "club", { at: "2021-06-01" })).toEqual(["f1", "f3"]);
  });
});
