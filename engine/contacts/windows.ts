/**
 * Time windows of the review, relative to the as-of date (CONVENTIONS: never the clock; by default the
 * latest date in the data). With months counted on the calendar:
 * last = (asOf − months, asOf], previous = (asOf − 2·months, asOf − months]; an interaction after asOf
 * is ignored. `asOf − n months` keeps the day of month, clamped to the month's length (31 March − 1
 * month = 28 or 29 February).
 */
import type { Interaction } from "./types.ts";

/** ISO date `n` calendar months before `iso` (day clamped to the month's length). */
export function monthsBefore(iso: string, n: number): string {
  const [y, m, d] = iso.split("-").map(Number);
  const month = m - 1 - n;
  const last = new Date(Date.UTC(y, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, month, Math.min(d, last))).toISOString().slice(0, 10);
}

export interface Windows {
  asOf: string;
  /** Start (excluded) of the last window. */
  lastFrom: string;
  /** Start (excluded) of the previous window. */
  previousFrom: string;
}

export function reviewWindows(asOf: string, months = 12): Windows {
  return { asOf, lastFrom: monthsBefore(asOf, months), previousFrom: monthsBefore(asOf, 2 * months) };
}

export interface WindowCounts {
  /** Interactions in (lastFrom, asOf]. */
  last: number;
  /** Interactions in (previousFrom, lastFrom]. */
  previous: number;
  /** Interactions on or before lastFrom (the previous window included). */
  before: number;
  /** Date of the latest interaction on or before asOf, or null. */
  lastDate: string | null;
}

export function countWindows(dates: Iterable<string>, w: Windows): WindowCounts {
  const out: WindowCounts = { last: 0, previous: 0, before: 0, lastDate: null };
  for (const d of dates) {
    if (d > w.asOf) continue;
    if (out.lastDate === null || d > out.lastDate) out.lastDate = d;
    if (d > w.lastFrom) out.last++;
    else {
      out.before++;
      if (d > w.previousFrom) out.previous++;
    }
  }
  return out;
}

/** Window counts of every contact (contacts without interactions get zeros). */
export function countsByContact(
  contactIds: Iterable<string>,
  interactions: readonly Interaction[],
  w: Windows,
): Map<string, WindowCounts> {
  const dates = new Map<string, string[]>();
  for (const id of contactIds) dates.set(id, []);
  for (const i of interactions) dates.get(i.contactId)?.push(i.date);
  const out = new Map<string, WindowCounts>();
  for (const [id, list] of dates) out.set(id, countWindows(list, w));
  return out;
}

/** The latest interaction date: the default as-of date. Undefined for an empty log. */
export function latestDate(interactions: readonly Interaction[]): string | undefined {
  let latest: string | undefined;
  for (const i of interactions) if (latest === undefined || i.date > latest) latest = i.date;
  return latest;
}
