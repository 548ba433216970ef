/**
 * The series of key indicators over time: `networkIndicators` of the snapshot on each date
 * asOf, asOf − 1 step, asOf − 2 steps… back to `from` (yearly or monthly steps; a day that does not
 * exist in the month is clamped to its last day), returned oldest first. `asOf` defaults to the latest
 * date in the links, `from` to the earliest: the same data gives the same series on any day.
 */
import type { NetworkGraph } from "../../model/graph.ts";
import { addMonths, linkDateRange, resolveAsOf } from "./dates.ts";
import { type NetworkIndicators, networkIndicators } from "./indicators.ts";
import { snapshotAt } from "./snapshot.ts";

export interface SeriesOptions {
  /** `year` (default) or `month`. */
  step?: "year" | "month";
  /** Last date of the series; default the latest link date. */
  asOf?: string | null;
  /** No point before this date; default the earliest link date. */
  from?: string | null;
}

export interface SeriesPoint extends NetworkIndicators {
  date: string;
}

export function indicatorSeries(network: NetworkGraph, options: SeriesOptions = {}): SeriesPoint[] {
  const asOf = resolveAsOf(network, options.asOf);
  if (asOf === null) return [];
  const from = options.from ?? linkDateRange(network).earliest ?? asOf;
  const months = options.step === "month" ? 1 : 12;
  const dates: string[] = [];
  for (let k = 0; ; k++) {
    const date = addMonths(asOf, -k * months);
    if (date < from) break;
    dates.push(date);
  }
  return dates.reverse().map((date) => ({ date, ...networkIndicators(snapshotAt(network, date)) }));
}
