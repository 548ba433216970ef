/**
 * Successive aggregation of contiguous communes around specialised seed cells (DOMAIN §5), for one
 * activity. Growth rule, deterministic:
 * 1. start from one seed commune;
 * 2. among the communes adjacent to the group that have the activity (a published cell with at least one
 *    job or establishment) and whose own LQ of jobs is ≥ `minNeighbourLq` (default 1: at least as
 *    specialised as the reference, so a strong core cannot drag in communes where the activity is
 *    under-represented), compute the group's LQ of jobs if each were added,
 *    (Σ e_ij + e_nj) / (Σ e_i + e_n) / (E_j / E);
 * 3. add the one giving the highest LQ (ties: more jobs of the activity, then the smaller code) if that
 *    LQ is still ≥ the threshold; otherwise stop.
 * Then groups of the activity that share a commune or touch (a member of one adjacent to a member of
 * the other) are merged, transitively. A merged group's LQ is the pooled one and can differ from its
 * parts' (never below the lowest when they are disjoint).
 */

export interface ActivityCells {
  activity: string;
  /** commune → jobs of the activity (blanks as 0), for communes with a published cell having jobs or establishments. */
  jobs: ReadonlyMap<string, number>;
  /** commune → all jobs e_i. */
  areaJobs: ReadonlyMap<string, number>;
  /** E_j / E in the reference. */
  referenceShare: number;
}

export interface Group {
  activity: string;
  /** Sorted codes. */
  communes: string[];
  /** Seed communes of the parts merged, sorted. */
  seeds: string[];
}

const EMPTY: readonly string[] = [];

/** Grow one group from a seed commune. */
export function growGroup(
  seed: string,
  cells: ActivityCells,
  neighbours: ReadonlyMap<string, readonly string[]>,
  minLq: number,
  minNeighbourLq = 1,
): string[] {
  const group = new Set([seed]);
  let jobs = cells.jobs.get(seed) ?? 0;
  let total = cells.areaJobs.get(seed) ?? 0;
  // The eligible communes adjacent to the group (activity present, own LQ high enough), kept as the
  // group grows so each step only scans them.
  const frontier = new Map<string, { jobs: number; total: number }>();
  const considered = new Set<string>([seed]);
  const extend = (member: string) => {
    for (const n of neighbours.get(member) ?? EMPTY) {
      if (considered.has(n)) continue;
      considered.add(n);
      const nj = cells.jobs.get(n);
      if (nj === undefined) continue;
      const nt = cells.areaJobs.get(n) ?? 0;
      if (nt <= 0 || nj / nt / cells.referenceShare < minNeighbourLq) continue;
      frontier.set(n, { jobs: nj, total: nt });
    }
  };
  extend(seed);
  for (;;) {
    // The best candidate in scalars: no object per comparison in this inner loop.
    let bestCode: string | null = null;
    let bestLq = 0;
    let bestJobs = 0;
    let bestTotal = 0;
    for (const [n, f] of frontier) {
      const lq = (jobs + f.jobs) / (total + f.total) / cells.referenceShare;
      if (
        bestCode === null ||
        lq > bestLq ||
        (lq === bestLq && (f.jobs > bestJobs || (f.jobs === bestJobs && n < bestCode)))
      ) {
        bestCode = n;
        bestLq = lq;
        bestJobs = f.jobs;
        bestTotal = f.total;
      }
    }
    if (bestCode === null || bestLq < minLq) break;
    group.add(bestCode);
    frontier.delete(bestCode);
    jobs += bestJobs;
    total += bestTotal;
    extend(bestCode);
  }
  return [...group].sort();
}

/** Grow a group from each seed and merge the groups that overlap or touch. */
export function aggregateActivity(
  seeds: readonly string[],
  cells: ActivityCells,
  neighbours: ReadonlyMap<string, readonly string[]>,
  minLq: number,
  minNeighbourLq = 1,
): Group[] {
  const grown = [...seeds]
    .sort()
    .map((s) => ({ seed: s, communes: growGroup(s, cells, neighbours, minLq, minNeighbourLq) }));
  const parent = grown.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  };
  const union = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  const owner = new Map<string, number>();
  grown.forEach((g, i) => {
    for (const c of g.communes) {
      const o = owner.get(c);
      if (o === undefined) owner.set(c, i);
      else union(o, i);
    }
  });
  grown.forEach((g, i) => {
    for (const c of g.communes)
      for (const n of neighbours.get(c) ?? EMPTY) {
        const o = owner.get(n);
        if (o !== undefined) union(o, i);
      }
  });
  const merged = new Map<number, { communes: Set<string>; seeds: string[] }>();
  grown.forEach((g, i) => {
    const r = find(i);
    let m = merged.get(r);
    if (!m) {
      m = { communes: new Set(), seeds: [] };
      merged.set(r, m);
    }
    for (const c of g.communes) m.communes.add(c);
    m.seeds.push(g.seed);
  });
  return [...merged.values()].map((m) => ({
    activity: cells.activity,
    communes: [...m.communes].sort(),
    seeds: m.seeds.sort(),
  }));
}
