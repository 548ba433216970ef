/**
 * Which actors and links the current state shows: actor filters (kind, activity, commune, size
 * class, community), link filters (category, kind, period), the view's own scope (geo: actors with
 * a commune; bipartite: memberships), then the ego network of the selected actor if asked.
 */
import type { VizDocument, VizEdge, VizNode } from "../types.ts";
import type { ViewState } from "./state.ts";

export interface Visible {
  nodes: Set<string>;
  /** Indices into `document.edges`. */
  edges: Set<number>;
}

/** A link is active in [from, to] when it starts before `to` and ends after `from` (open ends pass). */
export function activeIn(edge: VizEdge, from: string | null, to: string | null): boolean {
  if (to && edge.start && edge.start > to) return false;
  if (from && edge.end && edge.end < from) return false;
  return true;
}

function nodeShown(node: VizNode, state: ViewState): boolean {
  if (state.actorKinds && !state.actorKinds.includes(node.kind)) return false;
  if (state.division && node.division !== state.division) return false;
  if (state.commune && node.commune !== state.commune) return false;
  if (state.sizeClasses && !state.sizeClasses.includes(node.size_class ?? "unknown")) return false;
  if (state.community !== null && node.community !== state.community) return false;
  if (state.view === "geo" && !node.layouts.geo) return false;
  if (state.view === "bipartite" && !node.layouts.bipartite) return false;
  return true;
}

function edgeShown(edge: VizEdge, state: ViewState): boolean {
  if (!state.categories.includes(edge.category)) return false;
  if (state.linkKinds && !state.linkKinds.includes(edge.kind)) return false;
  if (!activeIn(edge, state.from, state.to)) return false;
  if (state.view === "bipartite" && edge.kind !== "membership") return false;
  return true;
}

export function visibleItems(doc: VizDocument, state: ViewState): Visible {
  const nodes = new Set<string>();
  for (const node of doc.nodes) if (nodeShown(node, state)) nodes.add(node.id);
  const edges = new Set<number>();
  doc.edges.forEach((edge, i) => {
    if (nodes.has(edge.source) && nodes.has(edge.target) && edgeShown(edge, state)) edges.add(i);
  });
  if (state.selected && state.ego > 0 && nodes.has(state.selected))
    return egoOf(doc, { nodes, edges }, state);
  return { nodes, edges };
}

/** Actors within `state.ego` steps of the selection along visible links, and the links among them. */
function egoOf(doc: VizDocument, visible: Visible, state: ViewState): Visible {
  const adjacency = new Map<string, string[]>();
  for (const i of visible.edges) {
    const { source, target } = doc.edges[i];
    (adjacency.get(source) ?? adjacency.set(source, []).get(source))?.push(target);
    (adjacency.get(target) ?? adjacency.set(target, []).get(target))?.push(source);
  }
  const reached = new Set<string>([state.selected as string]);
  let frontier = [state.selected as string];
  for (let depth = 0; depth < state.ego; depth++) {
    const next: string[] = [];
    for (const node of frontier)
      for (const n of adjacency.get(node) ?? [])
        if (!reached.has(n)) {
          reached.add(n);
          next.push(n);
        }
    frontier = next;
  }
  const edges = new Set<number>();
  for (const i of visible.edges) {
    const { source, target } = doc.edges[i];
    if (reached.has(source) && reached.has(target)) edges.add(i);
  }
  return { nodes: reached, edges };
}
