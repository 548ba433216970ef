/**
 * Members × organisations: the bipartite view of `membership` links, and its one-mode projections.
 * The bipartite view is undirected and simple (repeated memberships of one member in one organisation,
 * e.g. two membership periods, make one edge whose `links` counts them).
 *
 * Projections (reference: networkx `bipartite.projected_graph`, `weighted_projected_graph`,
 * `collaboration_weighted_projected_graph`):
 * - `simple`: u–v when they share at least one neighbour; weight 1.
 * - `shared`: weight = number of shared neighbours.
 * - `newman`: weight = Σ over shared neighbours k of 1 / (deg(k) − 1) (Newman 2001, collaboration
 *   networks), so a large organisation ties its members more weakly than a small one.
 */
import Graph from "graphology";
import type { NetworkGraph } from "./graph.ts";
import type { ActorAttributes } from "./types.ts";

export type BipartitePart = "member" | "organisation";
export type BipartiteNodeAttributes = ActorAttributes & { part: BipartitePart };
export type BipartiteGraph = Graph<BipartiteNodeAttributes, { links: number }>;

/**
 * Members and organisations tied by `membership` links (other kinds are ignored). Every target of a
 * membership is on the organisation side; a membership whose source is itself an organisation (a
 * club that belongs to a federation) is a nested membership: it would join two organisations, so it
 * stays out of the view and is counted in the graph attribute `nestedMemberships`. The split does not
 * depend on the order of the links.
 */
export function bipartiteView(graph: NetworkGraph, options: { kind?: string } = {}): BipartiteGraph {
  const kind = options.kind ?? "membership";
  const view: BipartiteGraph = new Graph({ type: "undirected", multi: false, allowSelfLoops: false });
  const organisations = new Set<string>();
  graph.forEachEdge((_key, attributes, _source, target) => {
    if (attributes.kind === kind) organisations.add(target);
  });
  let nested = 0;
  graph.forEachEdge((_key, attributes, source, target) => {
    if (attributes.kind !== kind) return;
    if (organisations.has(source)) {
      nested++;
      return;
    }
    if (!view.hasNode(source)) view.addNode(source, { ...graph.getNodeAttributes(source), part: "member" });
    if (!view.hasNode(target))
      view.addNode(target, { ...graph.getNodeAttributes(target), part: "organisation" });
    const existing = view.edge(source, target);
    if (existing === undefined) view.addEdge(source, target, { links: 1 });
    else view.updateEdgeAttribute(existing, "links", (n) => (n ?? 0) + 1);
  });
  view.setAttribute("nestedMemberships", nested);
  return view;
}

export type ProjectionWeighting = "simple" | "shared" | "newman";

export interface ProjectionOptions {
  /** Which side becomes the nodes of the projection. Default `member`. */
  side?: BipartitePart;
  /** Edge weighting, see the module doc. Default `shared`. */
  weighting?: ProjectionWeighting;
}

/**
 * One-mode projection of a bipartite view onto one side. Every node of that side is kept (isolated
 * when it shares nothing). Edge attribute `weight` as chosen, `shared` = number of shared neighbours.
 */
export function projectBipartite(
  bipartite: BipartiteGraph,
  options: ProjectionOptions = {},
): Graph<BipartiteNodeAttributes, { weight: number; shared: number }> {
  const side = options.side ?? "member";
  const weighting = options.weighting ?? "shared";
  const projection = new Graph<BipartiteNodeAttributes, { weight: number; shared: number }>({
    type: "undirected",
    multi: false,
    allowSelfLoops: false,
  });
  bipartite.forEachNode((id, attributes) => {
    if (attributes.part === side) projection.addNode(id, { ...attributes });
  });
  bipartite.forEachNode((hub, attributes) => {
    if (attributes.part === side) return;
    const members = bipartite.neighbors(hub);
    const degree = members.length;
    if (degree < 2) return;
    const w = weighting === "newman" ? 1 / (degree - 1) : 1;
    for (let i = 0; i < degree; i++) {
      for (let j = i + 1; j < degree; j++) {
        const [u, v] = [members[i], members[j]];
        const existing = projection.edge(u, v);
        if (existing === undefined) projection.addEdge(u, v, { weight: w, shared: 1 });
        else {
          const edge = projection.getEdgeAttributes(existing);
          edge.shared += 1;
          edge.weight += w;
        }
      }
    }
  });
  if (weighting === "simple")
    projection.forEachEdge((edge) => projection.setEdgeAttribute(edge, "weight", 1));
  return projection;
}

/** Members (or organisations) tied by shared memberships, in one call: `projectBipartite(bipartiteView(graph))`. */
export function membershipProjection(graph: NetworkGraph, options: ProjectionOptions = {}) {
  return projectBipartite(bipartiteView(graph), options);
}
