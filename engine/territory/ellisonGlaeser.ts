/**
 * Ellison–Glaeser concentration of an activity (DOMAIN §9; Ellison & Glaeser 1997, "Geographic
 * concentration in U.S. manufacturing industries"): γ_j = (G_j − (1 − Σ x_i²) HP_j) / ((1 − Σ x_i²)(1 − HP_j)),
 * G_j = Σ_i (s_ij − x_i)² over the communes with e_i > 0, HP_j the plant Herfindahl.
 *
 * Approximation (stated in the result): a commune × activity table gives no plant sizes, so each cell's
 * establishments are taken as equal-sized, HP_j ≈ Σ_i n_ij (e_ij / (n_ij E_j))² = Σ_i s_ij² / n_ij, over
 * the cells with establishments published and > 0 (a cell with jobs but no published establishment
 * count adds nothing). G_j is computed as Σ x_i² + Σ_cells (s_ij² − 2 s_ij x_i) (communes without the
 * activity contribute x_i²). Null when E_j = 0, when HP_j = 1 (one establishment) or Σ x_i² = 1.
 */
export const ELLISON_GLAESER_APPROXIMATION =
  "Ellison–Glaeser γ: plant sizes are unknown in a commune × activity table, so the plant Herfindahl assumes equal-sized establishments within each commune × activity cell, HP_j ≈ Σ_i n_ij (e_ij / (n_ij E_j))².";

export function ellisonGlaeserSql(shares: string, sumSquaredAreaShares: string): string {
  return `WITH g AS (
      SELECT activity, max(ej) AS ej,
             sum(s * s - 2 * s * x ORDER BY commune) AS g_cells,
             sum(CASE WHEN est > 0 THEN s * s / est ELSE 0 END ORDER BY commune) AS hp
      FROM ${shares} GROUP BY activity)
    SELECT activity, CASE WHEN ej > 0 THEN hp END AS plant_herfindahl,
           CASE WHEN ej > 0 AND hp < 1 - 1e-12 AND sx2 < 1 - 1e-12
                THEN ((sx2 + g_cells) - (1 - sx2) * hp) / ((1 - sx2) * (1 - hp)) END AS ellison_glaeser
    FROM g, (${sumSquaredAreaShares}) q`;
}
