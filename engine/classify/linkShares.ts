/**
 * Counting the links of a network by category, orientation, formality and direction, for the whole
 * network or the links touching one actor. Each link of the multigraph counts once (two kinds between
 * one pair are two links).
 */
import type { NetworkGraph } from "../model/graph.ts";
import type { LinkAttributes } from "../model/types.ts";

export interface LinkCounts {
  links: number;
  market: number;
  nonMarket: number;
  vertical: number;
  horizontal: number;
  intersectoral: number;
  formal: number;
  informal: number;
  /** supply/subcontracting links (client links read reversed) whose customer end is known. */
  supplyLinks: number;
  /** …of which this actor is the customer (supplier → it); only for one actor. */
  supplyInbound: number;
}

const blank = (): LinkCounts => ({
  links: 0,
  market: 0,
  nonMarket: 0,
  vertical: 0,
  horizontal: 0,
  intersectoral: 0,
  formal: 0,
  informal: 0,
  supplyLinks: 0,
  supplyInbound: 0,
});

function add(c: LinkCounts, a: LinkAttributes, source: string, target: string, actor: string | null): void {
  c.links++;
  if (a.category === "market") {
    c.market++;
    if (a.orientation === "vertical") c.vertical++;
    else if (a.orientation === "horizontal") c.horizontal++;
    else if (a.orientation === "intersectoral") c.intersectoral++;
  } else if (a.category === "non_market") c.nonMarket++;
  if (a.formality === "formal") c.formal++;
  else if (a.formality === "informal") c.informal++;
  if (a.directed && (a.kind === "supply" || a.kind === "subcontracting" || a.kind === "client")) {
    c.supplyLinks++;
    const customer = a.kind === "client" ? source : target;
    if (actor !== null && customer === actor) c.supplyInbound++;
  }
}

/** Counts over every link of the network. */
export function linkCounts(graph: NetworkGraph): LinkCounts {
  const c = blank();
  graph.forEachEdge((_, a, s, t) => add(c, a, s, t, null));
  return c;
}

/** Counts over the links touching `actor`. */
export function actorLinkCounts(graph: NetworkGraph, actor: string): LinkCounts {
  const c = blank();
  graph.forEachEdge(actor, (_, a, s, t) => add(c, a, s, t, actor));
  return c;
}

/** a / b, or null when b is 0. */
export const ratio = (a: number, b: number): number | null => (b > 0 ? a / b : null);
