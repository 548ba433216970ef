/**
 * The blank-cell report (DOMAIN §9) for the diagnostic year, from the staged sub-class rows: how many
 * rows have establishments published and jobs blank (truly secret: their jobs count as 0 everywhere and
 * they get no jobs index), how many establishments they hold, and by activity.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { nafLabel } from "../model/nafLabels.ts";
import { all, one } from "../store/sql.ts";
import type { SecretCellReport } from "./types.ts";
import { TMP } from "./workTables.ts";

export const BLANK_CELL_RULE =
  "A blank cell (no establishment, or a secret value: the file cannot tell them apart) counts as 0 in every sum (e_i, E_j, E, Krugman and Hoover terms) and gets no index of its own (null, not 0); cells with establishments published and jobs blank are truly secret, counted here, and their jobs count as 0.";

export async function secretCellReport(c: DuckDBConnection, year: number): Promise<SecretCellReport> {
  const totals = await one<{ rows: number; secret: number; est: number | null; eblank: number }>(
    c,
    `SELECT count(*) AS rows,
            count(*) FILTER (WHERE establishments IS NOT NULL AND jobs IS NULL) AS secret,
            sum(establishments) FILTER (WHERE establishments IS NOT NULL AND jobs IS NULL) AS est,
            count(*) FILTER (WHERE establishments IS NULL AND jobs IS NOT NULL) AS eblank
     FROM ${TMP}_rows WHERE year = ${year}`,
  );
  const byActivity = await all<{ activity: string; rows: number; establishments: number }>(
    c,
    `SELECT naf AS activity, count(*) AS rows, sum(establishments) AS establishments
     FROM ${TMP}_rows WHERE year = ${year} AND establishments IS NOT NULL AND jobs IS NULL
     GROUP BY naf ORDER BY rows DESC, naf`,
  );
  return {
    rows: totals.rows,
    secretRows: totals.secret,
    secretEstablishments: totals.est ?? 0,
    establishmentsBlankRows: totals.eblank,
    byActivity: byActivity.map((r) => ({ ...r, label: nafLabel(r.activity) ?? null })),
    rule: BLANK_CELL_RULE,
  };
}
