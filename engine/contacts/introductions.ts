/**
 * Introductions: for a target person or organisation, the shortest chains from me through trusted ties
 * (contacts whose closeness is at least `trustMin`), continuing through their organisations, the
 * people who introduced them and the relationship network's links (`reachGraph`).
 *
 * For each trusted contact T, the chain is me → T followed by a shortest path (unweighted,
 * bidirectional BFS of graphology-shortest-path) from T to the target in the graph without me: each
 * chain starts with a different person I can ask. Chains are ranked by length (ties counted), then by
 * T's closeness (higher first), then by T's id, and the first `limit` are returned. A trusted contact
 * who is the target gives the one-tie chain me → target.
 */
import { bidirectional } from "graphology-shortest-path/unweighted.js";
import type { NetworkGraph } from "../model/graph.ts";
import { actorNode, contactNode, EGO, type EgoGraph, reachGraph } from "./egoNetwork.ts";
import { foldName } from "./names.ts";
import type { Contact } from "./types.ts";

export interface IntroductionOptions {
  /** Closeness from which a tie is trusted. Default 4. */
  trustMin?: number;
  /** Chains returned. Default 5. */
  limit?: number;
}

export interface ChainStep {
  type: "ego" | "contact" | "organisation";
  /** Contact or actor id; null for me and for organisations known by name only. */
  id: string | null;
  /** Organisation name (contacts' names are looked up by the caller if it must show them). */
  label: string | null;
}

export interface Chain {
  /** Number of ties from me to the target. */
  length: number;
  /** The trusted contact the chain starts with. */
  via: string;
  steps: ChainStep[];
}

export type TargetMatch =
  | { found: true; node: string; description: string }
  | { found: false; candidates: string[] };

/**
 * Resolve a target given as a contact id, an actor id, or a name (a contact's or an organisation's name,
 * folded as `foldName` does; an exact folded match first, else the names holding every word of the
 * target). Several matches give candidates (ids, and organisation names) instead of a guess.
 */
export function findTarget(graph: EgoGraph, contacts: readonly Contact[], target: string): TargetMatch {
  if (graph.hasNode(contactNode(target))) {
    return { found: true, node: contactNode(target), description: `contact ${target}` };
  }
  if (graph.hasNode(actorNode(target))) {
    const label = graph.getNodeAttribute(actorNode(target), "label");
    return { found: true, node: actorNode(target), description: `${target}${label ? ` (${label})` : ""}` };
  }
  const wanted = foldName(target);
  if (wanted === "") return { found: false, candidates: [] };
  const wantedTokens = wanted.split(" ");
  const exact: string[] = [];
  const partial: string[] = [];
  const consider = (node: string, name: string | null) => {
    const folded = foldName(name);
    if (folded === wanted) exact.push(node);
    else {
      const tokens = new Set(folded.split(" "));
      if (wantedTokens.every((t) => tokens.has(t))) partial.push(node);
    }
  };
  for (const c of contacts) {
    consider(contactNode(c.id), [c.firstName, c.lastName].filter(Boolean).join(" ") || c.displayName);
  }
  graph.forEachNode((node, a) => {
    if (a.type === "organisation") consider(node, a.label);
  });
  const list = exact.length > 0 ? exact : partial;
  const describe = (node: string) => {
    const a = graph.getNodeAttributes(node);
    return a.type === "contact" ? `contact ${a.id}` : `${a.id ?? "organisation"} (${a.label})`;
  };
  if (list.length === 1) return { found: true, node: list[0], description: describe(list[0]) };
  return { found: false, candidates: list.slice(0, 20).map(describe) };
}

export function introductionChains(
  contacts: readonly Contact[],
  network: NetworkGraph | undefined,
  target: string,
  options: IntroductionOptions = {},
): { target: TargetMatch; chains: Chain[] } {
  const trustMin = options.trustMin ?? 4;
  const graph = reachGraph(contacts, network, { trustMin });
  const match = findTarget(graph, contacts, target);
  if (!match.found) return { target: match, chains: [] };
  const closeness = new Map(contacts.map((c) => [contactNode(c.id), c.closeness ?? 0]));
  const trusted = graph.neighbors(EGO);
  const withoutMe = graph.copy();
  withoutMe.dropNode(EGO);
  const found: { via: string; path: string[] }[] = [];
  for (const t of trusted) {
    const path = t === match.node ? [t] : bidirectional(withoutMe, t, match.node);
    if (path) found.push({ via: t, path: [EGO, ...path] });
  }
  found.sort(
    (a, b) =>
      a.path.length - b.path.length ||
      (closeness.get(b.via) ?? 0) - (closeness.get(a.via) ?? 0) ||
      (a.via < b.via ? -1 : a.via > b.via ? 1 : 0),
  );
  const limit = options.limit ?? 5;
  const chains = found.slice(0, limit).map(({ via, path }) => ({
    length: path.length - 1,
    via: graph.getNodeAttribute(via, "id") as string,
    steps: path.map((node) => {
      const a = graph.getNodeAttributes(node);
      return { type: a.type, id: a.id, label: a.label };
    }),
  }));
  return { target: match, chains };
}
