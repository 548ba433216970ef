/**
 * Rebuilding the network from the store. Rows come in a fixed order (actors by id, links by identity)
 * so the same store always gives the same graph, node and edge order included; numbers come back as
 * JS numbers and NULLs as null, dates as ISO `YYYY-MM-DD` text, exactly as the model holds them.
 */
import { buildNetwork, type NetworkGraph } from "../model/graph.ts";
import type { Actor, Link } from "../model/types.ts";
import type { Store } from "./connection.ts";
import { all } from "./sql.ts";

/** All actors, ordered by id. */
export function loadActors(store: Store): Promise<Actor[]> {
  return all<Actor>(
    store.connection,
    `SELECT id, name, kind, subtype, naf, commune, headcount, size_class, founded, public_label
     FROM actors ORDER BY id`,
  );
}

/** All links, ordered by identity (`link_key`). */
export function loadLinks(store: Store): Promise<Link[]> {
  return all<Link>(
    store.connection,
    `SELECT source, target, kind, category, orientation, formality, weight, frequency,
            strftime(start, '%Y-%m-%d') AS start, strftime("end", '%Y-%m-%d') AS "end", directed, source_ref
     FROM links ORDER BY link_key`,
  );
}

/** The network held in the store (see `buildNetwork`: null orientations are derived on the way). */
export async function loadNetwork(store: Store): Promise<NetworkGraph> {
  const actors = await loadActors(store);
  const links = await loadLinks(store);
  return buildNetwork(actors, links);
}
