/**
 * Coverage gaps: where the territory's specialisations have no network (DOMAIN.md §8 combined with the
 * territorial diagnostic). A network *of* an activity is one whose activity list holds a code related
 * to it (the same code, a coarser or a finer one: `activities.ts`); a network with an empty list (every
 * activity, a generalist club) is of no activity in particular and covers nothing here — the candidate
 * coverage lists it apart (`generalNetworks`). Only networks existing at asOf count (founded ≤ asOf or
 * unknown, not ended before asOf).
 *
 * 1. **Uncovered candidates**: a candidate district / concentration of the territorial diagnostic
 *    (`Candidate`) is covered by the networks of its activity whose territory shares at least one
 *    commune with the candidate's communes; the covering networks are listed with the shared communes.
 * 2. **Commune gaps**: on the establishment table (reference year = `year`, default the latest ≤
 *    asOf's year), the commune × activity cells at `level` (default division) with ≥
 *    `minEstablishments` establishments (default 10) and an establishment LQ ≥ `minLq` (default 1.5)
 *    against the whole table — LQ = (e_ij / e_i) / (E_j / E) over establishments, blanks 0 in every
 *    sum and no LQ for a cell with nothing published (DOMAIN.md §9) — where no member (at asOf) of a
 *    network of the activity is located in the commune. Sorted by establishments, then LQ, descending.
 */
import type { NetworkGraph } from "../model/graph.ts";
import { type NafLevel, nafAtLevel, nafLabel } from "../model/nafLabels.ts";
import type { EstablishmentRow } from "../store/loadEstablishments.ts";
import { locationQuotient } from "../territory/locationQuotient.ts";
import type { Candidate } from "../territory/types.ts";
import { codesRelated } from "./activities.ts";
import { networkActiveAt, round6 } from "./context.ts";
import { referenceYear } from "./pilotIndicators.ts";
import type { RegisteredNetwork } from "./types.ts";

export const DEFAULT_GAP_LEVEL: NafLevel = "division";
export const DEFAULT_GAP_MIN_ESTABLISHMENTS = 10;
export const DEFAULT_GAP_MIN_LQ = 1.5;

/** Whether a network's list names a code related to `activity` (an empty list names none). */
export const networkOfActivity = (network: RegisteredNetwork, activity: string): boolean =>
  network.activities.some((code) => codesRelated(code, activity));

export interface CoveringNetwork {
  id: string;
  name: string | null;
  sharedCommunes: string[];
}

export interface CandidateCoverage {
  candidate: string;
  rank: number;
  level: NafLevel;
  activity: string;
  label: string | null;
  communes: string[];
  jobs: number;
  establishments: number;
  lqJobs: number | null;
  covered: boolean;
  networks: CoveringNetwork[];
  /** Networks with no activity list whose territory meets the candidate's (listed, not covering). */
  generalNetworks: CoveringNetwork[];
}

export function candidateCoverage(
  networks: readonly RegisteredNetwork[],
  candidates: readonly Candidate[],
  asOf: string,
): CandidateCoverage[] {
  const live = networks.filter((n) => networkActiveAt(n, asOf));
  return candidates.map((c) => {
    const communes = new Set(c.communes);
    const meeting = live
      .map((n) => ({ n, shared: n.territory.filter((x) => communes.has(x)) }))
      .filter(({ shared }) => shared.length > 0);
    const covering = meeting
      .filter(({ n }) => networkOfActivity(n, c.activity))
      .map(({ n, shared }) => ({ id: n.id, name: n.name, sharedCommunes: shared }));
    return {
      candidate: c.id,
      rank: c.rank,
      level: c.level,
      activity: c.activity,
      label: c.label,
      communes: c.communes,
      jobs: c.jobs,
      establishments: c.establishments,
      lqJobs: c.lqJobs,
      covered: covering.length > 0,
      networks: covering,
      generalNetworks: meeting
        .filter(({ n }) => n.activities.length === 0)
        .map(({ n, shared }) => ({ id: n.id, name: n.name, sharedCommunes: shared })),
    };
  });
}

export interface CommuneGapOptions {
  level?: NafLevel;
  minEstablishments?: number;
  minLq?: number;
  /** Table year (default the latest ≤ asOf's year). */
  year?: number;
}

export interface CommuneGap {
  commune: string;
  level: NafLevel;
  activity: string;
  label: string | null;
  establishments: number;
  /** Published jobs summed (blanks 0); null when no job count of the cell is published. */
  jobs: number | null;
  /** Establishment LQ against the whole table. */
  lq: number;
}

export interface CommuneGaps {
  /** Null when the table has no year ≤ asOf's year. */
  year: number | null;
  level: NafLevel;
  minEstablishments: number;
  minLq: number;
  gaps: CommuneGap[];
}

interface Cell {
  commune: string;
  activity: string;
  establishments: number;
  establishmentsPublished: boolean;
  jobs: number;
  jobsPublished: boolean;
}

export function communeGaps(
  rows: readonly EstablishmentRow[],
  networks: readonly RegisteredNetwork[],
  memberSets: ReadonlyMap<string, ReadonlySet<string>>,
  graph: NetworkGraph,
  asOf: string,
  options: CommuneGapOptions = {},
): CommuneGaps {
  const level = options.level ?? DEFAULT_GAP_LEVEL;
  const minEstablishments = options.minEstablishments ?? DEFAULT_GAP_MIN_ESTABLISHMENTS;
  const minLq = options.minLq ?? DEFAULT_GAP_MIN_LQ;
  const year = options.year ?? referenceYear(rows, Number(asOf.slice(0, 4)));
  const result: CommuneGaps = { year, level, minEstablishments, minLq, gaps: [] };
  if (year === null) return result;

  const cells = new Map<string, Cell>();
  const byCommune = new Map<string, number>();
  const byActivity = new Map<string, number>();
  let total = 0;
  for (const r of rows) {
    if (r.year !== year) continue;
    const activity = nafAtLevel(r.naf, level);
    if (activity === undefined) continue;
    const key = `${r.commune}\u0000${activity}`;
    let cell = cells.get(key);
    if (!cell) {
      cell = {
        commune: r.commune,
        activity,
        establishments: 0,
        establishmentsPublished: false,
        jobs: 0,
        jobsPublished: false,
      };
      cells.set(key, cell);
    }
    const e = r.establishments ?? 0;
    cell.establishments += e;
    cell.establishmentsPublished ||= r.establishments !== null;
    cell.jobs += r.jobs ?? 0;
    cell.jobsPublished ||= r.jobs !== null;
    byCommune.set(r.commune, (byCommune.get(r.commune) ?? 0) + e);
    byActivity.set(activity, (byActivity.get(activity) ?? 0) + e);
    total += e;
  }

  // Communes where the networks of each activity have members at asOf, built per activity on demand.
  const live = networks.filter((n) => networkActiveAt(n, asOf));
  const present = new Map<string, Set<string>>();
  const communesOfActivity = (activity: string) => {
    let set = present.get(activity);
    if (!set) {
      set = new Set<string>();
      for (const n of live) {
        if (!networkOfActivity(n, activity)) continue;
        for (const m of memberSets.get(n.id) ?? []) {
          const commune = graph.hasNode(m) ? graph.getNodeAttribute(m, "commune") : null;
          if (commune) set.add(commune);
        }
      }
      present.set(activity, set);
    }
    return set;
  };

  for (const cell of cells.values()) {
    if (cell.establishments < minEstablishments) continue;
    const lq = locationQuotient(
      cell.establishmentsPublished ? cell.establishments : null,
      byCommune.get(cell.commune) ?? 0,
      byActivity.get(cell.activity) ?? 0,
      total,
    );
    if (lq === null || lq < minLq - 1e-12) continue;
    if (communesOfActivity(cell.activity).has(cell.commune)) continue;
    result.gaps.push({
      commune: cell.commune,
      level,
      activity: cell.activity,
      label: nafLabel(cell.activity) ?? null,
      establishments: cell.establishments,
      jobs: cell.jobsPublished ? cell.jobs : null,
      lq: round6(lq),
    });
  }
  result.gaps.sort(
    (x, y) =>
      y.establishments - x.establishments ||
      y.lq - x.lq ||
      (x.commune < y.commune ? -1 : x.commune > y.commune ? 1 : x.activity < y.activity ? -1 : 1),
  );
  return result;
}
