/**
 * The membership links of one organisation, read from the network: links of kind `membership` whose
 * target is the organisation (an undirected membership, which a file may force, counts from either
 * end). A member is active at a date when start ≤ date (no start = always) and end absent or ≥ date,
 * the rule of `membersOf` (`engine/analyse/structure/networkBridges.ts`), which gives the member sets.
 */
import { InputError } from "../../io/errors.ts";
import type { NetworkGraph } from "../../model/graph.ts";

export interface MembershipSpell {
  member: string;
  start: string | null;
  end: string | null;
}

/** Every membership link to `organisation`, in edge order. */
export function membershipSpells(network: NetworkGraph, organisation: string): MembershipSpell[] {
  const spells: MembershipSpell[] = [];
  network.forEachEdge(organisation, (_key, link, source, target, _s, _t, undirected) => {
    if (link.kind !== "membership") return;
    if (!undirected && target !== organisation) return;
    spells.push({ member: source === organisation ? target : source, start: link.start, end: link.end });
  });
  return spells;
}

/** Whether a spell covers `date` (same rule as `membersOf`). */
export const spellActiveAt = (s: MembershipSpell, date: string): boolean =>
  (s.start === null || s.start <= date) && (s.end === null || s.end >= date);

/**
 * The organisation named by `query`: an actor id, or else the one actor whose name equals it
 * (case- and accent-insensitive). An unknown or ambiguous name is an input error listing candidates.
 */
export function resolveOrganisation(network: NetworkGraph, query: string): string {
  if (network.hasNode(query)) return query;
  const fold = (s: string) =>
    s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/\s+/g, " ").trim();
  const wanted = fold(query);
  const found = network.filterNodes((_id, a) => a.name !== null && fold(a.name) === wanted);
  if (found.length === 1) return found[0];
  if (found.length > 1)
    throw new InputError(`"${query}" names several actors: ${found.join(", ")}; give an id.`);
  const organisations = network.filterNodes((id) => membershipSpells(network, id).length > 0);
  throw new InputError(
    `"${query}" is no actor id or name in the network` +
      (organisations.length > 0 ? ` (organisations with members: ${organisations.join(", ")})` : ""),
  );
}
