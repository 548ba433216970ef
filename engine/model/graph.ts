/**
 * The network as a graphology multigraph: one node per actor (key = id, attributes = the actor's
 * fields), one edge per link (key = the link identity, see `linkKey`). It is *mixed*: directed links
 * (supply, membership…) are directed edges, the others undirected, and two actors may be tied by several
 * kinds at once. Analyses work on views of it (`views.ts`), never on a copy that lost the parallel links.
 */
import { MultiGraph } from "graphology";
import { deriveOrientation } from "./orientation.ts";
import { type Actor, type ActorAttributes, type Link, type LinkAttributes, linkKey } from "./types.ts";

export type NetworkGraph = MultiGraph<ActorAttributes, LinkAttributes>;

export function emptyNetwork(): NetworkGraph {
  return new MultiGraph<ActorAttributes, LinkAttributes>({ type: "mixed", allowSelfLoops: false });
}

function actorAttributes(actor: Actor): ActorAttributes {
  const { id: _id, ...attributes } = actor;
  return attributes;
}

/**
 * Build the network. Link ends must be actors of the list (readers quarantine links to unknown actors
 * before this); a link whose orientation is null and can be derived gets it here. A repeated link
 * identity throws: readers deduplicate before.
 */
export function buildNetwork(actors: Iterable<Actor>, links: Iterable<Link>): NetworkGraph {
  const graph = emptyNetwork();
  for (const actor of actors) graph.addNode(actor.id, actorAttributes(actor));
  for (const link of links) addLink(graph, link);
  return graph;
}

export function addLink(graph: NetworkGraph, link: Link): string {
  const { source, target, ...attributes } = link;
  if (attributes.orientation === null && graph.hasNode(source) && graph.hasNode(target)) {
    attributes.orientation = deriveOrientation(
      attributes.kind,
      graph.getNodeAttributes(source),
      graph.getNodeAttributes(target),
    );
  }
  const key = linkKey(link);
  if (attributes.directed) graph.addDirectedEdgeWithKey(key, source, target, attributes);
  else graph.addUndirectedEdgeWithKey(key, source, target, attributes);
  return key;
}

/** The actors of a network, in node order. */
export function actorsOf(graph: NetworkGraph): Actor[] {
  return graph.mapNodes((id, attributes) => ({ id, ...attributes }));
}

/** The links of a network, in edge order. */
export function linksOf(graph: NetworkGraph): Link[] {
  return graph.mapEdges((_key, attributes, source, target) => ({ source, target, ...attributes }));
}
