/**
 * Reading the establishment table back, for the territorial indices (which work on in-memory tables
 * and never open the store themselves). Rows come ordered by key, counts as numbers, blanks as null.
 */
import type { Store } from "./connection.ts";
import { all } from "./sql.ts";

export interface EstablishmentRow {
  commune: string;
  /** NAF rev.2 sub-class, official form `25.62A`. */
  naf: string;
  year: number;
  /** Null when the cell was blank (not published). */
  establishments: number | null;
  jobs: number | null;
  size_class: string | null;
}

export interface EstablishmentFilter {
  /** Only these years. */
  years?: readonly number[];
  /** Only these communes (INSEE codes). */
  communes?: readonly string[];
}

export function loadEstablishments(
  store: Store,
  filter: EstablishmentFilter = {},
): Promise<EstablishmentRow[]> {
  const where: string[] = [];
  const params: Record<string, string | number> = {};
  filter.years?.forEach((y, i) => {
    params[`y${i}`] = y;
  });
  filter.communes?.forEach((c, i) => {
    params[`c${i}`] = c;
  });
  if (filter.years)
    where.push(
      filter.years.length ? `year IN (${filter.years.map((_, i) => `$y${i}`).join(", ")})` : "false",
    );
  if (filter.communes) {
    where.push(
      filter.communes.length ? `commune IN (${filter.communes.map((_, i) => `$c${i}`).join(", ")})` : "false",
    );
  }
  return all<EstablishmentRow>(
    store.connection,
    `SELECT commune, naf, year, establishments, jobs, size_class FROM establishments
     ${where.length ? `WHERE ${where.join(" AND ")}` : ""}
     ORDER BY commune, naf, year, size_class NULLS FIRST`,
    Object.keys(params).length ? params : undefined,
  );
}
