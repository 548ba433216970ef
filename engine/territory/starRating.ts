/**
 * A cluster-observatory-style star rating (after the European Cluster Observatory's size,
 * specialisation and focus stars), one star each:
 * - size: the area's jobs in the activity reach the `sizeQuantile` (default 0.9) of the jobs of the
 *   level's published commune × activity cells with jobs > 0 in the zone;
 * - specialisation: LQ of jobs ≥ `minLq` (default 2);
 * - focus: the activity's share of the area's jobs reaches the `focusQuantile` (default 0.9) of the same
 *   cells' shares e_ij / e_i.
 * Quantiles are nearest-rank (the value at rank ⌈q·n⌉ of the ascending list).
 */
import type { CellIndex, StarRating, StarThresholds } from "./types.ts";

export const STAR_THRESHOLDS: StarThresholds = { sizeQuantile: 0.9, minLq: 2, focusQuantile: 0.9 };

export interface StarCutoffs {
  jobs: number;
  focus: number;
  minLq: number;
}

function nearestRank(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return Number.POSITIVE_INFINITY;
  const k = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)));
  return sorted[k - 1];
}

/**
 * The cut-offs of a level from its cells and the communes' total jobs. The values go to typed arrays,
 * whose sort is numeric without a comparator (a national table has ≈1 M cells).
 */
export function starCutoffs(
  cells: readonly CellIndex[],
  areaJobs: ReadonlyMap<string, number>,
  thresholds: StarThresholds,
): StarCutoffs {
  const jobs = new Float64Array(cells.length);
  const focus = new Float64Array(cells.length);
  let n = 0;
  for (const c of cells) {
    if (c.jobs === null || c.jobs <= 0) continue;
    const ei = areaJobs.get(c.commune) ?? 0;
    if (ei <= 0) continue;
    jobs[n] = c.jobs;
    focus[n] = c.jobs / ei;
    n++;
  }
  const sortedJobs = jobs.subarray(0, n).sort();
  const sortedFocus = focus.subarray(0, n).sort();
  return {
    jobs: nearestRank(sortedJobs, thresholds.sizeQuantile),
    focus: nearestRank(sortedFocus, thresholds.focusQuantile),
    minLq: thresholds.minLq,
  };
}

export function starRating(jobs: number, totalJobs: number, lq: number | null, cut: StarCutoffs): StarRating {
  const size = jobs > 0 && jobs >= cut.jobs;
  const specialisation = lq !== null && lq >= cut.minLq;
  const focus = totalJobs > 0 && jobs / totalJobs >= cut.focus;
  return {
    stars: ((size ? 1 : 0) + (specialisation ? 1 : 0) + (focus ? 1 : 0)) as StarRating["stars"],
    size,
    specialisation,
    focus,
  };
}
