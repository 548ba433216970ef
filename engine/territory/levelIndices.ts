/**
 * The indices of one NAF level in DuckDB: cells (LQ of jobs and establishments, average size, SME share,
 * LQ change since the base year), communes (totals, Krugman both variants) and activities (Hoover,
 * locational Gini, Herfindahl, Ellison–Glaeser), read back as plain records. Every floating-point sum
 * is ordered (`sum(… ORDER BY …)`): DuckDB aggregates in parallel, and an unordered sum of doubles can
 * differ in its last bit from run to run; ordered, the same input gives byte-identical output.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { nafLabel } from "../model/nafLabels.ts";
import { all, exec } from "../store/sql.ts";
import { ellisonGlaeserSql } from "./ellisonGlaeser.ts";
import { herfindahlSql } from "./herfindahl.ts";
import { hooverSql } from "./hoover.ts";
import { krugmanSql } from "./krugman.ts";
import type { LevelTables } from "./levelTables.ts";
import { locationalGiniSql } from "./locationalGini.ts";
import { locationQuotientSql } from "./locationQuotient.ts";
import type { ActivityIndex, CellIndex } from "./types.ts";
import { sumSquaredAreaSharesSql, zoneSharesSql } from "./zoneShares.ts";

const ratio = (a: number | null, b: number | null): number | null =>
  a === null || b === null || b <= 0 ? null : a / b;

/**
 * Every published cell of `year`, ordered by commune then activity. The ≈1 M cells of a national table
 * are read column by column straight into `CellIndex` records (no intermediate row objects), the
 * integer columns cast to DOUBLE in SQL so DuckDB hands out JS numbers rather than (huge)ints to
 * convert: the values are the same (integer sums far below 2^53).
 */
export async function cellIndices(
  c: DuckDBConnection,
  t: LevelTables,
  year: number,
  baseYear: number,
): Promise<CellIndex[]> {
  const reader = await c.runAndReadAll(
    `WITH ty AS (SELECT e, n FROM ${t.reftot} WHERE year = ${year}),
          tb AS (SELECT e, n FROM ${t.reftot} WHERE year = ${baseYear})
     SELECT c.commune, c.activity, c.jobs::DOUBLE, c.est::DOUBLE, c.secret_rows::DOUBLE,
            c.sme_est::DOUBLE, c.sized_est::DOUBLE,
            ${locationQuotientSql("c.jobs", "a.e", "r.ej", "ty.e")} AS lq_jobs,
            ${locationQuotientSql("c.est", "a.n", "r.nj", "ty.n")} AS lq_est,
            b.jobs::DOUBLE AS jobs_base,
            ${locationQuotientSql("b.jobs", "ab.e", "rb.ej", "tb.e")} AS lq_base
     FROM ${t.cells} c
     JOIN ${t.area} a ON a.year = c.year AND a.commune = c.commune
     LEFT JOIN ${t.ref} r ON r.year = c.year AND r.activity = c.activity
     LEFT JOIN ty ON true
     LEFT JOIN ${t.cells} b ON b.year = ${baseYear} AND b.commune = c.commune AND b.activity = c.activity
     LEFT JOIN ${t.area} ab ON ab.year = ${baseYear} AND ab.commune = c.commune
     LEFT JOIN ${t.ref} rb ON rb.year = ${baseYear} AND rb.activity = c.activity
     LEFT JOIN tb ON true
     WHERE c.year = ${year}
     ORDER BY c.commune, c.activity`,
  );
  const [commune, activity, jobs, est, secret, smeEst, sizedEst, lqJobs, lqEst, jobsBase, lqBase] =
    reader.getColumnsJS() as [
      string[],
      string[],
      (number | null)[],
      (number | null)[],
      number[],
      number[],
      number[],
      (number | null)[],
      (number | null)[],
      (number | null)[],
      (number | null)[],
    ];
  const n = reader.currentRowCount;
  const cells: CellIndex[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const lq = lqJobs[i];
    const base = lqBase[i];
    cells[i] = {
      commune: commune[i],
      activity: activity[i],
      jobs: jobs[i],
      establishments: est[i],
      lqJobs: lq,
      lqEstablishments: lqEst[i],
      averageSize: ratio(jobs[i], est[i]),
      smeShare: sizedEst[i] > 0 ? smeEst[i] / sizedEst[i] : null,
      lqJobsBase: base,
      lqChange: lq !== null && base !== null ? lq - base : null,
      jobsBase: jobsBase[i],
      secretRows: secret[i],
    };
  }
  return cells;
}

/** Krugman of every commune of `year` (commune → both variants). */
export async function communeKrugman(
  c: DuckDBConnection,
  t: LevelTables,
  year: number,
): Promise<Map<string, { krugman: number | null; krugmanRest: number | null }>> {
  const rows = await all<{ commune: string; krugman: number | null; krugman_rest: number | null }>(
    c,
    krugmanSql(t, year),
  );
  return new Map(rows.map((r) => [r.commune, { krugman: r.krugman, krugmanRest: r.krugman_rest }]));
}

/** Commune totals of a year: commune → jobs e_i and establishments n_i (blanks as 0). */
export async function areaTotals(
  c: DuckDBConnection,
  t: LevelTables,
  year: number,
): Promise<Map<string, { jobs: number; establishments: number }>> {
  const rows = await all<{ commune: string; e: number; n: number }>(
    c,
    `SELECT commune, e, n FROM ${t.area} WHERE year = ${year}`,
  );
  return new Map(rows.map((r) => [r.commune, { jobs: r.e, establishments: r.n }]));
}

/** Reference totals of a year: activity → E_j, N_j, and E, N. */
export async function referenceTotals(
  c: DuckDBConnection,
  t: LevelTables,
  year: number,
): Promise<{
  activities: Map<string, { jobs: number; establishments: number }>;
  jobs: number;
  establishments: number;
}> {
  const rows = await all<{ activity: string; ej: number; nj: number }>(
    c,
    `SELECT activity, ej, nj FROM ${t.ref} WHERE year = ${year}`,
  );
  const activities = new Map(
    rows.map((r) => [r.activity, { jobs: Number(r.ej), establishments: Number(r.nj) }]),
  );
  let jobs = 0;
  let establishments = 0;
  for (const v of activities.values()) {
    jobs += v.jobs;
    establishments += v.establishments;
  }
  return { activities, jobs, establishments };
}

interface ActivityRow {
  activity: string;
  jobs: number;
  est: number;
  communes: number;
  secret: number;
  sme_est: number;
  sized_est: number;
  hoover: number | null;
  gini: number | null;
  herfindahl: number | null;
  ellison_glaeser: number | null;
  plant_herfindahl: number | null;
}

/** Localisation indices of every activity of `year` over the zone's communes. */
export async function activityIndices(
  c: DuckDBConnection,
  t: LevelTables,
  year: number,
): Promise<ActivityIndex[]> {
  // The shares feed four indices: computed once into a temporary table.
  const shares = `${t.cells}_shares`;
  await exec(c, `CREATE OR REPLACE TEMP TABLE ${shares} AS ${zoneSharesSql(t, year)}`);
  const rows = await all<ActivityRow>(
    c,
    `WITH tot AS (
        SELECT activity, coalesce(sum(jobs), 0) AS jobs, coalesce(sum(est), 0) AS est, count(*) AS communes,
               sum(secret_rows) AS secret, sum(sme_est) AS sme_est, sum(sized_est) AS sized_est
        FROM ${t.cells} WHERE year = ${year} GROUP BY activity),
      h AS (${hooverSql(shares)}),
      g AS (${locationalGiniSql(shares)}),
      hf AS (${herfindahlSql(shares)}),
      eg AS (${ellisonGlaeserSql(shares, sumSquaredAreaSharesSql(t, year))})
     SELECT tot.*, h.hoover, g.gini, hf.herfindahl, eg.ellison_glaeser, eg.plant_herfindahl
     FROM tot LEFT JOIN h USING (activity) LEFT JOIN g USING (activity) LEFT JOIN hf USING (activity)
     LEFT JOIN eg USING (activity)
     ORDER BY activity`,
  );
  return rows.map((r) => ({
    activity: r.activity,
    label: nafLabel(r.activity) ?? null,
    jobs: r.jobs,
    establishments: r.est,
    communes: r.communes,
    hoover: r.jobs > 0 ? r.hoover : null,
    // With E_j = 0 the shares are undefined, so are the indices.
    gini: r.jobs > 0 ? r.gini : null,
    herfindahl: r.jobs > 0 ? r.herfindahl : null,
    ellisonGlaeser: r.jobs > 0 ? r.ellison_glaeser : null,
    plantHerfindahl: r.jobs > 0 ? r.plant_herfindahl : null,
    averageSize: ratio(r.jobs, r.est),
    smeShare: r.sized_est > 0 ? r.sme_est / r.sized_est : null,
    secretCells: r.secret,
  }));
}
