/**
 * The shares the localisation indices of an activity share (Hoover, locational Gini, Herfindahl,
 * Ellison–Glaeser): over the zone's communes with e_i > 0, x_i = e_i / E (the commune's share of all
 * jobs) and s_ij = e_ij / E_j (its share of the activity's jobs), blanks counting as 0. These indices
 * describe how an activity is spread over the study zone's communes, so E and E_j are the zone's even
 * when the LQ uses an external reference.
 */
import type { LevelTables } from "./levelTables.ts";

/**
 * SQL: activity, commune, x, s, lq_order (e_ij/e_i), jobs, est, ej for every cell of `year` in an area
 * with e_i > 0; `activityIndices` materialises it once as `<cells>_shares`, which the index queries read.
 */
export function zoneSharesSql(t: LevelTables, year: number): string {
  return `WITH tot AS (SELECT sum(e) AS e FROM ${t.area} WHERE year = ${year} AND e > 0),
    act AS (SELECT activity, coalesce(sum(jobs), 0) AS ej FROM ${t.cells} WHERE year = ${year} GROUP BY activity)
    SELECT c.activity, c.commune, a.e::DOUBLE / tot.e AS x,
           CASE WHEN act.ej > 0 THEN coalesce(c.jobs, 0)::DOUBLE / act.ej END AS s,
           coalesce(c.jobs, 0)::DOUBLE / a.e AS lq_order,
           c.jobs, c.est, act.ej
    FROM ${t.cells} c
    JOIN ${t.area} a ON a.year = c.year AND a.commune = c.commune
    JOIN act ON act.activity = c.activity
    CROSS JOIN tot
    WHERE c.year = ${year} AND a.e > 0`;
}

/** SQL: Σ_i x_i² over the zone's communes with e_i > 0 (one row, column `sx2`). */
export function sumSquaredAreaSharesSql(t: LevelTables, year: number): string {
  return `SELECT sum((ar.e::DOUBLE / tot.te) * (ar.e::DOUBLE / tot.te) ORDER BY ar.commune) AS sx2
          FROM ${t.area} ar, (SELECT sum(e) AS te FROM ${t.area} WHERE year = ${year} AND e > 0) tot
          WHERE ar.year = ${year} AND ar.e > 0`;
}
