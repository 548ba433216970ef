/**
 * Dates for the dynamics: the range of dates found in a network's links, the `asOf` default (the
 * latest date in the data, never the clock, so the same input gives the same output) and calendar
 * steps on ISO `YYYY-MM-DD` strings (UTC, no time zone).
 */
import type { NetworkGraph } from "../../model/graph.ts";

export interface DateRange {
  /** Earliest link start or end; null when no link is dated. */
  earliest: string | null;
  /** Latest link start or end; null when no link is dated. */
  latest: string | null;
}

export function linkDateRange(network: NetworkGraph): DateRange {
  let earliest: string | null = null;
  let latest: string | null = null;
  network.forEachEdge((_key, link) => {
    for (const d of [link.start, link.end]) {
      if (!d) continue;
      if (earliest === null || d < earliest) earliest = d;
      if (latest === null || d > latest) latest = d;
    }
  });
  return { earliest, latest };
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

function parts(date: string): [number, number, number] {
  const m = ISO.exec(date);
  if (!m) throw new RangeError(`not an ISO date YYYY-MM-DD: "${date}"`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

const iso = (d: Date) => d.toISOString().slice(0, 10);

/** The date `months` months later (negative: earlier), the day clamped to the month's last day. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = parts(date);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return iso(new Date(Date.UTC(year, month, Math.min(d, last))));
}

/** The date `days` days later (negative: earlier). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = parts(date);
  return iso(new Date(Date.UTC(y, m - 1, d + days)));
}

/** `asOf` when given (checked), otherwise the latest date in the links; null when nothing is dated. */
export function resolveAsOf(network: NetworkGraph, asOf?: string | null): string | null {
  if (asOf) {
    parts(asOf);
    return asOf;
  }
  return linkDateRange(network).latest;
}
