/**
 * Piloting indicators of one registered network at asOf (DOMAIN.md §8: "efficiency indicators per
 * network"). asOf defaults to the latest date in the links and the registry's actions (never the
 * clock); the window is (asOf − 12 months, asOf] by default (`context.ts`). Definitions:
 *
 * - `members`: members at asOf (membership active that day: start ≤ asOf or absent, end absent or
 *   ≥ asOf).
 * - `joins` / `leaves`: membership links whose start / end falls in the window (a member who leaves
 *   and rejoins counts each time, as in `selectivity.ts`); `netGrowth` = joins − leaves.
 * - `active`: members at asOf who took part in an action of the network dated in the window (listed
 *   as a participant) OR formed a tie (a non-membership link starting in the window) with another
 *   member at asOf; `activeShare` = active / members (null with no member).
 * - `ties`, `density`: the undirected simple graph of non-membership links active at asOf between two
 *   members at asOf has `ties` edges; density = 2E / (n(n − 1)) (null below 2 members).
 * - `newTies`: pairs of members at asOf joined by a non-membership link starting in the window.
 * - `outward`, `outwardShare`: members at asOf with a non-membership link active at asOf to a member
 *   (at asOf) of another registered network who is not a member of this one; share of the members.
 * - `reach`: members at asOf located in the network's territory whose NAF falls inside its activities
 *   ÷ establishments (blanks 0) of the reference year — the latest year of the table ≤ asOf's year — in
 *   the territory's communes whose NAF falls inside its activities. Null, with the reason, without an
 *   establishment table, without an activity list (an empty list means every activity: no sector to
 *   reach), without a territory, without a year ≤ asOf's, or with no such establishment. It can exceed
 *   1 when members are missing from the table (new firms, secret cells).
 * - `concentration`: participations of each member at asOf = actions of the network in the window it
 *   took part in + its new ties (distinct other members it formed a tie with in the window). `gini` of
 *   that distribution over all members at asOf (zeros included; `classify/indicators.ts` gini),
 *   `top20Share` = share of all participations carried by the ⌈20 % · members⌉ members with the most,
 *   `carriers` = the fewest members whose participations reach ≥ 50 % of the total, with their counts
 *   (ties in counts broken by graph order). Null with no participation in the window.
 * - `actions`: actions of the network dated in the window (an action of several networks counts for
 *   each); `attendance` = participants listed + counts given when only a count is known.
 */
import { gini } from "../classify/indicators.ts";
import type { EstablishmentRow } from "../store/loadEstablishments.ts";
import { nafInActivities } from "./activities.ts";
import {
  DEFAULT_WINDOW_MONTHS,
  inWindow,
  type Measured,
  measured,
  membersAt,
  type RegistryContext,
  tieActiveAt,
  tiesOf,
  type Window,
  windowEnding,
} from "./context.ts";
import type { RegisteredNetwork } from "./types.ts";

export const DEFAULT_TOP_SHARE = 0.2;
export const DEFAULT_CARRIED_SHARE = 0.5;

export interface PilotOptions {
  /** Window length in months. Default 12. */
  months?: number;
  /** Establishment table for `reach` (all years; the reference year is chosen from it). */
  establishments?: readonly EstablishmentRow[] | null;
  /** Share of the members counted as the top (default 0.2). */
  topShare?: number;
  /** Share of the participations the carriers reach (default 0.5). */
  carriedShare?: number;
  /** Member sets of every registered network at asOf, when already computed (ids → members). */
  memberSets?: ReadonlyMap<string, ReadonlySet<string>>;
}

export interface MemberParticipation {
  id: string;
  name: string | null;
  /** actions + newTies. */
  participations: number;
  /** Actions of the network in the window it took part in. */
  actions: number;
  /** Distinct other members it formed a tie with in the window. */
  newTies: number;
}

export interface Reach extends Measured {
  /** Members in the territory whose NAF falls inside the activities (null when reach is undefined for want of data). */
  members: number | null;
  /** Establishments of the activities in the territory, reference year. */
  establishments: number | null;
  /** Reference year of the establishment table. */
  year: number | null;
}

export interface Concentration {
  /** Sum of the members' participations. */
  total: number;
  gini: Measured;
  /** ⌈topShare · members⌉. */
  topMembers: number;
  topShare: Measured;
  /** The fewest members carrying ≥ carriedShare of the participations, most first. */
  carriers: MemberParticipation[];
  /** Every member at asOf, most participations first (graph order on ties). */
  participations: MemberParticipation[];
}

export interface PilotIndicators {
  network: string;
  name: string | null;
  asOf: string;
  window: Window;
  members: number;
  joins: number;
  leaves: number;
  netGrowth: number;
  active: number;
  activeShare: Measured;
  ties: number;
  density: Measured;
  newTies: number;
  outward: number;
  outwardShare: Measured;
  reach: Reach;
  concentration: Concentration;
  actions: number;
  attendance: number;
}

const memberSetCache = new WeakMap<RegistryContext, Map<string, Map<string, Set<string>>>>();

/** Member sets of every registered network at `date` (kept per context: the series ask for the same dates). */
export function memberSetsAt(ctx: RegistryContext, date: string): Map<string, Set<string>> {
  let byDate = memberSetCache.get(ctx);
  if (!byDate) {
    byDate = new Map();
    memberSetCache.set(ctx, byDate);
  }
  let sets = byDate.get(date);
  if (!sets) {
    sets = new Map(ctx.registry.networks.map((n) => [n.id, new Set(membersAt(ctx, n.id, date))]));
    byDate.set(date, sets);
  }
  return sets;
}

/** The latest year of the table ≤ `year`, or null. */
export function referenceYear(rows: readonly EstablishmentRow[], year: number): number | null {
  let best: number | null = null;
  for (const r of rows) if (r.year <= year && (best === null || r.year > best)) best = r.year;
  return best;
}

function reachOf(
  network: RegisteredNetwork,
  ctx: RegistryContext,
  members: readonly string[],
  asOf: string,
  rows: readonly EstablishmentRow[] | null | undefined,
): Reach {
  const undefinedReach = (reason: string): Reach => ({
    value: null,
    reason,
    members: null,
    establishments: null,
    year: null,
  });
  if (!rows || rows.length === 0) return undefinedReach("no establishment table");
  if (network.activities.length === 0)
    return undefinedReach("the registry lists no activity for the network");
  if (network.territory.length === 0)
    return undefinedReach("the registry gives no territory for the network");
  const year = referenceYear(rows, Number(asOf.slice(0, 4)));
  if (year === null) return undefinedReach(`the establishment table has no year up to ${asOf.slice(0, 4)}`);
  const territory = new Set(network.territory);
  let establishments = 0;
  for (const r of rows)
    if (r.year === year && territory.has(r.commune) && nafInActivities(r.naf, network.activities))
      establishments += r.establishments ?? 0;
  let inside = 0;
  for (const id of members) {
    const a = ctx.graph.getNodeAttributes(id);
    if (
      a.commune !== null &&
      territory.has(a.commune) &&
      a.naf !== null &&
      nafInActivities(a.naf, network.activities)
    )
      inside++;
  }
  const m = measured(
    establishments > 0 ? inside / establishments : null,
    "no establishment of the network's activities in its territory",
  );
  return { ...m, members: inside, establishments, year };
}

function concentrationOf(
  participations: MemberParticipation[],
  topShare: number,
  carriedShare: number,
): Concentration {
  const sorted = participations
    .map((p, i) => ({ p, i }))
    .sort((a, b) => b.p.participations - a.p.participations || a.i - b.i)
    .map(({ p }) => p);
  const total = sorted.reduce((s, p) => s + p.participations, 0);
  // The epsilon keeps 0.28 · 25 = 7.000000000000001 at 7 members, not 8.
  const topMembers = sorted.length === 0 ? 0 : Math.ceil(topShare * sorted.length - 1e-9);
  const none = "no participation in the window";
  const topSum = sorted.slice(0, topMembers).reduce((s, p) => s + p.participations, 0);
  const carriers: MemberParticipation[] = [];
  if (total > 0) {
    let carried = 0;
    for (const p of sorted) {
      if (carried >= carriedShare * total - 1e-9) break;
      carriers.push(p);
      carried += p.participations;
    }
  }
  return {
    total,
    gini: measured(
      total > 0 ? gini(sorted.map((p) => p.participations)) : null,
      sorted.length === 0 ? "no member" : none,
    ),
    topMembers,
    topShare: measured(total > 0 ? topSum / total : null, sorted.length === 0 ? "no member" : none),
    carriers,
    participations: sorted,
  };
}

/** The piloting indicators of `network` at `asOf` (a date already resolved: `resolveRegistryAsOf`). */
export function pilotIndicators(
  ctx: RegistryContext,
  network: RegisteredNetwork,
  asOf: string,
  options: PilotOptions = {},
): PilotIndicators {
  const window = windowEnding(asOf, options.months ?? DEFAULT_WINDOW_MONTHS);
  const sets = options.memberSets ?? memberSetsAt(ctx, asOf);
  const members = membersAt(ctx, network.id, asOf);
  const memberSet = new Set(members);
  const spells = ctx.spells.get(network.id) ?? [];
  const joins = spells.filter((s) => inWindow(s.start, window)).length;
  const leaves = spells.filter((s) => inWindow(s.end, window)).length;

  const windowActions = (ctx.actions.get(network.id) ?? []).filter((a) => inWindow(a.date, window));
  const actionCount = new Map<string, number>();
  let attendance = 0;
  for (const action of windowActions) {
    const participants = new Set(action.participants);
    attendance += participants.size > 0 ? participants.size : (action.attendance ?? 0);
    for (const p of participants) if (memberSet.has(p)) actionCount.set(p, (actionCount.get(p) ?? 0) + 1);
  }

  // Ties among members (active at asOf, and formed in the window), as distinct unordered pairs.
  let ties = 0;
  let newTies = 0;
  const newTiesOf = new Map<string, number>();
  let outward = 0;
  const others = ctx.registry.networks.filter((n) => n.id !== network.id).map((n) => sets.get(n.id));
  for (const u of members) {
    const activeWith = new Set<string>();
    const newWith = new Set<string>();
    let reachesOut = false;
    for (const t of tiesOf(ctx, u)) {
      const active = tieActiveAt(t, asOf);
      if (memberSet.has(t.other)) {
        if (active) activeWith.add(t.other);
        if (inWindow(t.start, window)) newWith.add(t.other);
      } else if (active && !reachesOut && others.some((set) => set?.has(t.other))) reachesOut = true;
    }
    for (const v of activeWith) if (u < v) ties++;
    for (const v of newWith) if (u < v) newTies++;
    newTiesOf.set(u, newWith.size);
    if (reachesOut) outward++;
  }

  const participations: MemberParticipation[] = members.map((id) => {
    const a = actionCount.get(id) ?? 0;
    const t = newTiesOf.get(id) ?? 0;
    return {
      id,
      name: ctx.graph.getNodeAttribute(id, "name"),
      participations: a + t,
      actions: a,
      newTies: t,
    };
  });
  const active = participations.filter((p) => p.participations > 0).length;
  const n = members.length;
  return {
    network: network.id,
    name: network.name,
    asOf,
    window,
    members: n,
    joins,
    leaves,
    netGrowth: joins - leaves,
    active,
    activeShare: measured(n > 0 ? active / n : null, "no member at asOf"),
    ties,
    density: measured(n >= 2 ? (2 * ties) / (n * (n - 1)) : null, "fewer than 2 members at asOf"),
    newTies,
    outward,
    outwardShare: measured(n > 0 ? outward / n : null, "no member at asOf"),
    reach: reachOf(network, ctx, members, asOf, options.establishments),
    concentration: concentrationOf(
      participations,
      options.topShare ?? DEFAULT_TOP_SHARE,
      options.carriedShare ?? DEFAULT_CARRIED_SHARE,
    ),
    actions: windowActions.length,
    attendance,
  };
}
