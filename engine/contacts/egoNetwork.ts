/**
 * The ego network of the contact book's owner, built from the contacts and, when given, the
 * relationship network (actors and links). Two graphs, both undirected and simple:
 *
 * - `alterGraph` (the ego network without ego): one node per contact; two contacts are tied when they
 *   work at the same organisation (same actor id, or the same folded organisation name), when one
 *   introduced the other (`introduced_by`), or when their organisations are tied by a link of the
 *   relationship network (parallel links collapsed, any kind). Ego is left out on purpose: ego is tied to
 *   every contact, so with ego every contact pair would be two steps apart through ego and ego would
 *   take the whole brokerage; without ego, betweenness tells which contacts hold one's contacts
 *   together, across organisations and spheres.
 * - `reachGraph` (for introductions): ego, tied only to its trusted contacts (closeness ≥ threshold);
 *   each contact tied to its organisation and to whoever introduced it; every actor and link of the
 *   relationship network (a contact's organisation that is not an actor becomes a node of its own).
 *
 * Node keys: `c:<contact id>` for contacts, `a:<actor id>` for actors and organisations with an id,
 * `o:<folded name>` for organisations known by name only, `ego` for the owner.
 */
import Graph from "graphology";
import type { NetworkGraph } from "../model/graph.ts";
import { foldName } from "./names.ts";
import type { Contact } from "./types.ts";

export const EGO = "ego";
export const contactNode = (id: string): string => `c:${id}`;
export const actorNode = (id: string): string => `a:${id}`;

export interface EgoNodeAttributes {
  /** `ego`, `contact`, `organisation` (an actor or a named organisation). */
  type: "ego" | "contact" | "organisation";
  /** Contact or actor id (none for ego and for organisations known by name only). */
  id: string | null;
  /** Display name: the organisation's name; for contacts, null (names are not copied into graphs). */
  label: string | null;
  sphere?: string | null;
}

export type EgoGraph = Graph<EgoNodeAttributes, Record<string, never>>;

/** The node of a contact's organisation, if it has one. */
export function organisationNode(c: Pick<Contact, "organisationId" | "organisation">): string | undefined {
  if (c.organisationId) return actorNode(c.organisationId);
  const name = foldName(c.organisation);
  return name ? `o:${name}` : undefined;
}

const newGraph = (): EgoGraph => new Graph({ type: "undirected", multi: false, allowSelfLoops: false });

const tie = (g: EgoGraph, a: string, b: string) => {
  if (a !== b && !g.hasEdge(a, b)) g.addEdge(a, b);
};

/** Ego network without ego: contacts tied by shared organisation, introduction or an organisation link. */
export function alterGraph(contacts: readonly Contact[], network?: NetworkGraph): EgoGraph {
  const g = newGraph();
  const byOrganisation = new Map<string, string[]>();
  for (const c of contacts) {
    g.addNode(contactNode(c.id), { type: "contact", id: c.id, label: null, sphere: c.sphere });
    const org = organisationNode(c);
    if (!org) continue;
    const list = byOrganisation.get(org);
    if (list) list.push(c.id);
    else byOrganisation.set(org, [c.id]);
  }
  for (const members of byOrganisation.values()) {
    for (let i = 0; i < members.length; i++) {
      for (let j = i + 1; j < members.length; j++) tie(g, contactNode(members[i]), contactNode(members[j]));
    }
  }
  for (const c of contacts) {
    if (c.introducedBy && g.hasNode(contactNode(c.introducedBy))) {
      tie(g, contactNode(c.id), contactNode(c.introducedBy));
    }
  }
  if (network) {
    network.forEachEdge((_key, _attributes, source, target) => {
      const a = byOrganisation.get(actorNode(source));
      const b = byOrganisation.get(actorNode(target));
      if (!a || !b) return;
      for (const x of a) for (const y of b) tie(g, contactNode(x), contactNode(y));
    });
  }
  return g;
}

export interface ReachGraphOptions {
  /** Closeness from which a tie is trusted. Default 4. */
  trustMin?: number;
}

/** Ego, trusted ties, contacts' organisations and the whole relationship network (see the file comment). */
export function reachGraph(
  contacts: readonly Contact[],
  network?: NetworkGraph,
  options: ReachGraphOptions = {},
): EgoGraph {
  const trustMin = options.trustMin ?? 4;
  const g = newGraph();
  g.addNode(EGO, { type: "ego", id: null, label: null });
  network?.forEachNode((id, attributes) => {
    g.addNode(actorNode(id), { type: "organisation", id, label: attributes.name ?? null });
  });
  network?.forEachEdge((_key, _attributes, source, target) => tie(g, actorNode(source), actorNode(target)));
  for (const c of contacts) {
    g.addNode(contactNode(c.id), { type: "contact", id: c.id, label: null, sphere: c.sphere });
  }
  for (const c of contacts) {
    const node = contactNode(c.id);
    if (c.closeness !== null && c.closeness >= trustMin) tie(g, EGO, node);
    const org = organisationNode(c);
    if (org) {
      if (!g.hasNode(org)) {
        g.addNode(org, { type: "organisation", id: c.organisationId, label: c.organisation });
      }
      tie(g, node, org);
    }
    if (c.introducedBy && g.hasNode(contactNode(c.introducedBy))) tie(g, node, contactNode(c.introducedBy));
  }
  return g;
}
