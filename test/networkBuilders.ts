/** Builders of small hand-made maillage networks for tests, and the built-in rouen network read once. */
import { findDataset } from "../datasets/index.ts";
import { readNetwork } from "../engine/io/readNetwork.ts";
import { buildNetwork, type NetworkGraph } from "../engine/model/graph.ts";
import { type Actor, blankActor, blankLink, type Link } from "../engine/model/types.ts";
import type { LinkKind } from "../engine/model/vocabulary.ts";

/** A firm unless `fields.kind` says otherwise; every other field empty unless given. */
export function actor(id: string, fields: Partial<Actor> = {}): Actor {
  return { ...blankActor(id, "firm"), ...fields };
}

/** A link with its derived category and its kind's default direction, unless `fields` says otherwise. */
export const link = (source: string, target: string, kind: LinkKind, fields: Partial<Link> = {}): Link =>
  blankLink(source, target, kind, fields);

export const network = (actors: Actor[], links: Link[]): NetworkGraph => buildNetwork(actors, links);

let rouenCache: NetworkGraph | undefined;

/** The built-in rouen network (read once per test file). */
export async function rouenNetwork(): Promise<NetworkGraph> {
  if (rouenCache) return rouenCache;
  const rouen = findDataset("rouen");
  if (!rouen) throw new Error("the built-in rouen dataset is missing");
  rouenCache = (await readNetwork({ nodes: rouen.files.actors, edges: rouen.files.links })).graph;
  return rouenCache;
}
