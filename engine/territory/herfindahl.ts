/**
 * Herfindahl of an activity across communes (DOMAIN §9): Σ_i s_ij², 1 when all its jobs are in one
 * commune, 1/n when spread evenly over n. Null when E_j = 0.
 */
export function herfindahlSql(shares: string): string {
  return `SELECT activity, CASE WHEN max(ej) > 0 THEN sum(s * s ORDER BY commune) END AS herfindahl
          FROM ${shares} GROUP BY activity`;
}
