/**
 * Complementary activities: pairs of NAF divisions joined by the value chains the network shows.
 * A chain link is a link of kind `supply`, `subcontracting` or `client` (the vertical kinds) that began
 * on or before asOf (ended ones count: the chain was observed), between two actors of different
 * divisions; the pair is unordered (both sides of a chain gain from meeting) and counts its links.
 * A documented table of complementary divisions can be added (`table`); a pair in it with no observed
 * link counts 0 links and is marked as coming from the table.
 */
import type { NetworkGraph } from "../../model/graph.ts";
import { nafDivision } from "../../model/naf.ts";
import { VALUE_CHAIN_KINDS } from "../../model/vocabulary.ts";

/** The vertical kinds of the model (`VALUE_CHAIN_KINDS`): supply, subcontracting, client. */
export const CHAIN_KINDS: readonly string[] = [...VALUE_CHAIN_KINDS];

export interface ValueChainOptions {
  asOf?: string | null;
  kinds?: readonly string[];
  /** Extra complementary division pairs, e.g. [["29", "22"]]. */
  table?: ReadonlyArray<readonly [string, string]>;
}

export interface ValueChain {
  divisions: [string, string];
  links: number;
  inTable: boolean;
}

export const divisionPairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

/** Complementary division pairs keyed by `divisionPairKey`. */
export function valueChains(network: NetworkGraph, options: ValueChainOptions = {}): Map<string, ValueChain> {
  const kinds = new Set(options.kinds ?? CHAIN_KINDS);
  const chains = new Map<string, ValueChain>();
  const entry = (a: string, b: string) => {
    const key = divisionPairKey(a, b);
    let c = chains.get(key);
    if (!c) {
      c = { divisions: a < b ? [a, b] : [b, a], links: 0, inTable: false };
      chains.set(key, c);
    }
    return c;
  };
  network.forEachEdge((_key, link, source, target) => {
    if (!kinds.has(link.kind)) return;
    if (options.asOf && link.start !== null && link.start > options.asOf) return;
    const a = network.getNodeAttribute(source, "naf");
    const b = network.getNodeAttribute(target, "naf");
    if (!a || !b) return;
    const da = nafDivision(a);
    const db = nafDivision(b);
    if (da !== db) entry(da, db).links++;
  });
  for (const [a, b] of options.table ?? []) if (a !== b) entry(a, b).inTable = true;
  return chains;
}
