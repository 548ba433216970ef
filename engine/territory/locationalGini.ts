/**
 * Locational Gini of an activity (DOMAIN §9, Krugman 1991): sort the communes with e_i > 0 by LQ_ij
 * ascending; with x_k, y_k the cumulative shares of all jobs and of the activity's jobs from (0, 0),
 * G_j = 1 − Σ_k (x_k − x_{k−1})(y_k + y_{k−1}). Communes without the activity (LQ 0) come first and add
 * nothing to the sum; each other commune adds x_i (2 Y_k − s_ij) with Y_k the cumulative activity share.
 * Sorting by e_ij/e_i gives the LQ order whatever the reference; ties (equal LQ) leave the curve unchanged.
 * Null when E_j = 0.
 */
export function locationalGiniSql(shares: string): string {
  return `SELECT activity, CASE WHEN max(ej) > 0 THEN 1 - sum(x * (2 * cy - s) ORDER BY lq_order, commune) END AS gini
          FROM (SELECT activity, commune, lq_order, x, s, ej,
                       sum(s) OVER (PARTITION BY activity ORDER BY lq_order, commune
                                    ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS cy
                FROM ${shares} WHERE s > 0)
          GROUP BY activity`;
}
