/**
 * Pseudonymised exports: contacts are personal data, so an export can replace the id and name of
 * persons by a keyed hash (HMAC-SHA-256 of the id). The same id and key always give the same
 * pseudonym, so exports made at different times can still be joined; without the key the mapping
 * cannot be rebuilt by guessing ids. Links are rewired to the pseudonyms; nothing else changes.
 */
import { createHmac } from "node:crypto";
import { emptyNetwork, type NetworkGraph } from "../model/graph.ts";
import type { ActorKind } from "../model/vocabulary.ts";

export interface PseudonymiseOptions {
  /** Secret key of the hash. Keep it to join later exports; without it pseudonyms cannot be reversed. */
  key: string;
  /** Actor kinds to pseudonymise. Default: persons only. */
  kinds?: ActorKind[];
}

export function pseudonym(id: string, key: string): string {
  return `anon-${createHmac("sha256", key).update(id).digest("hex").slice(0, 16)}`;
}

export function pseudonymiseNetwork(graph: NetworkGraph, options: PseudonymiseOptions): NetworkGraph {
  const kinds = new Set<ActorKind>(options.kinds ?? ["person"]);
  const renamed = new Map<string, string>();
  const out = emptyNetwork();
  graph.forEachNode((id, attributes) => {
    if (kinds.has(attributes.kind)) {
      const alias = pseudonym(id, options.key);
      renamed.set(id, alias);
      out.addNode(alias, { ...attributes, name: null });
    } else out.addNode(id, { ...attributes });
  });
  graph.forEachEdge((key, attributes, source, target) => {
    const s = renamed.get(source) ?? source;
    const t = renamed.get(target) ?? target;
    const edgeKey = renamed.has(source) || renamed.has(target) ? pseudonym(key, options.key) : key;
    if (attributes.directed) out.addDirectedEdgeWithKey(edgeKey, s, t, { ...attributes });
    else out.addUndirectedEdgeWithKey(edgeKey, s, t, { ...attributes });
  });
  return out;
}
