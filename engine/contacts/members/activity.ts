/**
 * Members whose activity is dropping, for an animator to re-motivate (DOMAIN.md §7), and members who
 * left. Windows as in the contact review (`../windows.ts`): last = (asOf − months, asOf],
 * previous = (asOf − 2·months, asOf − months].
 *
 * A member's **activity** in a window is the number of its links (any kind, either direction,
 * parallel links counted apart) active on at least one day of the window — start ≤ window end (no
 * start = always) and end absent or after the window start — leaving out its membership links to the
 * organisation itself (they define membership; leaving is reported apart) and links that start after
 * asOf. Memberships in other organisations count. Two scopes: `members` (links whose other end is a
 * member at asOf) and `all` (links with anyone).
 *
 * A member is **dropping** in a scope when previous > 0 and last < ratio × previous (default ratio ½):
 * `silent` when last = 0, `declining` otherwise — the contact review's fading rule applied to links.
 * It is listed when it drops in any of the scopes checked (default both). A member **left** when a
 * membership link to the organisation ended in the last window and it is not a member at asOf.
 */
import type { NetworkGraph } from "../../model/graph.ts";
import type { Windows } from "../windows.ts";
import { type MembershipSpell, spellActiveAt } from "./memberships.ts";

export type ActivityScope = "members" | "all";

export interface ActivityRules {
  /** Dropping when last < ratio × previous. Default 0.5. */
  ratio: number;
  /** Scopes in which a drop flags a member. Default both. */
  scopes: readonly ActivityScope[];
}

export const DEFAULT_ACTIVITY_RULES: ActivityRules = { ratio: 0.5, scopes: ["members", "all"] };

export interface ActivityCounts {
  last: number;
  previous: number;
}

export interface MemberActivity {
  id: string;
  members: ActivityCounts;
  all: ActivityCounts;
}

export interface DroppingMember extends MemberActivity {
  kind: "silent" | "declining";
  /** Scopes in which the activity dropped. */
  scopes: ActivityScope[];
  reason: string;
}

export interface LeftMember {
  id: string;
  /** The latest end of its memberships to the organisation in the last window. */
  left: string;
  /** When that membership began (null: not recorded). */
  since: string | null;
}

const activeIn = (start: string | null, end: string | null, from: string, to: string) =>
  (start === null || start <= to) && (end === null || end > from);

/** Activity counts of each member, in the order of `members`. */
export function memberActivity(
  network: NetworkGraph,
  organisation: string,
  members: readonly string[],
  w: Windows,
): MemberActivity[] {
  const isMember = new Set(members);
  return members.map((id) => {
    const out: MemberActivity = { id, members: { last: 0, previous: 0 }, all: { last: 0, previous: 0 } };
    network.forEachEdge(id, (_key, link, source, target) => {
      const other = source === id ? target : source;
      if (other === organisation && link.kind === "membership") return;
      if (link.start !== null && link.start > w.asOf) return;
      const last = activeIn(link.start, link.end, w.lastFrom, w.asOf) ? 1 : 0;
      const previous = activeIn(link.start, link.end, w.previousFrom, w.lastFrom) ? 1 : 0;
      out.all.last += last;
      out.all.previous += previous;
      if (isMember.has(other)) {
        out.members.last += last;
        out.members.previous += previous;
      }
    });
    return out;
  });
}

const SCOPE_TEXT: Record<ActivityScope, string> = { members: "with members", all: "with anyone" };

/** The members whose activity dropped, in the order of `activity`. */
export function droppingMembers(
  activity: readonly MemberActivity[],
  rules: Partial<ActivityRules> = {},
): DroppingMember[] {
  const r = { ...DEFAULT_ACTIVITY_RULES, ...rules };
  const out: DroppingMember[] = [];
  for (const a of activity) {
    const scopes = r.scopes.filter((s) => a[s].previous > 0 && a[s].last < r.ratio * a[s].previous);
    if (scopes.length === 0) continue;
    const silent = scopes.some((s) => a[s].last === 0);
    const reason = scopes
      .map(
        (s) =>
          `${SCOPE_TEXT[s]}: ${a[s].last} links active in the last window < ${r.ratio} x ${a[s].previous} in the previous one`,
      )
      .join("; ");
    out.push({ ...a, kind: silent ? "silent" : "declining", scopes, reason });
  }
  return out;
}

/** Members whose membership ended in the last window and who are not members at asOf, by end date. */
export function leftMembers(spells: readonly MembershipSpell[], w: Windows): LeftMember[] {
  const current = new Set(spells.filter((s) => spellActiveAt(s, w.asOf)).map((s) => s.member));
  const byMember = new Map<string, LeftMember>();
  for (const s of spells) {
    if (s.end === null || s.end <= w.lastFrom || s.end > w.asOf || current.has(s.member)) continue;
    const seen = byMember.get(s.member);
    if (!seen || s.end > seen.left) byMember.set(s.member, { id: s.member, left: s.end, since: s.start });
  }
  return [...byMember.values()].sort((a, b) =>
    a.left < b.left ? -1 : a.left > b.left ? 1 : a.id < b.id ? -1 : 1,
  );
}
