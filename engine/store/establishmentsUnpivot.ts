/**
 * Unpivoting checked records into long-form rows (the rule: a row per year with at least one published
 * cell; a blank cell stays NULL; a year blank in both cells gives no row).
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import type { EstablishmentsLayout } from "./establishmentsLayout.ts";
import { type Cell, CHECKED, DUPS, STAGE } from "./establishmentsTables.ts";
import { exec } from "./sql.ts";
import { createStage } from "./staging.ts";

/** `STAGE`: the long-form rows, one per (commune, NAF, year[, size class]) with a published cell. */
export async function unpivot(
  c: DuckDBConnection,
  layout: EstablishmentsLayout,
  cells: readonly Cell[],
): Promise<void> {
  await createStage(c, STAGE, "establishments");
  const has = (alias: string) => cells.some((cell) => cell.alias === alias);
  const value = (alias: string) => (has(alias) ? alias : "NULL::INTEGER");
  const good = `(SELECT * FROM ${CHECKED} WHERE problem IS NULL AND rec NOT IN (SELECT rec FROM ${DUPS}))`;
  const selects =
    layout.kind === "urssaf_wide"
      ? layout.years.map((y) => {
          const e = value(`e_${y.year}`);
          const j = value(`j_${y.year}`);
          return `SELECT commune, naf, ${y.year} AS year, ${e} AS establishments, ${j} AS jobs, NULL::VARCHAR AS size_class
                  FROM good WHERE ${e} IS NOT NULL OR ${j} IS NOT NULL`;
        })
      : [
          `SELECT commune, naf, year, ${value("e")} AS establishments, ${value("j")} AS jobs, size_class
           FROM good WHERE ${value("e")} IS NOT NULL OR ${value("j")} IS NOT NULL`,
        ];
  await exec(
    c,
    `INSERT INTO temp.main.${STAGE} (commune, naf, year, establishments, jobs, size_class)
     WITH good AS ${good}
     ${selects.join("\nUNION ALL\n")}`,
  );
}
