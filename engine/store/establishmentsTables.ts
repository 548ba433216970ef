/**
 * The temporary tables an establishment import works through, inside its transaction:
 * `RAW` (the file's cells as text, one row per record) → `UNKNOWN_COMMUNES` (the file's commune codes
 * the caller does not know) → `CHECKED` (codes normalised, counts read, the first problem of each record) and `DUPS` (records repeating a key) → `STAGE` (the long-form rows)
 * → merged into `establishments`. DuckDB's reader fills `REJECTS` with the records it could not split.
 */
import type { CountColumn, EstablishmentsLayout } from "./establishmentsLayout.ts";

export const RAW = "maillage_est_raw";
export const CHECKED = "maillage_est_checked";
export const DUPS = "maillage_est_duplicates";
export const STAGE = "maillage_stage_establishments";
export const REJECTS = "maillage_est_rejects";
export const REJECT_SCANS = "maillage_est_reject_scans";
export const UNKNOWN_COMMUNES = "maillage_est_unknown_communes";
export const TEMP_TABLES = [RAW, UNKNOWN_COMMUNES, CHECKED, DUPS, STAGE, REJECTS, REJECT_SCANS];

/** A count cell of the file under the alias it has in the temporary tables. */
export interface Cell {
  alias: string;
  column: CountColumn;
}

export function cellsOf(layout: EstablishmentsLayout): Cell[] {
  const cells: Cell[] = [];
  if (layout.kind === "urssaf_wide") {
    for (const y of layout.years) {
      if (y.establishments) cells.push({ alias: `e_${y.year}`, column: y.establishments });
      if (y.jobs) cells.push({ alias: `j_${y.year}`, column: y.jobs });
    }
  } else {
    if (layout.establishments) cells.push({ alias: "e", column: layout.establishments });
    if (layout.jobs) cells.push({ alias: "j", column: layout.jobs });
  }
  return cells;
}
