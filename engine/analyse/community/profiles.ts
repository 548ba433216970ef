/**
 * Profiles of the communities of a maillage network: who is in each community and how it is tied.
 * For each community: size; internal links (every link of the multigraph with both ends inside) and
 * internal density (distinct linked pairs inside / (size (size − 1) / 2), null below two members);
 * composition by NAF division (with its label), commune, size class and actor kind (a missing value
 * is its own `null` entry); the share of market links among the internal links of known category;
 * key members (highest internal degree = distinct neighbours inside, then internal strength = summed
 * weight of internal links, then node order); and the links leaving the community, by the community
 * they reach. The partition usually comes from `louvain(analysisGraph(network))`.
 */
import type { NetworkGraph } from "../../model/graph.ts";
import { nafDivision } from "../../model/naf.ts";
import { nafLabel } from "../../model/nafLabels.ts";
import type { Labelling } from "./partition.ts";

export interface CompositionEntry {
  /** The attribute value; null for actors without it. */
  value: string | null;
  /** Human label when one exists (NAF divisions). */
  label?: string | null;
  count: number;
  /** count / size. */
  share: number;
}

export interface KeyMember {
  id: string;
  name: string | null;
  internalDegree: number;
  internalStrength: number;
}

export interface CommunityProfile {
  community: number | string;
  size: number;
  members: string[];
  internalLinks: number;
  /** Distinct pairs linked inside / possible pairs; null for fewer than two members. */
  density: number | null;
  composition: {
    nafDivision: CompositionEntry[];
    commune: CompositionEntry[];
    sizeClass: CompositionEntry[];
    kind: CompositionEntry[];
  };
  internalByCategory: { market: number; non_market: number; unknown: number };
  /** market / (market + non-market) internal links; null when none of known category. */
  marketShare: number | null;
  keyMembers: KeyMember[];
  /** Links with exactly one end inside. */
  leaving: {
    links: number;
    weight: number;
    byCommunity: Array<{ community: number | string; links: number; weight: number }>;
  };
}

export interface ProfileOptions {
  /** Number of key members listed. Default 5. */
  keyMembers?: number;
}

function composition(values: Array<string | null>, labelled = false): CompositionEntry[] {
  const counts = new Map<string | null, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  const entries = [...counts].map(([value, count]) => {
    const entry: CompositionEntry = { value, count, share: count / values.length };
    if (labelled) entry.label = value === null ? null : (nafLabel(value) ?? null);
    return entry;
  });
  // Largest first; ties by value, missing last, so the order never depends on input order.
  return entries.sort(
    (a, b) =>
      b.count - a.count ||
      (a.value === null ? 1 : b.value === null ? -1 : a.value < b.value ? -1 : a.value > b.value ? 1 : 0),
  );
}

const compareIds = (a: number | string, b: number | string) =>
  typeof a === "number" && typeof b === "number"
    ? a - b
    : String(a) < String(b)
      ? -1
      : String(a) > String(b)
        ? 1
        : 0;

export function communityProfiles(
  network: NetworkGraph,
  partition: Labelling,
  options: ProfileOptions = {},
): CommunityProfile[] {
  const top = options.keyMembers ?? 5;
  const communityOf = (node: string) => {
    const c = partition[node];
    if (c === undefined) throw new RangeError(`partition has no community for node "${node}"`);
    return c;
  };
  const members = new Map<number | string, string[]>();
  network.forEachNode((node) => {
    const c = communityOf(node);
    const list = members.get(c);
    if (list) list.push(node);
    else members.set(c, [node]);
  });
  const internalLinks = new Map<number | string, { market: number; non_market: number; unknown: number }>();
  const pairs = new Map<number | string, Set<string>>();
  const neighbours = new Map<string, Set<string>>();
  const strength = new Map<string, number>();
  const leaving = new Map<number | string, Map<number | string, { links: number; weight: number }>>();
  for (const c of members.keys()) {
    internalLinks.set(c, { market: 0, non_market: 0, unknown: 0 });
    pairs.set(c, new Set());
    leaving.set(c, new Map());
  }
  network.forEachEdge((_key, link, source, target) => {
    const cs = communityOf(source);
    const ct = communityOf(target);
    if (cs === ct) {
      const counts = internalLinks.get(cs) as { market: number; non_market: number; unknown: number };
      counts[link.category] += 1;
      (pairs.get(cs) as Set<string>).add(
        source < target ? `${source}\u0000${target}` : `${target}\u0000${source}`,
      );
      for (const [u, v] of [
        [source, target],
        [target, source],
      ]) {
        const set = neighbours.get(u);
        if (set) set.add(v);
        else neighbours.set(u, new Set([v]));
        strength.set(u, (strength.get(u) ?? 0) + link.weight);
      }
      return;
    }
    for (const [from, to] of [
      [cs, ct],
      [ct, cs],
    ]) {
      const byTarget = leaving.get(from) as Map<number | string, { links: number; weight: number }>;
      const entry = byTarget.get(to) ?? { links: 0, weight: 0 };
      entry.links += 1;
      entry.weight += link.weight;
      byTarget.set(to, entry);
    }
  });
  return [...members.keys()].sort(compareIds).map((c) => {
    const list = members.get(c) as string[];
    const size = list.length;
    const attributes = list.map((id) => network.getNodeAttributes(id));
    const counts = internalLinks.get(c) as { market: number; non_market: number; unknown: number };
    const known = counts.market + counts.non_market;
    const position = new Map(list.map((id, i) => [id, i]));
    const keyMembers = list
      .map((id) => ({
        id,
        name: network.getNodeAttribute(id, "name") ?? null,
        internalDegree: neighbours.get(id)?.size ?? 0,
        internalStrength: strength.get(id) ?? 0,
      }))
      .sort(
        (a, b) =>
          b.internalDegree - a.internalDegree ||
          b.internalStrength - a.internalStrength ||
          (position.get(a.id) as number) - (position.get(b.id) as number),
      )
      .slice(0, top);
    const out = [...(leaving.get(c) as Map<number | string, { links: number; weight: number }>)]
      .map(([community, e]) => ({ community, links: e.links, weight: e.weight }))
      .sort((a, b) => b.links - a.links || compareIds(a.community, b.community));
    return {
      community: c,
      size,
      members: list,
      internalLinks: counts.market + counts.non_market + counts.unknown,
      density: size < 2 ? null : (pairs.get(c) as Set<string>).size / ((size * (size - 1)) / 2),
      composition: {
        nafDivision: composition(
          attributes.map((a) => (a.naf ? nafDivision(a.naf) : null)),
          true,
        ),
        commune: composition(attributes.map((a) => a.commune)),
        sizeClass: composition(attributes.map((a) => a.size_class)),
        kind: composition(attributes.map((a) => a.kind)),
      },
      internalByCategory: { ...counts },
      marketShare: known === 0 ? null : counts.market / known,
      keyMembers,
      leaving: {
        links: out.reduce((s, e) => s + e.links, 0),
        weight: out.reduce((s, e) => s + e.weight, 0),
        byCommunity: out,
      },
    };
  });
}
