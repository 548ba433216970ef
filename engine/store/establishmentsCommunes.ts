/**
 * Which commune codes of an establishment table the store accepts. The store knows no geography: the
 * caller says which codes are valid (a set of codes, or a predicate, e.g. "in the Code officiel
 * géographique, current, former or delegated") and the reason a row of another code is quarantined.
 * Default: every well-formed code is accepted.
 *
 * The caller's rule is applied to the file's distinct codes (normalised as `communeSql` does), not to
 * every row, and the codes it refuses go to `UNKNOWN_COMMUNES`, which `checkRows` reads: a table of
 * the unknown codes stays small (usually empty) and works for a predicate as for a set, where a table
 * of the known codes would hold the whole vintage (about 37,000 codes) at every import.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { communeSql } from "./establishmentsSql.ts";
import { RAW, UNKNOWN_COMMUNES } from "./establishmentsTables.ts";
import { all, exec } from "./sql.ts";

/** Commune codes (5 characters, as normalised: `01004`, `2A004`) a store accepts. */
export type KnownCommunes = ReadonlySet<string> | ((code: string) => boolean);

/** Reason of a quarantined row when the caller gives none. */
export const UNKNOWN_COMMUNE_REASON = "unknown commune code: not among the commune codes the import accepts";

/**
 * `UNKNOWN_COMMUNES` (code): the distinct well-formed commune codes of `RAW` that `known` refuses
 * (empty without `known`). Returns how many there are.
 */
export async function markUnknownCommunes(
  c: DuckDBConnection,
  known: KnownCommunes | undefined,
): Promise<number> {
  await exec(c, `CREATE OR REPLACE TEMP TABLE ${UNKNOWN_COMMUNES} (code VARCHAR PRIMARY KEY)`);
  if (!known) return 0;
  const isKnown = typeof known === "function" ? known : (code: string) => known.has(code);
  // Normalise the distinct raw values only: a national table repeats each code about 30 times.
  const codes = await all<{ code: string }>(
    c,
    `SELECT code FROM (SELECT DISTINCT ${communeSql("raw")} AS code
                       FROM (SELECT DISTINCT commune_raw AS raw FROM ${RAW}))
     WHERE code IS NOT NULL`,
  );
  const unknown = codes.map((r) => r.code).filter((code) => !isKnown(code));
  if (unknown.length === 0) return 0;
  const appender = await c.createAppender(UNKNOWN_COMMUNES, "main", "temp");
  for (const code of unknown) {
    appender.appendVarchar(code);
    appender.endRow();
  }
  appender.closeSync();
  return unknown.length;
}
