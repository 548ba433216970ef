/**
 * Hoover localisation of an activity (DOMAIN §9): Hv_j = ½ Σ_i | s_ij − x_i | over the communes with
 * e_i > 0 (0 = spread like all jobs, → 1 = all in places with few jobs). Communes without the activity
 * contribute x_i each, summed at once as 1 − Σ_{cells} x_i. Null when E_j = 0.
 * Reference: Hoover (1936), "The measurement of industrial localization".
 */
export function hooverSql(shares: string): string {
  return `SELECT activity, CASE WHEN max(ej) > 0 THEN 0.5 * (sum(abs(s - x) ORDER BY commune) + (1 - sum(x ORDER BY commune))) END AS hoover
          FROM ${shares} GROUP BY activity`;
}
