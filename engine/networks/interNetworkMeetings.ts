/**
 * Suggested inter-network meetings (DOMAIN.md §8: meshing between networks): pairs of registered
 * networks whose members are complementary along the value chains of the territory but who do not
 * meet yet.
 *
 * - **Value chains**: the NAF division pairs joined by vertical links (supply, subcontracting, client)
 *   begun by asOf anywhere in the graph, with their link counts (`contacts/members/valueChains.ts`,
 *   plus an optional table of complementary divisions, which adds pairs with 0 links: no weight).
 * - For networks A and B existing at asOf, with member sets at asOf, the shared members are left out
 *   (A' = A \ B, B' = B \ A: they already carry both networks). `complementarity` (raw) =
 *   Σ over a ∈ A', b ∈ B' with different known divisions of chainLinks(div a, div b); `score` = raw ÷
 *   (|A'|·|B'|), the mean number of observed chain links per cross-network pair of members (members
 *   without NAF count in the denominator and add nothing).
 * - **Not tied**: at most `maxTies` (default 0) distinct pairs (a ∈ A', b ∈ B') joined by a
 *   non-membership link active at asOf, and no `inter_network` action dated ≤ asOf run by both.
 * - Suggested when raw > 0; ranked by score, then raw, then registry order. The evidence lists the
 *   division pairs behind the score: member pairs, chain links and their contribution.
 */
import { CHAIN_KINDS, divisionPairKey, valueChains } from "../contacts/members/valueChains.ts";
import { nafDivision } from "../model/naf.ts";
import { networkActiveAt, type RegistryContext, round6, tieActiveAt, tiesOf } from "./context.ts";

export const DEFAULT_MAX_TIES = 0;

export interface MeetingOptions {
  /** Pairs with more than this many member-to-member ties are already tied. Default 0. */
  maxTies?: number;
  /** Link kinds read as value chains. Default supply, subcontracting, client. */
  chainKinds?: readonly string[];
  /** Extra complementary division pairs (no observed link: they add nothing to the score, they are listed). */
  table?: ReadonlyArray<readonly [string, string]>;
}

export interface MeetingChain {
  /** [division of a member of a, division of a member of b]. */
  divisions: [string, string];
  /** Chain links observed between the two divisions in the graph. */
  links: number;
  /** Member pairs (a in A', b in B') with these divisions. */
  memberPairs: number;
  /** links × memberPairs. */
  contribution: number;
}

export interface MeetingSuggestion {
  a: string;
  b: string;
  /** |A'| and |B'|: members at asOf not shared. */
  membersA: number;
  membersB: number;
  sharedMembers: number;
  complementarity: number;
  score: number;
  /** Member-to-member ties active at asOf (≤ maxTies). */
  ties: number;
  chains: MeetingChain[];
}

function divisionCounts(ctx: RegistryContext, members: Iterable<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const id of members) {
    const naf = ctx.graph.getNodeAttribute(id, "naf");
    if (naf) counts.set(nafDivision(naf), (counts.get(nafDivision(naf)) ?? 0) + 1);
  }
  return counts;
}

export function interNetworkMeetings(
  ctx: RegistryContext,
  memberSets: ReadonlyMap<string, ReadonlySet<string>>,
  asOf: string,
  options: MeetingOptions = {},
): MeetingSuggestion[] {
  const maxTies = options.maxTies ?? DEFAULT_MAX_TIES;
  const chains = valueChains(ctx.graph, {
    asOf,
    kinds: options.chainKinds ?? CHAIN_KINDS,
    table: options.table,
  });
  const met = new Set<string>();
  for (const action of ctx.registry.actions)
    if (action.kind === "inter_network" && action.date <= asOf)
      for (const x of action.networks)
        for (const y of action.networks) if (x !== y) met.add(`${x}\u0000${y}`);
  const live = ctx.registry.networks.filter((n) => networkActiveAt(n, asOf));
  const found: { s: MeetingSuggestion; order: number }[] = [];
  for (let i = 0; i < live.length; i++)
    for (let j = i + 1; j < live.length; j++) {
      const a = live[i].id;
      const b = live[j].id;
      if (met.has(`${a}\u0000${b}`)) continue;
      const setA = memberSets.get(a) ?? new Set<string>();
      const setB = memberSets.get(b) ?? new Set<string>();
      const onlyA = [...setA].filter((x) => !setB.has(x));
      const onlyB = new Set([...setB].filter((x) => !setA.has(x)));
      if (onlyA.length === 0 || onlyB.size === 0) continue;
      let ties = 0;
      for (const u of onlyA) {
        const tied = new Set<string>();
        for (const t of tiesOf(ctx, u)) if (onlyB.has(t.other) && tieActiveAt(t, asOf)) tied.add(t.other);
        ties += tied.size;
      }
      if (ties > maxTies) continue;
      const countsA = divisionCounts(ctx, onlyA);
      const countsB = divisionCounts(ctx, onlyB);
      const evidence: MeetingChain[] = [];
      let raw = 0;
      for (const [da, na] of countsA)
        for (const [db, nb] of countsB) {
          if (da === db) continue;
          const chain = chains.get(divisionPairKey(da, db));
          if (!chain) continue;
          const contribution = chain.links * na * nb;
          raw += contribution;
          evidence.push({ divisions: [da, db], links: chain.links, memberPairs: na * nb, contribution });
        }
      if (raw <= 0) continue;
      evidence.sort((x, y) => y.contribution - x.contribution || y.links - x.links);
      found.push({
        order: found.length,
        s: {
          a,
          b,
          membersA: onlyA.length,
          membersB: onlyB.size,
          sharedMembers: setA.size - onlyA.length,
          complementarity: raw,
          score: round6(raw / (onlyA.length * onlyB.size)),
          ties,
          chains: evidence,
        },
      });
    }
  return found
    .sort((x, y) => y.s.score - x.s.score || y.s.complementarity - x.s.complementarity || x.order - y.order)
    .map((f) => f.s);
}
