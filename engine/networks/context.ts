/**
 * What every computation of the network of networks reads from the model, built once: the as-of date,
 * the window, the membership spells of each registered network and the ties between actors.
 *
 * - **asOf** defaults to the latest date found in the links (start or end) and in the registry's
 *   actions, never the clock (CONVENTIONS); an explicit asOf must be an ISO date.
 * - **Window**: (asOf − `months` calendar months, asOf], `months` default 12 (`addMonths`, the day
 *   clamped to the month's length).
 * - **Members** of a registered network at a date: the `membership` links pointing to its actor,
 *   active that day (start ≤ date or absent, end absent or ≥ date: `spellActiveAt`, the rule of
 *   `membersOf`). A network whose id is no actor of the graph has no members.
 * - **Ties**: every link that is not a `membership`, between two distinct actors, read undirected
 *   (parallel links kept as separate spells; measures count distinct pairs). A tie is active at a date
 *   by the same rule as a membership, and is *formed in a window* when its start falls in the window
 *   (an undated start forms no new tie).
 */
import { addMonths } from "../analyse/dynamics/dates.ts";
import { type MembershipSpell, membershipSpells, spellActiveAt } from "../contacts/members/memberships.ts";
import { InputError } from "../io/errors.ts";
import { parseDate } from "../model/dates.ts";
import type { NetworkGraph } from "../model/graph.ts";
import type { NetworkAction, Registry } from "./types.ts";

export const DEFAULT_WINDOW_MONTHS = 12;

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** The latest link start/end or action date; null when nothing is dated. */
export function latestRegistryDate(registry: Registry, graph: NetworkGraph): string | null {
  let latest: string | null = null;
  const see = (d: string | null | undefined) => {
    if (d && (latest === null || d > latest)) latest = d;
  };
  graph.forEachEdge((_key, link) => {
    see(link.start);
    see(link.end);
  });
  for (const action of registry.actions) see(action.date);
  return latest;
}

/**
 * asOf when given (checked), else the latest date in links and actions. A malformed asOf, or no date
 * at all to take it from, is the user's to fix: an `InputError` (field `asOf`).
 */
export function resolveRegistryAsOf(registry: Registry, graph: NetworkGraph, asOf?: string | null): string {
  if (asOf) {
    // A real calendar day, written as one: parseDate gives back the same string only then.
    if (!ISO.test(asOf) || parseDate(asOf) !== asOf)
      throw new InputError(`asOf is not an ISO date YYYY-MM-DD: "${asOf}"`, { field: "asOf" });
    return asOf;
  }
  const latest = latestRegistryDate(registry, graph);
  if (latest === null)
    throw new InputError("no dated link or action to take asOf from: give asOf explicitly", {
      field: "asOf",
    });
  return latest;
}

export interface Window {
  /** Start of the window, excluded. */
  from: string;
  /** End of the window (asOf), included. */
  to: string;
  months: number;
}

export function windowEnding(asOf: string, months = DEFAULT_WINDOW_MONTHS): Window {
  return { from: addMonths(asOf, -months), to: asOf, months };
}

export const inWindow = (date: string | null, w: Window): boolean =>
  date !== null && date > w.from && date <= w.to;

export interface TieSpell {
  other: string;
  start: string | null;
  end: string | null;
}

export const tieActiveAt = (t: TieSpell, date: string): boolean =>
  (t.start === null || t.start <= date) && (t.end === null || t.end >= date);

/** The model read once: membership spells per registered network, ties per actor, actions per network. */
export interface RegistryContext {
  registry: Registry;
  graph: NetworkGraph;
  /** Membership spells of each registered network (empty when its id is not in the graph). */
  spells: Map<string, MembershipSpell[]>;
  /** Non-membership links of each actor, undirected. */
  ties: Map<string, TieSpell[]>;
  /** Actions of each registered network (an action of several networks is in each list), by date. */
  actions: Map<string, NetworkAction[]>;
  /** Each actor's position in the graph's node order (lists of members follow it). */
  position: Map<string, number>;
}

export function registryContext(registry: Registry, graph: NetworkGraph): RegistryContext {
  const spells = new Map<string, MembershipSpell[]>();
  for (const n of registry.networks)
    spells.set(n.id, graph.hasNode(n.id) ? membershipSpells(graph, n.id) : []);
  const ties = new Map<string, TieSpell[]>();
  const push = (a: string, t: TieSpell) => {
    const list = ties.get(a);
    if (list) list.push(t);
    else ties.set(a, [t]);
  };
  graph.forEachEdge((_key, link, source, target) => {
    if (link.kind === "membership" || source === target) return;
    push(source, { other: target, start: link.start, end: link.end });
    push(target, { other: source, start: link.start, end: link.end });
  });
  const actions = new Map<string, NetworkAction[]>(registry.networks.map((n) => [n.id, []]));
  for (const action of registry.actions)
    for (const id of new Set(action.networks)) actions.get(id)?.push(action);
  for (const list of actions.values()) list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const position = new Map<string, number>();
  graph.forEachNode((id) => {
    position.set(id, position.size);
  });
  return { registry, graph, spells, ties, actions, position };
}

/** Members of a registered network at `date`, in graph order (distinct). */
export function membersAt(ctx: RegistryContext, network: string, date: string): string[] {
  const active = new Set<string>();
  for (const s of ctx.spells.get(network) ?? []) if (spellActiveAt(s, date)) active.add(s.member);
  const at = (id: string) => ctx.position.get(id) ?? Number.POSITIVE_INFINITY;
  return [...active].filter((id) => ctx.position.has(id)).sort((a, b) => at(a) - at(b));
}

export const tiesOf = (ctx: RegistryContext, actor: string): TieSpell[] => ctx.ties.get(actor) ?? [];

/** Rounded to 6 decimals, as the other result modules do, so that results compare and print stably. */
export const round6 = (x: number): number => Math.round(x * 1e6) / 1e6;

/** A value that may be undefined, with the reason in words. */
export interface Measured {
  value: number | null;
  /** Why the value is null; null when it is defined. */
  reason: string | null;
}

export const measured = (value: number | null, reason: string): Measured =>
  value === null || !Number.isFinite(value)
    ? { value: null, reason }
    : { value: round6(value), reason: null };

/** A registered network exists at `date`: founded on or before it (or unknown), not ended before it. */
export const networkActiveAt = (n: { founded: string | null; ended: string | null }, date: string): boolean =>
  (n.founded === null || n.founded <= date) && (n.ended === null || n.ended >= date);
