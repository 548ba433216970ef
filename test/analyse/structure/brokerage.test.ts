/**
 * Gould–Fernandez brokerage on a graph small enough to count by hand (the peer comparison on a
 * larger graph is in peers.test.ts).
 */
import Graph from "graphology";
import { describe, expect, it } from "vitest";
import {
  BROKERAGE_ROLES,
  brokerage,
  brokerageProbabilities,
  brokerageRole,
} from "../../../engine/analyse/structure/index.ts";
import { emptyNetwork } from "../../../engine/model/graph.ts";
import { simpleView } from "../../../engine/model/views.ts";

/*
 * Groups: X = {x1, x2, B}, Y = {y1, y2}, Z = {z1}; u has no group.
 *
 *          x1 ──┐                 ┌──► x2 ◄── z1   (z1 → x2 closes z1 → B → x2)
 *          y1 ──┼──►    B    ─────┤
 *          z1 ──┤                 └──► y2
 *           u ──┘
 *          y2 ──► y1                               (a back arc: it does NOT close y1 → B → y2)
 *
 * Open two-paths through B (a → B → c, no arc a → c), u's ignored (no group):
 *   x1 → B → x2   X X X   coordinator
 *   x1 → B → y2   X X Y   representative  (B in the sending group, target outside)
 *   y1 → B → x2   Y X X   gatekeeper      (B in the receiving group, source outside)
 *   y1 → B → y2   Y X Y   itinerant
 *   z1 → B → y2   Z X Y   liaison
 *   z1 → B → x2   closed by z1 → x2: not counted
 * Through y1: y2 → y1 → B   Y Y X   representative (no arc y2 → B).
 * Through y2: B → y2 → y1   X Y Y   gatekeeper     (no arc B → y1).
 * x1, x2, z1, u broker nothing.
 *
 * Expected counts for B: N = 6 grouped actors, M = N − 1 = 5 others, s = 2 others in X,
 * M(M − 1) = 20 ordered pairs (a, c); B has 5 open two-paths:
 *   coordinator    5 · 2·1 / 20            = 0.5
 *   itinerant      5 · (2·1 + 1·0) / 20    = 0.5    (Y: 2 actors, Z: 1)
 *   representative 5 · 2·3 / 20            = 1.5
 *   gatekeeper     5 · 3·2 / 20            = 1.5
 *   liaison        5 · (3² − (2² + 1²)) / 20 = 1.0
 * For y1 (group Y, s = 1, one two-path): coordinator 0, itinerant (3·2 + 0)/20 = 0.3,
 * representative 1·4/20 = 0.2, gatekeeper 0.2, liaison (4² − (3² + 1²))/20 = 0.3.
 */
function drawing(): Graph {
  const g = new Graph({ type: "directed" });
  const groups: Record<string, string | null> = {
    x1: "X",
    x2: "X",
    B: "X",
    y1: "Y",
    y2: "Y",
    z1: "Z",
    u: null,
  };
  for (const [id, group] of Object.entries(groups)) g.addNode(id, { group });
  for (const [a, b] of [
    ["x1", "B"],
    ["y1", "B"],
    ["z1", "B"],
    ["u", "B"],
    ["B", "x2"],
    ["B", "y2"],
    ["z1", "x2"],
    ["y2", "y1"],
  ])
    g.addEdge(a, b);
  return g;
}

const close = (actual: number | null, expected: number) => {
  expect(actual).not.toBeNull();
  expect(Math.abs((actual as number) - expected)).toBeLessThan(1e-12);
};

describe("Gould–Fernandez brokerage, counted by hand", () => {
  const result = brokerage(drawing(), { group: "group" });

  it("classifies B's open two-paths as drawn", () => {
    const b = result.nodes.B;
    expect(b).not.toBeNull();
    expect(b?.observed).toEqual({
      coordinator: 1,
      itinerant: 1,
      representative: 1,
      gatekeeper: 1,
      liaison: 1,
      total: 5,
    });
    expect(b?.openTwoPaths).toBe(5);
    expect(b?.group).toBe("X");
  });

  it("labels gatekeeper and representative as defined (receiving vs sending group)", () => {
    // broker in the receiving group, source outside
    expect(brokerageRole("Y", "X", "X")).toBe("gatekeeper");
    // broker in the sending group, target outside
    expect(brokerageRole("X", "X", "Y")).toBe("representative");
    expect(brokerageRole("X", "X", "X")).toBe("coordinator");
    expect(brokerageRole("Y", "X", "Y")).toBe("itinerant");
    expect(brokerageRole("Z", "X", "Y")).toBe("liaison");
    expect(result.nodes.y1?.observed.representative).toBe(1);
    expect(result.nodes.y1?.observed.total).toBe(1);
    expect(result.nodes.y2?.observed.gatekeeper).toBe(1);
    expect(result.nodes.y2?.observed.total).toBe(1);
    for (const id of ["x1", "x2", "z1"]) expect(result.nodes[id]?.observed.total).toBe(0);
  });

  it("gives the hand-computed expected counts and ratios", () => {
    const b = result.nodes.B;
    close(b?.expected.coordinator ?? null, 0.5);
    close(b?.expected.itinerant ?? null, 0.5);
    close(b?.expected.representative ?? null, 1.5);
    close(b?.expected.gatekeeper ?? null, 1.5);
    close(b?.expected.liaison ?? null, 1.0);
    close(b?.ratio.coordinator ?? null, 2);
    close(b?.ratio.representative ?? null, 2 / 3);
    close(b?.ratio.liaison ?? null, 1);
    const y1 = result.nodes.y1;
    expect(y1?.expected.coordinator).toBe(0);
    expect(y1?.ratio.coordinator).toBeNull(); // no other Y actor can be a and c at once
    close(y1?.expected.itinerant ?? null, 0.3);
    close(y1?.expected.representative ?? null, 0.2);
    close(y1?.expected.gatekeeper ?? null, 0.2);
    close(y1?.expected.liaison ?? null, 0.3);
    close(y1?.ratio.representative ?? null, 5);
    // A broker without two-paths expects nothing: ratios are null, not NaN.
    expect(result.nodes.x1?.ratio.total).toBeNull();
    expect(result.nodes.x1?.expected.liaison).toBe(0);
  });

  it("leaves the ungrouped actor out of paths and group sizes", () => {
    expect(result.nodes.u).toBeNull();
    expect(result.ungrouped).toEqual(["u"]);
    expect(result.groupSizes).toEqual({ X: 3, Y: 2, Z: 1 });
    expect(result.totals.observed.total).toBe(7);
    expect(result.totals.observed.gatekeeper).toBe(2);
    expect(result.totals.observed.representative).toBe(2);
    close(result.totals.expected.total, 7);
  });

  it("has pattern probabilities summing to 1 for every group", () => {
    const sizes = new Map([
      ["X", 3],
      ["Y", 2],
      ["Z", 1],
    ]);
    for (const [group, size] of sizes) {
      const p = brokerageProbabilities(size, sizes, group, 6);
      close(
        BROKERAGE_ROLES.reduce((sum, role) => sum + p[role], 0),
        1,
      );
    }
  });

  it("writes observed counts with .assign", () => {
    const g = drawing();
    brokerage.assign(g, { group: "group" });
    expect(g.getNodeAttribute("B", "brokerageLiaison")).toBe(1);
    expect(g.getNodeAttribute("B", "brokerage")).toBe(5);
    expect(g.getNodeAttribute("u", "brokerage")).toBeNull();
  });

  it("reads a maillage network: undirected links count both ways, parallel links once", () => {
    const net = emptyNetwork();
    const actor = (id: string, commune: string) =>
      net.addNode(id, {
        name: null,
        kind: "firm",
        subtype: null,
        naf: null,
        commune,
        headcount: null,
        size_class: null,
        founded: null,
        public_label: null,
      });
    actor("a", "1");
    actor("b", "2");
    actor("c", "3");
    const link = (directed: boolean, kind: "supply" | "advice" | "information") => ({
      kind,
      category: "market" as const,
      orientation: null,
      formality: null,
      weight: 1,
      frequency: null,
      start: null,
      end: null,
      directed,
      source_ref: null,
    });
    net.addDirectedEdgeWithKey("s1", "a", "b", link(true, "supply"));
    net.addUndirectedEdgeWithKey("i1", "b", "c", link(false, "information"));
    net.addUndirectedEdgeWithKey("i2", "b", "c", link(false, "advice"));
    const result = brokerage(net, { group: "commune" });
    // a → b → c (liaison); c → b has no onward arc from b except back to c: none.
    expect(result.nodes.b?.observed).toEqual({
      coordinator: 0,
      itinerant: 0,
      representative: 0,
      gatekeeper: 0,
      liaison: 1,
      total: 1,
    });
    const onSimple = brokerage(simpleView(net, { directed: true }), { group: "commune" });
    expect(onSimple).toEqual(result);
  });
});
