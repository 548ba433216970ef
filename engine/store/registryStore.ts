/**
 * The network registry in the store (tables of migration 3): importing what `readRegistry` read, in ONE
 * transaction, and loading it back as plain data.
 *
 * An import writes, in order: the actors of the registered networks that are not actors yet (existing
 * actors are left as they are, counted unchanged); the members files' `membership` links, merged by link
 * identity (source, target, kind, start) as `importNetwork` merges links; the networks and the actions,
 * merged by id. New rows are inserted, changed rows updated, equal rows left alone, and the import is
 * logged (kind `registry`): re-importing the same files reports every row unchanged and changes nothing.
 *
 * A membership already in the store (e.g. from the links file) keeps its weight, frequency, formality,
 * orientation and direction, and its `source_ref` when the members file gives none: the members file
 * says who is a member of what, from when to when, not how intense the tie is.
 */
import { basename } from "node:path";
import type { DuckDBAppender, DuckDBConnection } from "@duckdb/node-api";
import { dateValue, LIST, VARCHAR } from "@duckdb/node-api";
import { InputError } from "../io/errors.ts";
import { type RegistryRead, type RegistryReadOptions, readRegistryFiles } from "../networks/readRegistry.ts";
import type {
  ActionKind,
  NetworkAction,
  NetworkType,
  RegisteredNetwork,
  Registry,
  TypeSource,
} from "../networks/types.ts";
import { assertWritable, type Store, withTransaction } from "./connection.ts";
import { appendImportLog } from "./importLog.ts";
import { LINK_VALUE_COLUMNS } from "./importNetwork.ts";
import { checkNetwork } from "./networkChecks.ts";
import { all, exec, one } from "./sql.ts";
import { appendActors, appendAll, appendLinks, createStage, dropStage, isoDateDays } from "./staging.ts";
import { sumCounts, type UpsertCounts, upsertFromStage } from "./upsert.ts";

export interface RegistryImportCounts {
  /** Actors created for registered networks (existing actors: unchanged, never updated). */
  actors: UpsertCounts;
  memberships: UpsertCounts;
  networks: UpsertCounts;
  actions: UpsertCounts;
  /** Id of the import in `import_log`. */
  importId: number;
}

const ACTOR_STAGE = "maillage_stage_registry_actors";
const LINK_STAGE = "maillage_stage_registry_links";
const NETWORK_STAGE = "maillage_stage_networks";
const ACTION_STAGE = "maillage_stage_network_actions";
const SHOWN = 5;

const NETWORK_VALUES = [
  "name",
  "type",
  "type_source",
  "territory",
  "territory_given",
  "activities",
  "animator",
  "founded",
  "ended",
  "source_file",
  "line",
];
const ACTION_VALUES = [
  "networks",
  "date",
  "kind",
  "title",
  "participants",
  "attendance",
  "source_file",
  "line",
];

/** Import what `readRegistry` read. Either all of it is in the store afterwards, or none of it. */
export async function importRegistry(store: Store, read: RegistryRead): Promise<RegistryImportCounts> {
  assertWritable(store, "importRegistry");
  const linkKeys = checkNetwork(read.actors, read.memberships);
  const c = store.connection;
  const count = (key: "read" | "accepted" | "quarantined") => read.files.reduce((s, f) => s + f[key], 0);
  return withTransaction(store, async () => {
    await createStage(c, ACTOR_STAGE, "actors");
    await appendActors(c, ACTOR_STAGE, read.actors);
    const existing = await one<{ n: number }>(
      c,
      `SELECT count(*) AS n FROM temp.main.${ACTOR_STAGE} s WHERE EXISTS (SELECT 1 FROM actors a WHERE a.id = s.id)`,
    );
    await exec(
      c,
      `DELETE FROM temp.main.${ACTOR_STAGE} s WHERE EXISTS (SELECT 1 FROM actors a WHERE a.id = s.id)`,
    );
    await exec(c, `INSERT INTO actors SELECT * FROM temp.main.${ACTOR_STAGE}`);
    const actors = { inserted: read.actors.length - existing.n, updated: 0, unchanged: existing.n };

    await createStage(c, LINK_STAGE, "links");
    await appendLinks(c, LINK_STAGE, read.memberships, linkKeys);
    await exec(
      c,
      `UPDATE temp.main.${LINK_STAGE} AS s SET orientation = t.orientation, formality = t.formality,
         weight = t.weight, frequency = t.frequency, directed = t.directed,
         source_ref = coalesce(s.source_ref, t.source_ref)
       FROM links t WHERE t.link_key = s.link_key`,
    );
    await refuseUnknownEnds(c);
    const memberships = await upsertFromStage(c, {
      table: "links",
      stage: LINK_STAGE,
      keys: ["link_key"],
      values: LINK_VALUE_COLUMNS,
    });

    await createStage(c, NETWORK_STAGE, "networks");
    await appendNetworks(c, read);
    const networks = await upsertFromStage(c, {
      table: "networks",
      stage: NETWORK_STAGE,
      keys: ["id"],
      values: NETWORK_VALUES,
    });

    await createStage(c, ACTION_STAGE, "network_actions");
    await appendActions(c, read);
    const actions = await upsertFromStage(c, {
      table: "network_actions",
      stage: ACTION_STAGE,
      keys: ["id"],
      values: ACTION_VALUES,
    });

    const total = [actors, memberships, networks, actions].reduce(sumCounts);
    const importId = await appendImportLog(c, {
      kind: "registry",
      files: read.files.map((f) => f.file),
      read: count("read"),
      accepted: count("accepted"),
      quarantined: count("quarantined"),
      ...total,
      details: { actors, memberships, networks, actions, files: read.files },
    });
    for (const stage of [ACTOR_STAGE, LINK_STAGE, NETWORK_STAGE, ACTION_STAGE]) await dropStage(c, stage);
    return { actors, memberships, networks, actions, importId };
  });
}

/** Members or networks of the staged memberships that are no actor of the store (after this import's). */
async function refuseUnknownEnds(c: DuckDBConnection): Promise<void> {
  const missing = await all<{ actor: string }>(
    c,
    `SELECT DISTINCT actor FROM (
       SELECT source AS actor FROM temp.main.${LINK_STAGE} UNION ALL SELECT target FROM temp.main.${LINK_STAGE}
     ) ends WHERE NOT EXISTS (SELECT 1 FROM actors a WHERE a.id = ends.actor) ORDER BY actor`,
  );
  if (missing.length === 0) return;
  throw new InputError(
    `memberships refer to ${missing.length} actor(s) neither in this import nor in the store: ${missing
      .slice(0, SHOWN)
      .map((m) => `"${m.actor}"`)
      .join(", ")}${missing.length > SHOWN ? ", …" : ""}; nothing was imported.`,
    { field: "member" },
  );
}

const VARCHAR_LIST = LIST(VARCHAR);

function varcharOrNull(a: DuckDBAppender, v: string | null): void {
  if (v === null) a.appendNull();
  else a.appendVarchar(v);
}

function dateOrNull(a: DuckDBAppender, v: string | null): void {
  if (v === null) a.appendNull();
  else a.appendDate(dateValue(isoDateDays(v)));
}

function integerOrNull(a: DuckDBAppender, v: number | null | undefined): void {
  if (v === null || v === undefined) a.appendNull();
  else a.appendInteger(v);
}

/** Column order of migration 3's `networks`. */
function appendNetworks(c: DuckDBConnection, read: RegistryRead): Promise<void> {
  return appendAll(c, NETWORK_STAGE, read.registry.networks, (a, n) => {
    const origin = read.origins.networks[n.id];
    a.appendVarchar(n.id);
    varcharOrNull(a, n.name);
    varcharOrNull(a, n.type);
    varcharOrNull(a, n.typeSource);
    a.appendList(n.territory, VARCHAR_LIST);
    a.appendList(n.territoryGiven, VARCHAR_LIST);
    a.appendList(n.activities, VARCHAR_LIST);
    varcharOrNull(a, n.animator);
    dateOrNull(a, n.founded);
    dateOrNull(a, n.ended);
    varcharOrNull(a, origin ? basename(origin.file) : null);
    integerOrNull(a, origin?.line);
  });
}

/** Column order of migration 3's `network_actions`. */
function appendActions(c: DuckDBConnection, read: RegistryRead): Promise<void> {
  return appendAll(c, ACTION_STAGE, read.registry.actions, (a, x) => {
    const origin = read.origins.actions[x.id];
    a.appendVarchar(x.id);
    a.appendList(x.networks, VARCHAR_LIST);
    dateOrNull(a, x.date);
    a.appendVarchar(x.kind);
    varcharOrNull(a, x.title);
    a.appendList(x.participants, VARCHAR_LIST);
    integerOrNull(a, x.attendance);
    varcharOrNull(a, origin ? basename(origin.file) : null);
    integerOrNull(a, origin?.line);
  });
}

interface NetworkRowOut {
  id: string;
  name: string | null;
  type: string | null;
  type_source: string | null;
  territory: string[];
  territory_given: string[];
  activities: string[];
  animator: string | null;
  founded: string | null;
  ended: string | null;
}

interface ActionRowOut {
  id: string;
  networks: string[];
  date: string;
  kind: string;
  title: string | null;
  participants: string[];
  attendance: number | null;
}

/** The registry held in the store: networks by id, actions by date then id; dates as ISO text. */
export async function loadRegistry(store: Store): Promise<Registry> {
  const c = store.connection;
  const networks = await all<NetworkRowOut>(
    c,
    `SELECT id, name, type, type_source, territory, territory_given, activities, animator,
            strftime(founded, '%Y-%m-%d') AS founded, strftime(ended, '%Y-%m-%d') AS ended
     FROM networks ORDER BY id`,
  );
  const actions = await all<ActionRowOut>(
    c,
    `SELECT id, networks, strftime(date, '%Y-%m-%d') AS date, kind, title, participants, attendance
     FROM network_actions ORDER BY date, id`,
  );
  return {
    networks: networks.map(
      (n): RegisteredNetwork => ({
        id: n.id,
        name: n.name,
        type: n.type as NetworkType | null,
        typeSource: n.type_source as TypeSource | null,
        territory: [...n.territory],
        territoryGiven: [...n.territory_given],
        activities: [...n.activities],
        animator: n.animator,
        founded: n.founded,
        ended: n.ended,
      }),
    ),
    actions: actions.map(
      (x): NetworkAction => ({
        id: x.id,
        networks: [...x.networks],
        date: x.date,
        kind: x.kind as ActionKind,
        title: x.title,
        participants: [...x.participants],
        attendance: x.attendance,
      }),
    ),
  };
}

export interface RegistryFilesImport {
  read: RegistryRead;
  stored: RegistryImportCounts;
}

/**
 * Read registry files against what the store holds (its actors and registry) and import them: the
 * whole of `maillage networks import`. A missing required column or an unreadable file is an
 * `InputError` raised before anything is written.
 */
export async function importRegistryFiles(
  store: Store,
  files: readonly string[],
  options: Omit<RegistryReadOptions, "actors" | "registry"> = {},
): Promise<RegistryFilesImport> {
  const actors = new Set(
    (await all<{ id: string }>(store.connection, "SELECT id FROM actors")).map((r) => r.id),
  );
  const registry = await loadRegistry(store);
  const read = readRegistryFiles(files, { ...options, actors, registry });
  const stored = await importRegistry(store, read);
  return { read, stored };
}
