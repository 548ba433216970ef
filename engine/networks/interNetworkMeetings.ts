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
 *   division pairs that contribute most to the score (`evidence`, default 10): member pairs, chain
 *   links and their contribution, by contribution, then links, then division codes.
 * - Cost: one pass over the members (their networks and tie partners) and a division-space product
 *   per pair of networks; no pair scans its members (500 networks × 100,000 firms: `bench/networks.ts`).
 */
import { CHAIN_KINDS, divisionPairKey, valueChains } from "../contacts/members/valueChains.ts";
import { nafDivision } from "../model/naf.ts";
import { networkActiveAt, type RegistryContext, round6, tieActiveAt, tiesOf } from "./context.ts";

export const DEFAULT_MAX_TIES = 0;
export const DEFAULT_MEETING_EVIDENCE = 10;

export interface MeetingOptions {
  /** Pairs with more than this many member-to-member ties are already tied. Default 0. */
  maxTies?: number;
  /** Link kinds read as value chains. Default supply, subcontracting, client. */
  chainKinds?: readonly string[];
  /** Extra complementary division pairs (no observed link: they add nothing to the score, they are listed). */
  table?: ReadonlyArray<readonly [string, string]>;
  /** Division pairs kept as evidence per suggestion, the largest contributions. Default 10. */
  evidence?: number;
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

export function interNetworkMeetings(
  ctx: RegistryContext,
  memberSets: ReadonlyMap<string, ReadonlySet<string>>,
  asOf: string,
  options: MeetingOptions = {},
): MeetingSuggestion[] {
  const maxTies = options.maxTies ?? DEFAULT_MAX_TIES;
  const keep = Math.max(1, options.evidence ?? DEFAULT_MEETING_EVIDENCE);
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
  // Read once, not per pair: each member's partners tied at asOf, and each network's members by NAF
  // division as a vector over the divisions present, with the chain matrix L (links between two
  // different divisions, 0 on the diagonal). complementarity(A', B') = n_A'ᵀ L n_B', where
  // n_A' = n_A − n_S for the shared members S: expanded, it needs only w_X = L n_X per network and
  // the (small) shared part per pair.
  const partners = new Map<string, Set<string>>();
  const divisionIndex = new Map<string, number>();
  const divisionOf = (id: string): number | undefined => {
    const naf = ctx.graph.getNodeAttribute(id, "naf");
    if (!naf) return undefined;
    const d = nafDivision(naf);
    let k = divisionIndex.get(d);
    if (k === undefined) {
      k = divisionIndex.size;
      divisionIndex.set(d, k);
    }
    return k;
  };
  for (const n of live)
    for (const u of memberSets.get(n.id) ?? []) {
      divisionOf(u);
      if (partners.has(u)) continue;
      const tied = new Set<string>();
      for (const t of tiesOf(ctx, u)) if (tieActiveAt(t, asOf)) tied.add(t.other);
      partners.set(u, tied);
    }
  const dims = divisionIndex.size;
  const names = [...divisionIndex.keys()];
  const L = new Float64Array(dims * dims);
  for (let x = 0; x < dims; x++)
    for (let y = 0; y < dims; y++)
      if (x !== y) L[x * dims + y] = chains.get(divisionPairKey(names[x], names[y]))?.links ?? 0;
  const countsOf = (members: Iterable<string>): Float64Array => {
    const v = new Float64Array(dims);
    for (const u of members) {
      const k = divisionOf(u);
      if (k !== undefined) v[k]++;
    }
    return v;
  };
  const times = (v: Float64Array): Float64Array => {
    const w = new Float64Array(dims);
    for (let x = 0; x < dims; x++) {
      if (v[x] === 0) continue;
      for (let y = 0; y < dims; y++) w[y] += v[x] * L[x * dims + y];
    }
    return w;
  };
  /** vᵀ L v over v's non-zero entries (a few shared members: a few divisions). */
  const quadratic = (v: Float64Array): number => {
    const nonZero: number[] = [];
    for (let k = 0; k < dims; k++) if (v[k] !== 0) nonZero.push(k);
    let sum = 0;
    for (const x of nonZero) for (const y of nonZero) sum += v[x] * v[y] * L[x * dims + y];
    return sum;
  };
  const dot = (a: Float64Array, b: Float64Array): number => {
    let sum = 0;
    for (let k = 0; k < dims; k++) sum += a[k] * b[k];
    return sum;
  };
  const counts = new Map(live.map((n) => [n.id, countsOf(memberSets.get(n.id) ?? [])]));
  const weighted = new Map(live.map((n) => [n.id, times(counts.get(n.id) as Float64Array)]));

  // Shared members and member-to-member ties of every pair, from each member's networks (a firm
  // sits in a few): no pair scans its members.
  const N = live.length;
  const position = new Map(live.map((n, k) => [n.id, k]));
  const netsOf = new Map<string, number[]>();
  for (const n of live)
    for (const u of memberSets.get(n.id) ?? []) {
      let list = netsOf.get(u);
      if (!list) {
        list = [];
        netsOf.set(u, list);
      }
      list.push(position.get(n.id) as number);
    }
  const pairKey = (x: number, y: number) => (x < y ? x * N + y : y * N + x);
  const shared = new Map<number, string[]>();
  for (const [u, nets] of netsOf)
    for (let x = 0; x < nets.length; x++)
      for (let y = x + 1; y < nets.length; y++) {
        const key = pairKey(nets[x], nets[y]);
        let list = shared.get(key);
        if (!list) {
          list = [];
          shared.set(key, list);
        }
        list.push(u);
      }
  // A tie u–v counts for {A, B} when u is in A but not B and v in B but not A (both ends outside
  // the shared members): each distinct tied pair once per pair of networks.
  const ties = new Map<number, number>();
  for (const [u, tied] of partners) {
    const netsU = netsOf.get(u) ?? [];
    const inU = new Set(netsU);
    for (const v of tied) {
      if (!(u < v)) continue;
      const netsV = netsOf.get(v);
      if (!netsV) continue;
      const inV = new Set(netsV);
      for (const x of netsU)
        for (const y of netsV)
          if (x !== y && !inV.has(x) && !inU.has(y)) {
            const key = pairKey(x, y);
            ties.set(key, (ties.get(key) ?? 0) + 1);
          }
    }
  }

  const found: { s: MeetingSuggestion; order: number }[] = [];
  for (let i = 0; i < N; i++)
    for (let j = i + 1; j < N; j++) {
      const a = live[i].id;
      const b = live[j].id;
      if (met.has(`${a}\u0000${b}`)) continue;
      const both = shared.get(pairKey(i, j)) ?? [];
      const sizeA = (memberSets.get(a)?.size ?? 0) - both.length;
      const sizeB = (memberSets.get(b)?.size ?? 0) - both.length;
      if (sizeA === 0 || sizeB === 0) continue;
      const nA = counts.get(a) as Float64Array;
      const nB = counts.get(b) as Float64Array;
      const wA = weighted.get(a) as Float64Array;
      const wB = weighted.get(b) as Float64Array;
      const nS = countsOf(both);
      let raw = dot(wA, nB);
      if (both.length > 0) raw += -dot(wB, nS) - dot(wA, nS) + quadratic(nS);
      // Counts are whole numbers and L holds link counts: the sum is exact, a true 0 stays 0.
      if (raw <= 0) continue;
      const tied = ties.get(pairKey(i, j)) ?? 0;
      if (tied > maxTies) continue;
      // The evidence, for the pairs suggested only: the largest contributions, kept in a short
      // sorted list (a full list per pair would hold thousands of division pairs).
      const evidence: MeetingChain[] = [];
      const before = (x: MeetingChain, y: MeetingChain) =>
        x.contribution > y.contribution ||
        (x.contribution === y.contribution &&
          (x.links > y.links ||
            (x.links === y.links &&
              (x.divisions[0] + x.divisions[1]).localeCompare(y.divisions[0] + y.divisions[1]) < 0)));
      for (let x = 0; x < dims; x++) {
        const na = nA[x] - nS[x];
        if (na <= 0) continue;
        for (let y = 0; y < dims; y++) {
          const nb = nB[y] - nS[y];
          const links = L[x * dims + y];
          if (nb <= 0 || links === 0) continue;
          const contribution = links * na * nb;
          if (evidence.length === keep && contribution < evidence[keep - 1].contribution) continue;
          const chain: MeetingChain = {
            divisions: [names[x], names[y]],
            links,
            memberPairs: na * nb,
            contribution,
          };
          let at = evidence.length;
          while (at > 0 && before(chain, evidence[at - 1])) at--;
          if (at >= keep) continue;
          evidence.splice(at, 0, chain);
          if (evidence.length > keep) evidence.pop();
        }
      }
      found.push({
        order: found.length,
        s: {
          a,
          b,
          membersA: sizeA,
          membersB: sizeB,
          sharedMembers: both.length,
          complementarity: raw,
          score: round6(raw / (sizeA * sizeB)),
          ties: tied,
          chains: evidence,
        },
      });
    }
  return found
    .sort((x, y) => y.s.score - x.s.score || y.s.complementarity - x.s.complementarity || x.order - y.order)
    .map((f) => f.s);
}
