/**
 * Krugman specialisation of an area (DOMAIN §9): K_i = Σ_j | e_ij/e_i − E_j/E | over every activity
 * with E_j > 0 (an activity absent from the area counts as e_ij = 0), range 0–2 without the ½; and the
 * variant against the rest of the reference territory, Σ_j | e_ij/e_i − (E_j − e_ij)/(E − e_i) |.
 * Null when e_i = 0 (and the variant when E − e_i = 0). Only the area's own activities are summed term
 * by term; the activities it lacks contribute their whole reference share, summed at once.
 * Reference: Krugman (1991), *Geography and Trade*.
 */
import type { LevelTables } from "./levelTables.ts";

export interface KrugmanPair {
  krugman: number | null;
  krugmanRest: number | null;
}

/**
 * Krugman of one area from its activity jobs (`cells`: activity → e_ij, blanks as 0) and the
 * reference totals (`Ej`: activity → E_j, and E). Used for aggregates of communes.
 */
export function krugmanOfArea(
  cells: ReadonlyMap<string, number>,
  Ej: ReadonlyMap<string, number>,
  E: number,
): KrugmanPair {
  let ei = 0;
  for (const v of cells.values()) ei += v;
  if (ei <= 0 || E <= 0) return { krugman: null, krugmanRest: null };
  const rest = E - ei;
  let k = 0;
  let kr = 0;
  let coveredE = 0;
  for (const [j, eij] of cells) {
    const Etot = Ej.get(j) ?? 0;
    if (Etot <= 0) continue;
    coveredE += Etot;
    const a = eij / ei;
    k += Math.abs(a - Etot / E);
    if (rest > 0) kr += Math.abs(a - (Etot - eij) / rest);
  }
  k += (E - coveredE) / E;
  kr += (E - coveredE) / rest;
  return { krugman: k, krugmanRest: rest > 0 ? kr : null };
}

/** Krugman of every commune of a level in `year`: commune, krugman, krugman_rest. */
export function krugmanSql(t: LevelTables, year: number): string {
  return `WITH tot AS (SELECT e FROM ${t.reftot} WHERE year = ${year}),
    terms AS (
      SELECT c.commune, a.e AS ei,
             abs(coalesce(c.jobs, 0)::DOUBLE / a.e - r.ej::DOUBLE / tot.e) AS k_term,
             CASE WHEN tot.e - a.e > 0
                  THEN abs(coalesce(c.jobs, 0)::DOUBLE / a.e - (r.ej - coalesce(c.jobs, 0))::DOUBLE / (tot.e - a.e)) END AS kr_term,
             r.ej, c.activity
      FROM ${t.cells} c
      JOIN ${t.area} a ON a.year = c.year AND a.commune = c.commune
      JOIN ${t.ref} r ON r.year = c.year AND r.activity = c.activity
      CROSS JOIN tot
      WHERE c.year = ${year} AND a.e > 0 AND r.ej > 0)
    SELECT a.commune,
           CASE WHEN a.e > 0 THEN coalesce(sum(t.k_term ORDER BY t.activity), 0) + (tot.e - coalesce(sum(t.ej), 0))::DOUBLE / tot.e END AS krugman,
           CASE WHEN a.e > 0 AND tot.e - a.e > 0
                THEN coalesce(sum(t.kr_term ORDER BY t.activity), 0) + (tot.e - coalesce(sum(t.ej), 0))::DOUBLE / (tot.e - a.e) END AS krugman_rest
    FROM ${t.area} a CROSS JOIN tot LEFT JOIN terms t ON t.commune = a.commune
    WHERE a.year = ${year}
    GROUP BY a.commune, a.e, tot.e`;
}
