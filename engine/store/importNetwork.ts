/**
 * Importing a network (actors and links) into the store in ONE transaction: actors are merged by id,
 * links by identity `(source, target, kind, start)`; new rows are inserted, changed rows updated,
 * equal rows left alone and counted as unchanged, and the import is logged. Either all of it is in
 * the store afterwards or none of it (an error, or a killed process, rolls everything back).
 * Re-importing the same data reports every row unchanged and leaves the tables as they were.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { InputError } from "../io/errors.ts";
import { ACTOR_RECORD_FIELDS, type Actor, LINK_RECORD_FIELDS, type Link } from "../model/types.ts";
import { assertWritable, type Store, withTransaction } from "./connection.ts";
import { appendImportLog } from "./importLog.ts";
import { checkNetwork } from "./networkChecks.ts";
import { all } from "./sql.ts";
import { appendActors, appendLinks, createStage, dropStage } from "./staging.ts";
import { sumCounts, type UpsertCounts, upsertFromStage } from "./upsert.ts";

/** Columns compared and updated on re-import: every field but the key. */
export const ACTOR_VALUE_COLUMNS = ACTOR_RECORD_FIELDS.filter((f) => f !== "id");
export const LINK_VALUE_COLUMNS = LINK_RECORD_FIELDS;

/** The steps of an import, announced to `onStep` once each is written (inside the transaction). */
export type NetworkImportStep = "actors" | "links" | "log";

export interface NetworkImportInput {
  actors: readonly Actor[];
  links: readonly Link[];
  /** Files the records were read from (for the import log). */
  files?: readonly string[];
  /** Input rows read from the files; default: accepted + quarantined. */
  read?: number;
  /** Input rows the readers quarantined; default 0. */
  quarantined?: number;
  /**
   * Called after each step, inside the transaction (progress reporting). An error it throws aborts
   * the import and rolls it back like any other.
   */
  onStep?: (step: NetworkImportStep) => void | Promise<void>;
}

export interface NetworkImportCounts {
  actors: UpsertCounts;
  links: UpsertCounts;
  /** Id of the import in `import_log`. */
  importId: number;
}

const ACTOR_STAGE = "maillage_stage_actors";
const LINK_STAGE = "maillage_stage_links";
const SHOWN = 5;

/**
 * Import actors and links. Link ends must be actors of this import or already in the store:
 * a link to an unknown actor is an `InputError` and nothing is written.
 */
export async function importNetwork(store: Store, input: NetworkImportInput): Promise<NetworkImportCounts> {
  assertWritable(store, "importNetwork");
  const keys = checkNetwork(input.actors, input.links);
  const accepted = input.actors.length + input.links.length;
  const quarantined = input.quarantined ?? 0;
  const read = input.read ?? accepted + quarantined;
  const c = store.connection;
  return withTransaction(store, async () => {
    await createStage(c, ACTOR_STAGE, "actors");
    await appendActors(c, ACTOR_STAGE, input.actors);
    const actors = await upsertFromStage(c, {
      table: "actors",
      stage: ACTOR_STAGE,
      keys: ["id"],
      values: ACTOR_VALUE_COLUMNS,
    });
    await input.onStep?.("actors");

    await createStage(c, LINK_STAGE, "links");
    await appendLinks(c, LINK_STAGE, input.links, keys);
    await refuseDanglingLinks(c);
    const links = await upsertFromStage(c, {
      table: "links",
      stage: LINK_STAGE,
      keys: ["link_key"],
      values: LINK_VALUE_COLUMNS,
    });
    await input.onStep?.("links");

    const total = sumCounts(actors, links);
    const importId = await appendImportLog(c, {
      kind: "network",
      files: input.files ?? [],
      read,
      accepted,
      quarantined,
      ...total,
      details: { actors, links },
    });
    await input.onStep?.("log");
    await dropStage(c, ACTOR_STAGE);
    await dropStage(c, LINK_STAGE);
    return { actors, links, importId };
  });
}

/** Links of the stage whose source or target is not an actor of the store (after this import's actors). */
async function refuseDanglingLinks(c: DuckDBConnection): Promise<void> {
  const missing = await all<{ actor: string; links: number }>(
    c,
    `SELECT actor, count(*) AS links FROM (
       SELECT source AS actor FROM temp.main.${LINK_STAGE}
       UNION ALL SELECT target AS actor FROM temp.main.${LINK_STAGE}
     ) ends WHERE NOT EXISTS (SELECT 1 FROM actors a WHERE a.id = ends.actor)
     GROUP BY actor ORDER BY actor`,
  );
  if (missing.length === 0) return;
  const shown = missing.slice(0, SHOWN).map((m) => `"${m.actor}" (${m.links} link${m.links > 1 ? "s" : ""})`);
  throw new InputError(
    `links refer to ${missing.length} actor${missing.length > 1 ? "s" : ""} that ${missing.length > 1 ? "are" : "is"} neither in this import nor in the store: ${shown.join(", ")}${missing.length > SHOWN ? ", …" : ""}; nothing was imported.`,
    { field: "source/target" },
  );
}
