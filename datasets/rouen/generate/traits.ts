/**
 * Headcount and founding year of a synthetic firm, drawn from its real cell so that they stay
 * plausible: the headcount around the cell's jobs-per-establishment ratio, the founding year after
 * the cell's history in the table (a cell that appears in 2014 gets firms founded from 2013 on).
 */
import type { Rng } from "../../../engine/random/prng.ts";
import { bernoulli, exponential, normal, randomInt } from "../../../engine/random/sampling.ts";
import {
  type EstablishmentCell,
  type EstablishmentTable,
  establishmentsIn,
  firstYearPresent,
  jobsIn,
} from "./urssaf.ts";

/** Spread of headcounts within a cell (log scale): firm sizes in a cell vary by a factor ~2.5. */
const SIGMA = 0.9;
/** Ratio used when neither the cell nor its activity publishes jobs. */
const DEFAULT_RATIO = 5;
/** Oldest founding year drawn for a firm already present in the table's first year. */
const OLDEST = 1900;

/** Jobs per establishment of each activity over the zone, from the cells publishing both figures. */
export function activityRatios(table: EstablishmentTable, year: number): Map<string, number> {
  const est = new Map<string, number>();
  const jobs = new Map<string, number>();
  for (const cell of table.cells) {
    const e = establishmentsIn(table, cell, year);
    const j = jobsIn(table, cell, year);
    if (e > 0 && j !== null) {
      est.set(cell.naf, (est.get(cell.naf) ?? 0) + e);
      jobs.set(cell.naf, (jobs.get(cell.naf) ?? 0) + j);
    }
  }
  const out = new Map<string, number>();
  for (const [naf, e] of est) out.set(naf, (jobs.get(naf) ?? 0) / e);
  return out;
}

export interface HeadcountOptions {
  /**
   * Number of normal draws whose maximum is used: 1 gives a typical firm of the cell, 2 or 3 lean
   * towards its larger firms (the ones a carmaker buys from, or that lead a district).
   */
  lean?: number;
  min?: number;
  max?: number;
}

/**
 * Headcount of a firm placed in a cell. A cell with a single establishment gives it the cell's jobs
 * exactly; otherwise a log-normal draw whose mean is the cell's ratio, kept within what the cell can
 * hold (its jobs minus one per other establishment) and within [min, max] when the cell allows.
 */
export function drawHeadcount(
  rng: Rng,
  table: EstablishmentTable,
  cell: EstablishmentCell,
  year: number,
  ratios: Map<string, number>,
  options: HeadcountOptions = {},
): number {
  const est = establishmentsIn(table, cell, year);
  const jobs = jobsIn(table, cell, year);
  if (est === 1 && jobs !== null) return jobs;
  const ratio = jobs !== null && est > 0 ? jobs / est : (ratios.get(cell.naf) ?? DEFAULT_RATIO);
  const mu = Math.log(Math.max(ratio, 0.5)) - (SIGMA * SIGMA) / 2;
  let z = normal(rng);
  for (let i = 1; i < (options.lean ?? 1); i++) z = Math.max(z, normal(rng));
  let h = Math.round(Math.exp(mu + SIGMA * z));
  const floor = jobs !== null && jobs < est ? 0 : 1;
  h = Math.max(h, options.min ?? floor);
  if (options.max !== undefined) h = Math.min(h, options.max);
  if (jobs !== null) h = Math.min(h, Math.max(floor, jobs - (est - 1)));
  return h;
}

/**
 * Founding year of a firm placed in a cell. A cell absent from the table's first year was first seen
 * in year Y: the firm was founded in [Y − 1, reference year]. A cell present from the start gets a
 * newcomer (founded after the first year) with the probability that its establishments grew plus a
 * 15 % churn, otherwise an older firm whose age before the first year is exponential (mean 16 years).
 */
export function drawFounded(
  rng: Rng,
  table: EstablishmentTable,
  cell: EstablishmentCell,
  year: number,
): number {
  const first = table.years[0];
  const seen = firstYearPresent(table, cell) ?? year;
  if (seen > first) return randomInt(rng, seen - 1, year);
  const before = establishmentsIn(table, cell, first);
  const now = Math.max(1, establishmentsIn(table, cell, year));
  const newcomer = Math.min(0.6, Math.max(0, (now - before) / now) + 0.15);
  if (bernoulli(rng, newcomer)) return randomInt(rng, first + 1, year);
  return Math.max(OLDEST, first - Math.floor(exponential(rng, 16)));
}
