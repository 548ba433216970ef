/**
 * The leaders in one's network (DOMAIN.md §6–7): the contacts who connected me (introduced other
 * contacts) and those who bridge my contacts, across organisations and spheres.
 *
 * - `betweenness`: betweenness centrality (Freeman 1977; Brandes 2001 algorithm, graphology-metrics) of
 *   the contact in `alterGraph` (the ego network without ego, unweighted), normalised by
 *   (n − 1)(n − 2)/2 pairs as networkx does for undirected graphs;
 * - `spheres`: the distinct spheres among the contact and its neighbours in that graph (a contact
 *   whose neighbours span several spheres bridges them);
 * - `introduced`: how many contacts name it in `introduced_by`.
 * Ranked by betweenness, then spheres reached, then introductions, then id; contacts with all three
 * at zero (or one sphere, their own) are not leaders.
 */
import betweennessCentrality from "graphology-metrics/centrality/betweenness.js";
import type { NetworkGraph } from "../model/graph.ts";
import { alterGraph, contactNode } from "./egoNetwork.ts";
import type { Contact } from "./types.ts";

export interface ContactLeader {
  id: string;
  betweenness: number;
  /** Distinct spheres among the contact and its neighbours, sorted. */
  spheres: string[];
  /** Neighbours in the ego network without ego. */
  degree: number;
  introduced: number;
}

export interface ContactLeaderOptions {
  /** How many leaders to return. Default 10; 0 for all. */
  limit?: number;
}

export function networkLeaders(
  contacts: readonly Contact[],
  network?: NetworkGraph,
  options: ContactLeaderOptions = {},
): ContactLeader[] {
  const g = alterGraph(contacts, network);
  const scores = betweennessCentrality(g, { getEdgeWeight: null, normalized: true });
  const introduced = new Map<string, number>();
  for (const c of contacts) {
    if (c.introducedBy) introduced.set(c.introducedBy, (introduced.get(c.introducedBy) ?? 0) + 1);
  }
  const all: ContactLeader[] = contacts.map((c) => {
    const node = contactNode(c.id);
    const spheres = new Set<string>();
    if (c.sphere) spheres.add(c.sphere);
    g.forEachNeighbor(node, (_n, attributes) => {
      if (attributes.sphere) spheres.add(attributes.sphere);
    });
    return {
      id: c.id,
      betweenness: scores[node] ?? 0,
      spheres: [...spheres].sort(),
      degree: g.degree(node),
      introduced: introduced.get(c.id) ?? 0,
    };
  });
  const ranked = all
    .filter((l) => l.betweenness > 0 || l.spheres.length > 1 || l.introduced > 0)
    .sort(
      (a, b) =>
        b.betweenness - a.betweenness ||
        b.spheres.length - a.spheres.length ||
        b.introduced - a.introduced ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
  const limit = options.limit ?? 10;
  return limit > 0 ? ranked.slice(0, limit) : ranked;
}
