/**
 * Candidate districts / SPLs and single-plant concentrations of one level, from its cell indices:
 * - seed cells: LQ of jobs ≥ minLq, jobs ≥ minJobs, establishments ≥ minEstablishments;
 * - groups grown and merged by `aggregateActivity` (successiveAggregation.ts);
 * - a candidate keeps a group with ≥ minCandidateEstablishments establishments of the activity;
 * - ranked by jobs of the activity (descending), then LQ (descending), then id;
 * - single-plant concentrations: cells with LQ ≥ minLq and ≥ minJobs jobs carried by 1 to
 *   maxPlantEstablishments establishments (a possible pivot firm, not an SME district), by jobs descending.
 */
import { nafLabel } from "../model/nafLabels.ts";
import { krugmanOfArea } from "./krugman.ts";
import { locationQuotient } from "./locationQuotient.ts";
import type { StarCutoffs } from "./starRating.ts";
import { starRating } from "./starRating.ts";
import { type ActivityCells, aggregateActivity } from "./successiveAggregation.ts";
import type {
  ActivityShare,
  Candidate,
  CellIndex,
  NafLevel,
  ResolvedDiagnosticOptions,
  SinglePlantConcentration,
} from "./types.ts";

export interface Totals {
  /** commune → all jobs, establishments. */
  areas: ReadonlyMap<string, { jobs: number; establishments: number }>;
  /** activity → reference E_j, N_j. */
  reference: ReadonlyMap<string, { jobs: number; establishments: number }>;
  referenceJobs: number;
  referenceEstablishments: number;
}

export interface CandidateInput {
  level: NafLevel;
  cells: readonly CellIndex[];
  year: Totals;
  base: Totals;
  /** Zone jobs of each activity (E_j of the zone) and of all activities. */
  zoneActivityJobs: ReadonlyMap<string, number>;
  zoneJobs: number;
  neighbours: ReadonlyMap<string, readonly string[]>;
  name: (commune: string) => string | null;
  stars: StarCutoffs;
  options: ResolvedDiagnosticOptions;
}

function byActivity(cells: readonly CellIndex[]): Map<string, CellIndex[]> {
  const m = new Map<string, CellIndex[]>();
  for (const c of cells) {
    let l = m.get(c.activity);
    if (!l) {
      l = [];
      m.set(c.activity, l);
    }
    l.push(c);
  }
  return m;
}

function byCommune(cells: readonly CellIndex[]): Map<string, CellIndex[]> {
  const m = new Map<string, CellIndex[]>();
  for (const c of cells) {
    let l = m.get(c.commune);
    if (!l) {
      l = [];
      m.set(c.commune, l);
    }
    l.push(c);
  }
  return m;
}

/** Jobs of an area by activity (blanks as 0), from its cells. */
export function jobsByActivity(cells: Iterable<CellIndex>): Map<string, number> {
  const sums = new Map<string, number>();
  for (const c of cells) sums.set(c.activity, (sums.get(c.activity) ?? 0) + (c.jobs ?? 0));
  return sums;
}

/**
 * The `count` main activities of an area (one commune or a group) from its jobs by activity, with
 * their share of the area's jobs and LQ: by jobs (descending) or by LQ (descending, among those with
 * ≥ minJobs jobs); ties by code. Only the few kept get a label.
 */
export function mainActivitiesOf(
  jobs: ReadonlyMap<string, number>,
  totalJobs: number,
  totals: Totals,
  count: number,
  order: "jobs" | "lq",
  minJobs = 0,
): ActivityShare[] {
  type Entry = { activity: string; jobs: number; lq: number | null };
  const key = (e: Entry) => (order === "jobs" ? e.jobs : (e.lq ?? -1));
  const before = (a: Entry, b: Entry) =>
    key(a) > key(b) ||
    (key(a) === key(b) && (a.jobs > b.jobs || (a.jobs === b.jobs && a.activity < b.activity)));
  const top: Entry[] = [];
  for (const [activity, j] of jobs) {
    if (j <= 0 || j < minJobs) continue;
    const e: Entry = {
      activity,
      jobs: j,
      lq: locationQuotient(j, totalJobs, totals.reference.get(activity)?.jobs ?? 0, totals.referenceJobs),
    };
    if (top.length === count && !before(e, top[count - 1])) continue;
    let i = top.length;
    while (i > 0 && before(e, top[i - 1])) i--;
    top.splice(i, 0, e);
    if (top.length > count) top.pop();
  }
  return top.map((e) => ({
    activity: e.activity,
    label: nafLabel(e.activity) ?? null,
    jobs: e.jobs,
    share: totalJobs > 0 ? e.jobs / totalJobs : 0,
    lqJobs: e.lq,
  }));
}

interface AreaProfile {
  total: number;
  totalEst: number;
  baseTotal: number;
  names: (string | null)[];
  krugman: number | null;
  krugmanRest: number | null;
  mainActivities: ActivityShare[];
}

export function findCandidates(input: CandidateInput): {
  candidates: Candidate[];
  singlePlant: SinglePlantConcentration[];
} {
  const o = input.options;
  const activities = byActivity(input.cells);
  const communes = byCommune(input.cells);
  const candidates: Candidate[] = [];
  const singlePlant: SinglePlantConcentration[] = [];
  const areaJobs = new Map<string, number>();
  for (const [k, v] of input.year.areas) areaJobs.set(k, v.jobs);
  const refJobs = new Map<string, number>();
  for (const [k, v] of input.year.reference) refJobs.set(k, v.jobs);

  // What depends only on a group's communes (totals, Krugman, main activities), computed once per
  // distinct group: many candidates of different activities share one commune.
  const profiles = new Map<string, AreaProfile>();
  const profileOf = (group: readonly string[]): AreaProfile => {
    const key = group.join(",");
    let p = profiles.get(key);
    if (p) return p;
    let total = 0;
    let totalEst = 0;
    let baseTotal = 0;
    const groupJobs = new Map<string, number>();
    for (const commune of group) {
      const area = input.year.areas.get(commune);
      total += area?.jobs ?? 0;
      totalEst += area?.establishments ?? 0;
      baseTotal += input.base.areas.get(commune)?.jobs ?? 0;
      for (const c of communes.get(commune) ?? [])
        groupJobs.set(c.activity, (groupJobs.get(c.activity) ?? 0) + (c.jobs ?? 0));
    }
    const k = krugmanOfArea(groupJobs, refJobs, input.year.referenceJobs);
    p = {
      total,
      totalEst,
      baseTotal,
      names: group.map(input.name),
      krugman: k.krugman,
      krugmanRest: k.krugmanRest,
      mainActivities: mainActivitiesOf(groupJobs, total, input.year, o.mainActivities, "jobs"),
    };
    profiles.set(key, p);
    return p;
  };

  for (const [activity, cells] of activities) {
    const ref = input.year.reference.get(activity);
    if (!ref || ref.jobs <= 0 || input.year.referenceJobs <= 0) continue;
    // Seeds and single plants first: the maps below only for activities with seeds.
    const seeds: string[] = [];
    for (const c of cells) {
      if (c.lqJobs === null || c.jobs === null || c.lqJobs < o.minLq || c.jobs < o.minJobs) continue;
      const n = c.establishments ?? 0;
      if (n >= o.minEstablishments) seeds.push(c.commune);
      else if (n >= 1 && n <= o.maxPlantEstablishments) {
        const total = areaJobs.get(c.commune) ?? 0;
        singlePlant.push({
          commune: c.commune,
          communeName: input.name(c.commune),
          activity,
          label: nafLabel(activity) ?? null,
          jobs: c.jobs,
          establishments: n,
          lqJobs: c.lqJobs,
          shareOfActivityJobs: c.jobs / (input.zoneActivityJobs.get(activity) ?? c.jobs),
          stars: starRating(c.jobs, total, c.lqJobs, input.stars),
        });
      }
    }
    if (seeds.length === 0) continue;
    const jobs = new Map<string, number>();
    const cellOf = new Map<string, CellIndex>();
    for (const c of cells) {
      cellOf.set(c.commune, c);
      if ((c.jobs ?? 0) > 0 || (c.establishments ?? 0) > 0) jobs.set(c.commune, c.jobs ?? 0);
    }
    // A commune without a cell, or with a cell of no job and no establishment, adds 0 establishments.
    const est = (commune: string) => cellOf.get(commune)?.establishments ?? 0;
    const activityCells: ActivityCells = {
      activity,
      jobs,
      areaJobs,
      referenceShare: ref.jobs / input.year.referenceJobs,
    };
    for (const g of aggregateActivity(
      seeds,
      activityCells,
      input.neighbours,
      o.minLq,
      o.minNeighbourLq ?? 1,
    )) {
      let gEst = 0;
      for (const commune of g.communes) gEst += est(commune);
      // Most grown groups are too small to be candidates: the rest of the work only for those kept.
      if (gEst < o.minCandidateEstablishments) continue;
      let gJobs = 0;
      let gSecret = 0;
      let baseJobs: number | null = null;
      for (const commune of g.communes) {
        gJobs += jobs.get(commune) ?? 0;
        gSecret += cellOf.get(commune)?.secretRows ?? 0;
        // Every commune of a group has a cell of the activity in the diagnostic year, which carries
        // the base year's jobs (null when blank or absent then: no contribution).
        const bj = cellOf.get(commune)?.jobsBase ?? null;
        if (bj !== null) baseJobs = (baseJobs ?? 0) + bj;
      }
      const profile = profileOf(g.communes);
      const { total, totalEst, baseTotal } = profile;
      const lqJobs = locationQuotient(gJobs, total, ref.jobs, input.year.referenceJobs);
      const lqEstablishments = locationQuotient(
        gEst,
        totalEst,
        ref.establishments,
        input.year.referenceEstablishments,
      );
      const baseRef = input.base.reference.get(activity);
      const lqJobsBase =
        baseJobs === null
          ? null
          : locationQuotient(baseJobs, baseTotal, baseRef?.jobs ?? 0, input.base.referenceJobs);
      let smeEst = 0;
      let sized = 0;
      for (const commune of g.communes) {
        const c = cellOf.get(commune);
        if (!c || c.smeShare === null || c.establishments === null) continue;
        smeEst += c.smeShare * c.establishments;
        sized += c.establishments;
      }
      candidates.push({
        id: `${activity}@${g.communes[0]}`,
        rank: 0,
        level: input.level,
        activity,
        label: nafLabel(activity) ?? null,
        communes: g.communes,
        communeNames: [...profile.names],
        seeds: g.seeds,
        jobs: gJobs,
        establishments: gEst,
        lqJobs,
        lqEstablishments,
        shareOfZoneJobs: input.zoneJobs > 0 ? gJobs / input.zoneJobs : 0,
        shareOfActivityJobs: gJobs / (input.zoneActivityJobs.get(activity) || 1),
        totalJobs: total,
        averageSize: gEst > 0 ? gJobs / gEst : null,
        smeShare: sized > 0 ? smeEst / sized : null,
        baseYear: o.baseYear,
        jobsBase: baseJobs,
        lqJobsBase,
        lqChange: lqJobs !== null && lqJobsBase !== null ? lqJobs - lqJobsBase : null,
        krugman: profile.krugman,
        krugmanRest: profile.krugmanRest,
        mainActivities: profile.mainActivities.map((m) => ({ ...m })),
        stars: starRating(gJobs, total, lqJobs, input.stars),
        secretCells: gSecret,
      });
    }
  }
  candidates.sort((a, b) => b.jobs - a.jobs || (b.lqJobs ?? 0) - (a.lqJobs ?? 0) || a.id.localeCompare(b.id));
  candidates.forEach((c, i) => {
    c.rank = i + 1;
  });
  singlePlant.sort(
    (a, b) => b.jobs - a.jobs || a.commune.localeCompare(b.commune) || a.activity.localeCompare(b.activity),
  );
  return { candidates, singlePlant };
}
