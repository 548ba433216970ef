/**
 * Cut points of the undirected simple graph (`adjacency.ts`: directions ignored, parallel links one
 * edge, self-loops dropped): articulation points (nodes whose removal disconnects their component)
 * and bridges (edges whose removal does). Hopcroft–Tarjan low-point depth-first search, iterative so
 * that long paths do not overflow the stack; same sets as networkx's `articulation_points` and
 * `bridges` on the same graph.
 *
 * Because parallel links collapse, two actors tied by several links are one edge here, which is a
 * bridge if that pair is the only route (the relationship, not a single link, is the cut).
 */
import { type AnyGraph, buildAdjacency } from "./adjacency.ts";

export interface CutPoints {
  /** Articulation points, in graph order. */
  articulationPoints: string[];
  /** Bridges as [u, v] with u before v in graph order, sorted by u then v (graph order). */
  bridges: Array<[string, string]>;
}

export function cutPoints(graph: AnyGraph): CutPoints {
  const adj = buildAdjacency(graph, { directed: false });
  const n = adj.ids.length;
  const neighbours = adj.out.map((m) => [...m.keys()]);
  const discovery = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const parent = new Int32Array(n).fill(-1);
  const next = new Int32Array(n); // index of the next neighbour to visit
  const isCut = new Uint8Array(n);
  const bridges: Array<[number, number]> = [];
  let time = 0;
  for (let root = 0; root < n; root++) {
    if (discovery[root] !== -1) continue;
    let rootChildren = 0;
    const stack = [root];
    discovery[root] = low[root] = time++;
    while (stack.length > 0) {
      const u = stack[stack.length - 1];
      if (next[u] < neighbours[u].length) {
        const v = neighbours[u][next[u]++];
        if (discovery[v] === -1) {
          parent[v] = u;
          discovery[v] = low[v] = time++;
          if (u === root) rootChildren++;
          stack.push(v);
        } else if (v !== parent[u] && discovery[v] < low[u]) {
          low[u] = discovery[v];
        }
        continue;
      }
      stack.pop();
      const p = parent[u];
      if (p === -1) continue;
      if (low[u] < low[p]) low[p] = low[u];
      if (low[u] > discovery[p]) bridges.push(p < u ? [p, u] : [u, p]);
      if (p !== root && low[u] >= discovery[p]) isCut[p] = 1;
    }
    if (rootChildren > 1) isCut[root] = 1;
  }
  bridges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  return {
    articulationPoints: adj.ids.filter((_, u) => isCut[u] === 1),
    bridges: bridges.map(([u, v]) => [adj.ids[u], adj.ids[v]]),
  };
}

/** Articulation points (cut vertices), in graph order. */
export const articulationPoints = (graph: AnyGraph): string[] => cutPoints(graph).articulationPoints;
/** Bridges (cut edges) as [u, v] pairs. */
export const bridges = (graph: AnyGraph): Array<[string, string]> => cutPoints(graph).bridges;
