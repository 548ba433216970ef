/**
 * The networks a classification runs on. A network is a set of actors; its links are the links of the
 * input among those actors, membership links left out (one chamber would otherwise tie everything
 * together, and a membership is a tie to an organisation, not between the members).
 * Scopes:
 * - `component` (default): connected components of the firm-to-firm view (actors of kind `firm`, or
 *   `unspecified` when the input gives no kinds), membership links left out, of at least `minSize` actors;
 * - `graph`: every actor except organisations joined by membership (association, chamber, network_org);
 * - `community`: Louvain communities (seeded) of that firm-to-firm view, of at least `minSize` actors;
 * - `association`: the current members of each association, chamber or network organisation.
 */
import { louvain } from "../analyse/community/louvain.ts";
import { connectedComponents } from "../analyse/structure/components.ts";
import { emptyNetwork, type NetworkGraph } from "../model/graph.ts";
import { simpleView } from "../model/views.ts";
import { MEMBERSHIP_TARGET_KINDS } from "../model/vocabulary.ts";

export const SCOPES = ["graph", "component", "community", "association"] as const;
export type Scope = (typeof SCOPES)[number];

export interface NetworkScope {
  id: string;
  /** The actors of the network, sorted. */
  members: string[];
  /** The organisation whose members these are (scope `association`), else null. */
  organisation: string | null;
}

export interface ScopeOptions {
  scope?: Scope;
  /** Smallest network kept for `component` and `community` (default 3). */
  minSize?: number;
  /** Seed of the Louvain run for `community` (default 1). */
  seed?: number;
}

/** The actors `members` and the links among them, membership links left out. */
export function subnetwork(graph: NetworkGraph, members: Iterable<string>): NetworkGraph {
  const keep = new Set(members);
  const view = emptyNetwork();
  for (const id of [...keep].sort())
    if (graph.hasNode(id)) view.addNode(id, { ...graph.getNodeAttributes(id) });
  graph.forEachEdge((key, attributes, source, target) => {
    if (attributes.kind === "membership" || !keep.has(source) || !keep.has(target)) return;
    if (attributes.directed) view.addDirectedEdgeWithKey(key, source, target, { ...attributes });
    else view.addUndirectedEdgeWithKey(key, source, target, { ...attributes });
  });
  return view;
}

/** Firms (or actors of unknown kind) and the non-membership links among them. */
export function firmView(graph: NetworkGraph): NetworkGraph {
  const firms: string[] = [];
  graph.forEachNode((id, a) => {
    if (a.kind === "firm" || a.kind === "unspecified") firms.push(id);
  });
  return subnetwork(graph, firms);
}

/** Current members (membership link with no end) of each organisation, by organisation id. */
export function membersByOrganisation(graph: NetworkGraph): Map<string, string[]> {
  const out = new Map<string, Set<string>>();
  graph.forEachEdge((_, a, source, target) => {
    if (a.kind !== "membership" || a.end !== null) return;
    const set = out.get(target) ?? new Set<string>();
    set.add(source);
    out.set(target, set);
  });
  return new Map(
    [...out].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)).map(([k, v]) => [k, [...v].sort()]),
  );
}

function groups(labels: Record<string, number>, minSize: number, prefix: string): NetworkScope[] {
  const by = new Map<number, string[]>();
  for (const [id, label] of Object.entries(labels)) {
    const list = by.get(label) ?? [];
    list.push(id);
    by.set(label, list);
  }
  return [...by.values()]
    .filter((m) => m.length >= minSize)
    .map((m) => m.sort())
    .sort((a, b) => b.length - a.length || (a[0] < b[0] ? -1 : 1))
    .map((members, i) => ({ id: `${prefix}-${i + 1}`, members, organisation: null }));
}

export function networkScopes(graph: NetworkGraph, options: ScopeOptions = {}): NetworkScope[] {
  const scope = options.scope ?? "component";
  const minSize = options.minSize ?? 3;
  if (scope === "graph") {
    const members: string[] = [];
    graph.forEachNode((id, a) => {
      if (!MEMBERSHIP_TARGET_KINDS.has(a.kind)) members.push(id);
    });
    return [{ id: "graph", members: members.sort(), organisation: null }];
  }
  if (scope === "association") {
    return [...membersByOrganisation(graph)].map(([org, members]) => ({
      id: org,
      members,
      organisation: org,
    }));
  }
  const firms = simpleView(firmView(graph));
  if (scope === "component") return groups(connectedComponents(firms).membership, minSize, "component");
  const found = louvain(firms, { seed: options.seed ?? 1 });
  return groups(found.communities, minSize, "community");
}
