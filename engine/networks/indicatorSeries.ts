/**
 * The piloting counts of one registered network over time, for trend plots: one point on 31 December
 * of every year from the later of the network's founding year and the year of its first dated
 * membership, up to asOf's year, the last point being asOf itself (not 31 December of asOf's year).
 * Each point is `pilotIndicators` at that date with the same window length, so a point's `joins`,
 * `leaves`, `active` and `actions` count the 12 months (by default) ending that day. No founding
 * date and no dated membership: the series is the asOf point alone. A network founded after asOf has
 * no point.
 */
import { DEFAULT_WINDOW_MONTHS, type Measured, type RegistryContext } from "./context.ts";
import { memberSetsAt, pilotIndicators } from "./pilotIndicators.ts";
import type { RegisteredNetwork } from "./types.ts";

export interface SeriesPoint {
  date: string;
  members: number;
  joins: number;
  leaves: number;
  active: number;
  activeShare: Measured;
  density: Measured;
  actions: number;
}

export interface IndicatorSeries {
  network: string;
  name: string | null;
  /** Year of the first point (null when there is none). */
  from: number | null;
  months: number;
  points: SeriesPoint[];
}

/** The dates of the series: 31 December of each year from `from` to asOf's year − 1, then asOf. */
export function seriesDates(from: number | null, asOf: string): string[] {
  const last = Number(asOf.slice(0, 4));
  const start = from ?? last;
  if (start > last) return [];
  const dates: string[] = [];
  for (let year = start; year < last; year++) dates.push(`${year}-12-31`);
  dates.push(asOf);
  return dates;
}

/** The first year of the series: the later of the founding year and the first dated membership's year. */
export function seriesStart(ctx: RegistryContext, network: RegisteredNetwork): number | null {
  let first: string | null = null;
  for (const s of ctx.spells.get(network.id) ?? [])
    if (s.start !== null && (first === null || s.start < first)) first = s.start;
  const years = [network.founded, first]
    .filter((d): d is string => d !== null)
    .map((d) => Number(d.slice(0, 4)));
  return years.length > 0 ? Math.max(...years) : null;
}

export function indicatorSeries(
  ctx: RegistryContext,
  network: RegisteredNetwork,
  asOf: string,
  options: { months?: number } = {},
): IndicatorSeries {
  const months = options.months ?? DEFAULT_WINDOW_MONTHS;
  const from = seriesStart(ctx, network);
  const points = seriesDates(from, asOf).map((date): SeriesPoint => {
    const p = pilotIndicators(ctx, network, date, { months, memberSets: memberSetsAt(ctx, date) });
    return {
      date,
      members: p.members,
      joins: p.joins,
      leaves: p.leaves,
      active: p.active,
      activeShare: p.activeShare,
      density: p.density,
      actions: p.actions,
    };
  });
  return { network: network.id, name: network.name, from: points.length > 0 ? from : null, months, points };
}
