/**
 * Properties on random graphs (fast-check, fixed seed), each against a brute-force reading of the
 * definition: articulation points and bridges by removal, core numbers by peeling, strong components
 * by mutual reachability; and invariants of brokerage (observed and expected totals agree) and of
 * Burt's measures (bounds, no NaN).
 */
import fc from "fast-check";
import Graph from "graphology";
import { describe, expect, it } from "vitest";
import {
  articulationPoints,
  BROKERAGE_ROLES,
  bridges,
  brokerage,
  clustering,
  connectedComponents,
  coreNumber,
  structuralHoles,
} from "../../../engine/analyse/structure/index.ts";

const RUNS = { seed: 20240611, numRuns: 150 };

const arbitraryGraph = (directed: boolean) =>
  fc
    .record({
      n: fc.integer({ min: 1, max: 14 }),
      pairs: fc.array(fc.tuple(fc.nat(13), fc.nat(13)), { maxLength: 40 }),
    })
    .map(({ n, pairs }) => {
      const g = new Graph({ type: directed ? "directed" : "undirected" });
      for (let i = 0; i < n; i++) g.addNode(`n${i}`, { group: ["P", "Q", "R"][i % 3] });
      for (const [a, b] of pairs) if (a < n && b < n && a !== b) g.mergeEdge(`n${a}`, `n${b}`);
      return g;
    });

function componentCount(g: Graph, skipNode?: string, skipEdge?: [string, string]): number {
  const seen = new Set<string>();
  let count = 0;
  g.forEachNode((start) => {
    if (start === skipNode || seen.has(start)) return;
    count++;
    const stack = [start];
    seen.add(start);
    while (stack.length > 0) {
      const u = stack.pop() as string;
      g.forEachNeighbor(u, (v) => {
        if (v === skipNode || seen.has(v)) return;
        if (
          skipEdge &&
          ((u === skipEdge[0] && v === skipEdge[1]) || (u === skipEdge[1] && v === skipEdge[0]))
        )
          return;
        seen.add(v);
        stack.push(v);
      });
    }
  });
  return count;
}

function peel(g: Graph): Record<string, number> {
  // Core number by definition: the largest k whose k-core (repeatedly drop nodes of degree < k) holds u.
  const result: Record<string, number> = {};
  g.forEachNode((u) => {
    result[u] = 0;
  });
  for (let k = 1; k < g.order; k++) {
    const alive = new Set(g.nodes());
    let changed = true;
    while (changed) {
      changed = false;
      for (const u of [...alive]) {
        if (g.neighbors(u).filter((v) => alive.has(v)).length < k) {
          alive.delete(u);
          changed = true;
        }
      }
    }
    for (const u of alive) result[u] = k;
  }
  return result;
}

function reachable(g: Graph, from: string): Set<string> {
  const seen = new Set([from]);
  const stack = [from];
  while (stack.length > 0) {
    const u = stack.pop() as string;
    for (const v of g.outNeighbors(u))
      if (!seen.has(v)) {
        seen.add(v);
        stack.push(v);
      }
  }
  return seen;
}

describe("structure measures on random graphs", () => {
  it("articulation points and bridges are exactly the nodes and edges whose removal splits a component", () => {
    fc.assert(
      fc.property(arbitraryGraph(false), (g) => {
        const base = componentCount(g);
        const cut = g.filterNodes((u) => componentCount(g, u) > base - (g.degree(u) === 0 ? 1 : 0));
        expect(articulationPoints(g)).toEqual(cut);
        const cutEdges = g
          .mapEdges((_e, _a, s, t) => [s, t] as [string, string])
          .filter((e) => componentCount(g, undefined, e) > base)
          .map((e) => [...e].sort().join("|"))
          .sort();
        expect(
          bridges(g)
            .map((e) => [...e].sort().join("|"))
            .sort(),
        ).toEqual(cutEdges);
      }),
      RUNS,
    );
  });

  it("core numbers equal repeated peeling", () => {
    fc.assert(
      fc.property(arbitraryGraph(false), (g) => {
        expect(coreNumber(g)).toEqual(peel(g));
      }),
      RUNS,
    );
  });

  it("strong components are the classes of mutual reachability; weak ones cover every node", () => {
    fc.assert(
      fc.property(arbitraryGraph(true), (g) => {
        const strong = connectedComponents(g, { mode: "strong" });
        const reach = new Map(g.nodes().map((u) => [u, reachable(g, u)]));
        g.forEachNode((u) => {
          g.forEachNode((v) => {
            const mutual = (reach.get(u)?.has(v) && reach.get(v)?.has(u)) ?? false;
            expect(strong.membership[u] === strong.membership[v]).toBe(mutual);
          });
        });
        const weak = connectedComponents(g);
        expect(weak.sizes.reduce((a, b) => a + b, 0)).toBe(g.order);
        expect(weak.count).toBe(componentCount(g));
      }),
      RUNS,
    );
  });

  it("brokerage: expected counts sum to the open two-paths; Burt's measures and clustering stay in range", () => {
    fc.assert(
      fc.property(arbitraryGraph(true), (g) => {
        const result = brokerage(g, { group: "group" });
        for (const row of Object.values(result.nodes)) {
          if (row === null) continue;
          const expected = BROKERAGE_ROLES.reduce((s, r) => s + row.expected[r], 0);
          expect(Math.abs(expected - row.openTwoPaths)).toBeLessThan(1e-9);
          const observed = BROKERAGE_ROLES.reduce((s, r) => s + row.observed[r], 0);
          expect(observed).toBe(row.openTwoPaths);
        }
        for (const row of Object.values(structuralHoles(g))) {
          if (row.contacts === 0) {
            expect(row.constraint).toBeNull();
            continue;
          }
          expect(row.constraint as number).toBeGreaterThan(0);
          // With x_v = p_uv + Σ_q p_uq p_qv: each x_v ≤ 1 and Σ_v x_v ≤ 1 + Σ_q p_uq (1 − p_qu) < 2, so c < 2.
          expect(row.constraint as number).toBeLessThan(2);
          expect(row.effectiveSize as number).toBeGreaterThanOrEqual(1 - 1e-12);
          expect(row.effectiveSize as number).toBeLessThanOrEqual(row.contacts + 1e-12);
          if (row.hierarchy !== null) expect(Number.isFinite(row.hierarchy)).toBe(true);
        }
        for (const c of Object.values(clustering(g))) expect(c >= 0 && c <= 1).toBe(true);
      }),
      RUNS,
    );
  });
});
