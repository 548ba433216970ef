/**
 * What removing one actor does to a network's connectivity (links read undirected):
 * - `pairsDisconnected`: among the pairs of the other actors that were connected before, the share no
 *   longer connected after (0 = nothing changes, 1 = every connection went through it; null when no
 *   pair of other actors was connected);
 * - `largestComponentShare`: size of the largest component after removal over the number of other actors;
 * - `pieces`: number of components the actor's own component falls into (0 for an isolate, 1 when it
 *   was not a cut point).
 * This is the "fragmentation" of Borgatti (2006, "Identifying sets of key players") restricted to one
 * node, on connected pairs rather than all pairs so that an already fragmented network is not blamed on it.
 */
import type Graph from "graphology";

export interface RemovalImpact {
  pairsDisconnected: number | null;
  largestComponentShare: number | null;
  pieces: number;
}

/** Component sizes of the graph without `removed`, and the piece count of its former component. */
function componentsWithout(graph: Graph, removed: string | null): { sizes: number[]; touching: number } {
  const seen = new Set<string>();
  if (removed !== null) seen.add(removed);
  const sizes: number[] = [];
  let touching = 0;
  const around = removed === null ? new Set<string>() : new Set(graph.neighbors(removed));
  graph.forEachNode((start) => {
    if (seen.has(start)) return;
    seen.add(start);
    const stack = [start];
    let size = 0;
    let touches = false;
    while (stack.length > 0) {
      const u = stack.pop() as string;
      size++;
      if (around.has(u)) touches = true;
      for (const v of graph.neighbors(u)) {
        if (!seen.has(v)) {
          seen.add(v);
          stack.push(v);
        }
      }
    }
    sizes.push(size);
    if (touches) touching++;
  });
  return { sizes, touching };
}

const pairs = (sizes: number[]) => sizes.reduce((s, k) => s + (k * (k - 1)) / 2, 0);

export function removalImpact(graph: Graph, node: string): RemovalImpact {
  const before = componentsWithout(graph, null);
  const after = componentsWithout(graph, node);
  // the pairs among the others connected before: those of every component, minus the node's own pairs
  const ownDegreeComponent = before.sizes.length > 0 ? nodeComponentSize(graph, node) : 1;
  const connectedBefore = pairs(before.sizes) - (ownDegreeComponent - 1);
  const connectedAfter = pairs(after.sizes);
  const others = graph.order - 1;
  return {
    pairsDisconnected: connectedBefore > 0 ? (connectedBefore - connectedAfter) / connectedBefore : null,
    largestComponentShare: others > 0 ? Math.max(0, ...after.sizes) / others : null,
    pieces: after.touching,
  };
}

function nodeComponentSize(graph: Graph, node: string): number {
  const seen = new Set([node]);
  const stack = [node];
  while (stack.length > 0) {
    const u = stack.pop() as string;
    for (const v of graph.neighbors(u)) {
      if (!seen.has(v)) {
        seen.add(v);
        stack.push(v);
      }
    }
  }
  return seen.size;
}
