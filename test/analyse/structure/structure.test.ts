/**
 * Hand-checked values and the documented behaviour on awkward input (self-loops, isolates, zero and
 * negative weights, disconnected graphs, multigraphs), for the structure measures. Peer comparisons
 * are in peers.test.ts.
 */
import Graph, { MultiGraph } from "graphology";
import { describe, expect, it } from "vitest";
import { analysisGraph } from "../../../engine/analyse/analysisGraph.ts";
import {
  articulationPoints,
  attributeAssortativity,
  averageClustering,
  bridges,
  burtConstraint,
  burtHierarchy,
  clustering,
  connectedComponents,
  coreNumber,
  degreeAssortativity,
  density,
  effectiveSize,
  efficiency,
  kCore,
  localConstraint,
  membershipProjection,
  numericAssortativity,
  structuralHoles,
  transitivity,
} from "../../../engine/analyse/structure/index.ts";
import { InputError } from "../../../engine/io/errors.ts";
import { emptyNetwork, type NetworkGraph } from "../../../engine/model/graph.ts";
import { simpleView } from "../../../engine/model/views.ts";
import type { LinkKind } from "../../../engine/model/vocabulary.ts";

const close = (actual: number | null | undefined, expected: number) => {
  expect(actual).not.toBeNull();
  expect(actual).not.toBeUndefined();
  expect(Math.abs((actual as number) - expected)).toBeLessThan(1e-12);
};

/*
 *        v
 *       / \
 *  x — u   |      u has three contacts v, w, x; v and w are tied; x hangs on u alone.
 *       \ /
 *        w
 *
 * p_u· = 1/3 each; p_vw = p_wv = 1/2 (v and w each have two contacts).
 * Local constraints on u: c_uv = (1/3 + p_uw p_wv)² = (1/3 + 1/6)² = 1/4, c_uw = 1/4, c_ux = (1/3)² = 1/9.
 * Constraint C_u = 1/4 + 1/4 + 1/9 = 11/18. Effective size (Borgatti): 3 − 2·1/3 = 7/3; efficiency 7/9.
 * Hierarchy: C/N = 11/54, r_v = r_w = (1/4)/(11/54) = 27/22, r_x = (1/9)/(11/54) = 6/11;
 * H = (2 · 27/22 · ln(27/22) + 6/11 · ln(6/11)) / (3 ln 3).
 * x has one contact: constraint (1 + 0)² = 1, hierarchy undefined (null).
 */
function triangleWithTail(): Graph {
  const g = new Graph({ type: "undirected" });
  g.mergeEdge("u", "v");
  g.mergeEdge("u", "w");
  g.mergeEdge("v", "w");
  g.mergeEdge("u", "x");
  return g;
}

describe("Burt's measures by hand", () => {
  it("constraint, effective size, efficiency and hierarchy of the drawn node", () => {
    const g = triangleWithTail();
    close(burtConstraint(g).u, 11 / 18);
    close(effectiveSize(g).u, 7 / 3);
    close(efficiency(g).u, 7 / 9);
    const h = (2 * (27 / 22) * Math.log(27 / 22) + (6 / 11) * Math.log(6 / 11)) / (3 * Math.log(3));
    close(burtHierarchy(g).u, h);
    expect(h).toBeGreaterThan(0.01); // not the trivial 0 of an evenly spread constraint
    close(burtConstraint(g).x, 1);
    expect(burtHierarchy(g).x).toBeNull();
    const local = localConstraint(g, "u");
    close(local.v, 1 / 4);
    close(local.x, 1 / 9);
  });

  it("isolates get null, never NaN; .assign writes the same", () => {
    const g = triangleWithTail();
    g.addNode("alone");
    const all = structuralHoles(g);
    expect(all.alone).toEqual({
      contacts: 0,
      effectiveSize: null,
      efficiency: null,
      constraint: null,
      hierarchy: null,
    });
    burtConstraint.assign(g);
    expect(g.getNodeAttribute("alone", "constraint")).toBeNull();
    close(g.getNodeAttribute("u", "constraint"), 11 / 18);
    structuralHoles.assign(g);
    close(g.getNodeAttribute("u", "effectiveSize"), 7 / 3);
    for (const row of Object.values(all))
      for (const value of Object.values(row)) expect(Number.isNaN(value)).toBe(false);
  });

  it("a self-loop is dropped: same values as without it", () => {
    const g = triangleWithTail();
    const looped = g.copy();
    looped.addEdge("u", "u", { weight: 5 });
    expect(structuralHoles(looped)).toEqual(structuralHoles(g));
    expect(structuralHoles(looped, { weight: "weight" })).toEqual(structuralHoles(g, { weight: "weight" }));
    expect(coreNumber(looped)).toEqual(coreNumber(g));
    expect(clustering(looped)).toEqual(clustering(g));
  });

  it("zero, negative or non-numeric weights are an InputError in weighted mode, ignored unweighted", () => {
    for (const bad of [0, -1, Number.NaN, "3"]) {
      const g = triangleWithTail();
      g.setEdgeAttribute(g.edge("u", "v") as string, "weight", bad);
      expect(() => burtConstraint(g, { weight: "weight" })).toThrow(InputError);
      expect(() => clustering(g, { weight: "weight" })).toThrow(/weight/);
      close(burtConstraint(g).u, 11 / 18);
    }
  });

  it("weights scale-free: multiplying every weight leaves Burt's measures unchanged", () => {
    const g = triangleWithTail();
    g.forEachEdge((e) => {
      g.setEdgeAttribute(e, "weight", 2);
    });
    close(burtConstraint(g, { weight: "weight" }).u, 11 / 18);
    g.setEdgeAttribute(g.edge("u", "x") as string, "weight", 4);
    // Now u invests 2/8, 2/8, 4/8: constraint differs from the unweighted value.
    expect(Math.abs((burtConstraint(g, { weight: "weight" }).u as number) - 11 / 18)).toBeGreaterThan(0.01);
  });
});

function actor(
  graph: NetworkGraph,
  id: string,
  extra: { naf?: string; commune?: string; kind?: "firm" | "association" } = {},
) {
  graph.addNode(id, {
    name: null,
    kind: extra.kind ?? "firm",
    subtype: null,
    naf: extra.naf ?? null,
    commune: extra.commune ?? null,
    headcount: null,
    size_class: null,
    founded: null,
    public_label: null,
  });
}

function link(
  graph: NetworkGraph,
  source: string,
  target: string,
  kind: LinkKind,
  weight: number,
  directed: boolean,
  start: string | null = null,
) {
  const attributes = {
    kind,
    category: "market" as const,
    orientation: null,
    formality: null,
    weight,
    frequency: null,
    start,
    end: null,
    directed,
    source_ref: null,
  };
  const key = `${source}-${target}-${kind}-${start}`;
  if (directed) graph.addDirectedEdgeWithKey(key, source, target, attributes);
  else graph.addUndirectedEdgeWithKey(key, source, target, attributes);
}

/** A maillage network with parallel links of several kinds, both directions, and an isolate. */
function smallNetwork(): NetworkGraph {
  const g = emptyNetwork();
  for (const id of ["a", "b", "c", "d", "e", "f"]) actor(g, id, { naf: id < "d" ? "25.62A" : "49.41A" });
  link(g, "a", "b", "supply", 2, true);
  link(g, "a", "b", "advice", 1, false);
  link(g, "b", "a", "supply", 3, true);
  link(g, "b", "c", "information", 1, false);
  link(g, "c", "a", "supply", 1, true);
  link(g, "c", "d", "friendship", 4, false);
  link(g, "d", "e", "supply", 1, true);
  return g; // f is isolated
}

describe("maillage networks are read as simpleView / analysisGraph read them", () => {
  it("every per-node measure equals the same measure on analysisGraph (undirected and directed)", () => {
    const net = smallNetwork();
    for (const directed of [false, true]) {
      const simple = analysisGraph(net, { directed });
      expect(simple.type).toBe(directed ? "directed" : "undirected");
      for (const weight of [null, "weight"]) {
        const options = { directed, weight };
        expect(structuralHoles(net, options)).toEqual(structuralHoles(simple, options));
        expect(clustering(net, options)).toEqual(clustering(simple, options));
        expect(degreeAssortativity(net, options)).toEqual(degreeAssortativity(simple, options));
      }
      expect(density(net, { directed })).toBe(density(simple, { directed }));
    }
    expect(coreNumber(net)).toEqual(coreNumber(simpleView(net)));
  });

  it("parallel links sum their weights (a–b: 2 + 1 + 3 = 6 undirected)", () => {
    const net = smallNetwork();
    // a's contacts: b (6) and c (1): p_ab = 6/7, p_ac = 1/7; b–c tied (1), b's total 7, c's total 1+1+4 = 6.
    const pab = 6 / 7;
    const pac = 1 / 7;
    const pbc = 1 / 7;
    const pcb = 1 / 6;
    const expected = (pab + pac * pcb) ** 2 + (pac + pab * pbc) ** 2;
    close(burtConstraint(net, { weight: "weight" }).a, expected);
  });

  it("isolates, density and components of a disconnected network", () => {
    const net = smallNetwork();
    expect(burtConstraint(net).f).toBeNull();
    expect(coreNumber(net).f).toBe(0);
    expect(clustering(net).f).toBe(0);
    const weak = connectedComponents(net);
    expect(weak.sizes).toEqual([5, 1]);
    expect(weak.components[1]).toEqual(["f"]);
    const strong = connectedComponents(net, { mode: "strong", directed: true });
    // a ⇄ b (both ways), b – c undirected (both ways), c → a: {a, b, c} strong; d ⇄ c by friendship.
    expect(strong.components[0]).toEqual(["a", "b", "c", "d"]);
    expect(strong.sizes).toEqual([4, 1, 1]);
    // Undirected simple graph: 4 pairs a–b, a–c, b–c, c–d, d–e → 5 edges among 6 nodes.
    close(density(net), 5 / 15);
    close(density(net, { directed: true }), 8 / 30); // arcs ab ba bc cb ca cd dc de
  });
});

describe("cut points, cores, clustering, transitivity by hand", () => {
  /*
   *   a — b       two triangles a-b-c and c-d-e joined at c, a tail e — f, and an isolate g
   *    \ /
   *     c
   *    / \
   *   d — e — f
   */
  const bowtie = () => {
    const g = new Graph({ type: "undirected" });
    for (const [u, v] of [
      ["a", "b"],
      ["b", "c"],
      ["a", "c"],
      ["c", "d"],
      ["d", "e"],
      ["c", "e"],
      ["e", "f"],
    ])
      g.mergeEdge(u, v);
    g.addNode("g");
    return g;
  };

  it("articulation points c and e, one bridge e–f", () => {
    expect(articulationPoints(bowtie())).toEqual(["c", "e"]);
    expect(bridges(bowtie())).toEqual([["e", "f"]]);
  });

  it("core numbers: triangles are 2-cores, the tail 1, the isolate 0", () => {
    expect(coreNumber(bowtie())).toEqual({ a: 2, b: 2, c: 2, d: 2, e: 2, f: 1, g: 0 });
    expect(kCore(bowtie(), 2)).toEqual(["a", "b", "c", "d", "e"]);
    const g = bowtie();
    coreNumber.assign(g);
    expect(g.getNodeAttribute("f", "core")).toBe(1);
  });

  it("clustering and its two averages, transitivity", () => {
    const c = clustering(bowtie());
    // c has 4 neighbours, 2 tied pairs of 6: 1/3; e has 3 neighbours (c, d, f), 1 tied pair: 1/3.
    close(c.c, 1 / 3);
    close(c.e, 1 / 3);
    expect(c.a).toBe(1);
    expect(c.f).toBe(0);
    close(averageClustering(bowtie()), (1 + 1 + 1 / 3 + 1 + 1 / 3 + 0 + 0) / 7);
    close(averageClustering(bowtie(), { lowDegree: "exclude" }), (1 + 1 + 1 / 3 + 1 + 1 / 3) / 5);
    // 2 triangles; triples: a 1, b 1, c 6, d 1, e 3 → 12; 3·2/12.
    close(transitivity(bowtie()), 0.5);
  });

  it("undefined cases are null, not NaN or 0", () => {
    const one = new Graph();
    one.addNode("x");
    expect(density(one)).toBeNull();
    expect(averageClustering(new Graph())).toBeNull();
    const path = new Graph({ type: "undirected" });
    path.mergeEdge("a", "b");
    expect(transitivity(path)).toBeNull();
    expect(degreeAssortativity(path).r).toBeNull(); // every end has degree 1: no variance
  });
});

describe("assortativity by hand", () => {
  it("perfect homophily = 1, perfect heterophily between two equal groups = −1", () => {
    const g = new Graph({ type: "undirected" });
    for (const [id, group] of [
      ["a", "X"],
      ["b", "X"],
      ["c", "Y"],
      ["d", "Y"],
    ])
      g.addNode(id, { group, size: id === "a" || id === "c" ? 1 : 2 });
    g.mergeEdge("a", "b");
    g.mergeEdge("c", "d");
    close(attributeAssortativity(g, "group").r, 1);
    const h = new Graph({ type: "undirected" });
    for (const id of ["a", "b", "c", "d"]) h.addNode(id, g.getNodeAttributes(id));
    h.addEdge("a", "c");
    h.addEdge("b", "d");
    close(attributeAssortativity(h, "group").r, -1);
    // sizes 1–1 and 2–2 along the edges of h: perfectly correlated.
    close(numericAssortativity(h, "size").r, 1);
  });

  it("links with a missing value are skipped and counted; one category gives null", () => {
    const g = new Graph({ type: "undirected" });
    g.addNode("a", { group: "X" });
    g.addNode("b", { group: "X" });
    g.addNode("c", { group: null });
    g.mergeEdge("a", "b");
    g.mergeEdge("b", "c");
    const r = attributeAssortativity(g, "group");
    expect(r).toEqual({ r: null, pairs: 2, skippedLinks: 1 });
  });
});

describe("the bipartite projections are re-exported", () => {
  it("membershipProjection from engine/model", () => {
    const net = emptyNetwork();
    actor(net, "f1");
    actor(net, "f2");
    actor(net, "club", { kind: "association" });
    link(net, "f1", "club", "membership", 1, true);
    link(net, "f2", "club", "membership", 1, true);
    const p = membershipProjection(net);
    expect(p.hasEdge("f1", "f2")).toBe(true);
  });
});

it("a MultiGraph from graphology is collapsed too", () => {
  const g = new MultiGraph({ type: "undirected" });
  g.mergeEdge("a", "b", { weight: 1 });
  g.mergeEdge("a", "b", { weight: 2 });
  g.mergeEdge("b", "c", { weight: 3 });
  g.mergeEdge("a", "c", { weight: 3 });
  const c = clustering(g, { weight: "weight" });
  close(c.a, 1); // every edge weighs 3 once collapsed: normalised weights all 1
});
