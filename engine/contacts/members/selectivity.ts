/**
 * The network's size against a selectivity threshold, and its growth. The association guide warns
 * that a network diluted without limit loses its value (DOMAIN.md §7: keep the network selective) but
 * gives no number; the default threshold of 60 members is a convention of this project — about the
 * size at which one animator can still know every member individually and a meeting can still let
 * everyone meet — and is an option. Growth: per calendar year from asOf's year back `years` years,
 * the membership links that began (`joined`) and ended (`left`) that year up to asOf, and the members
 * at the year's last day (asOf for asOf's year). A rejoining member joins again.
 */
import type { MembershipSpell } from "./memberships.ts";
import { spellActiveAt } from "./memberships.ts";

export const DEFAULT_MAX_MEMBERS = 60;
export const DEFAULT_GROWTH_YEARS = 5;

export interface YearGrowth {
  year: number;
  joined: number;
  left: number;
  net: number;
  /** Members at the end of the year (at asOf for asOf's year). */
  members: number;
}

export interface Selectivity {
  members: number;
  maxMembers: number;
  /** members / maxMembers. */
  share: number;
  over: boolean;
  growth: YearGrowth[];
  verdict: string;
}

export function memberCountAt(spells: readonly MembershipSpell[], date: string): number {
  return new Set(spells.filter((s) => spellActiveAt(s, date)).map((s) => s.member)).size;
}

export function selectivity(
  spells: readonly MembershipSpell[],
  asOf: string,
  options: { maxMembers?: number; years?: number } = {},
): Selectivity {
  const maxMembers = options.maxMembers ?? DEFAULT_MAX_MEMBERS;
  const years = options.years ?? DEFAULT_GROWTH_YEARS;
  const last = Number(asOf.slice(0, 4));
  const growth: YearGrowth[] = [];
  for (let year = last - years + 1; year <= last; year++) {
    const from = `${year}-01-01`;
    const to = year === last ? asOf : `${year}-12-31`;
    const within = (d: string | null) => d !== null && d >= from && d <= to;
    const joined = spells.filter((s) => within(s.start)).length;
    const left = spells.filter((s) => within(s.end)).length;
    growth.push({ year, joined, left, net: joined - left, members: memberCountAt(spells, to) });
  }
  const members = memberCountAt(spells, asOf);
  const over = members > maxMembers;
  const first = last - years + 1;
  const before = memberCountAt(spells, `${first - 1}-12-31`);
  const change = members - before;
  const trend =
    years > 0 ? `; ${change >= 0 ? "+" : ""}${change} since the end of ${first - 1} (${before})` : "";
  return {
    members,
    maxMembers,
    share: Math.round((members / maxMembers) * 1e6) / 1e6,
    over,
    growth,
    verdict: `${members} members ${over ? ">" : "<="} ${maxMembers} (selectivity threshold): ${over ? "over the threshold, at risk of dilution" : "within the threshold"}${trend}`,
  };
}
