/**
 * Location quotient (DOMAIN §9): LQ_ij = (e_ij / e_i) / (E_j / E), the activity's share of the area
 * against its share of the reference territory; > 1 means over-represented. Null when the cell is not
 * published (a blank gets no index), when e_i = 0, or when E_j = 0.
 * Reference: Isard (1960), *Methods of Regional Analysis*.
 */

/** LQ of one cell (or of an aggregate of communes treated as one area). */
export function locationQuotient(eij: number | null, ei: number, Ej: number, E: number): number | null {
  if (eij === null || ei <= 0 || Ej <= 0 || E <= 0) return null;
  return eij / ei / (Ej / E);
}

/** The same in SQL on column expressions (the operations in the same order as `locationQuotient`). */
export function locationQuotientSql(eij: string, ei: string, Ej: string, E: string): string {
  return `CASE WHEN ${eij} IS NOT NULL AND ${ei} > 0 AND ${Ej} > 0 AND ${E} > 0
               THEN (${eij}::DOUBLE / ${ei}) / (${Ej}::DOUBLE / ${E}) END`;
}
