/**
 * Reading the registry's files together, without a store: networks files first, then members files, then
 * actions files (whatever the order given), so that members and actions may name networks registered by
 * an earlier file. Every row is accepted or quarantined with its file, line, field, value and reason, and
 * each file's summary keeps `read = accepted + quarantined`.
 *
 * What a row may refer to:
 * - a network: one registered by these files or already in `options.registry`;
 * - an actor (a member, a participant): one of `options.actors` or a registered network (a network is an
 *   actor; one that is not an actor yet is created, see `actors` of the result).
 * A reference to anything else quarantines the row naming it. A network id, an action id or a membership
 * identity (member, network, start) given twice keeps the first row and quarantines the repeat.
 *
 * A network whose type the file leaves blank keeps the type the typology placed in `options.registry`
 * (typeSource `typology`), so re-importing the registry does not undo the typology.
 */
import { basename } from "node:path";
import { type CsvTable, parseCsv, readCsv } from "../io/csvRead.ts";
import { InputError } from "../io/errors.ts";
import type { QuarantineRow, ReadSummary } from "../io/quarantine.ts";
import type { Actor, Link } from "../model/types.ts";
import { linkKey } from "../model/types.ts";
import { actionFromRow } from "./actionsCsv.ts";
import { membershipFromRow } from "./membersCsv.ts";
import { networkFromRow } from "./networksCsv.ts";
import {
  ACTION_HEADER_NAMES,
  MEMBER_HEADER_NAMES,
  NETWORK_HEADER_NAMES,
  REGISTRY_FILE_KINDS,
  REQUIRED_ACTION_FIELDS,
  REQUIRED_MEMBER_FIELDS,
  REQUIRED_NETWORK_FIELDS,
  type RegistryFileKind,
  registryFileKind,
} from "./registryColumns.ts";
import { fieldTable } from "./registryCsv.ts";
import type { NetworkAction, RegisteredNetwork, Registry } from "./types.ts";

export interface RegistryFileSummary extends ReadSummary {
  kind: RegistryFileKind;
  /** Headers that map to no field (not read). */
  ignored: string[];
}

export interface RegistryRead {
  /** Networks (by id) and actions (by date, then id) accepted from these files. */
  registry: Registry;
  /** Actors to create: the registered networks that are not among the actors given (by id). */
  actors: Actor[];
  /** The members files' rows as `membership` links, in file order. */
  memberships: Link[];
  quarantine: QuarantineRow[];
  /** One summary per file, networks files first, then members, then actions. */
  files: RegistryFileSummary[];
  /** Where each accepted network and action was read (file as given, 1-based line), by id. */
  origins: { networks: Record<string, RowOrigin>; actions: Record<string, RowOrigin> };
}

export interface RowOrigin {
  file: string;
  line: number;
}

export interface RegistryReadOptions {
  /** Ids of the actors already known (the store's, or a dataset's actors file). */
  actors: ReadonlySet<string>;
  /** The registry already known (the store's): its networks may be referred to. */
  registry?: Registry;
  /** Force the role of every file instead of telling it from its header. */
  kind?: RegistryFileKind;
  /**
   * Header → field overrides, as `--columns` gives them; each file takes those naming one of its fields
   * (a field of no registry file is an `InputError`).
   */
  columns?: Readonly<Record<string, string>>;
}

/** A file given in memory. */
export interface RegistryInput {
  file: string;
  bytes: Uint8Array;
  kind?: RegistryFileKind;
}

/** Read registry files from disk; an unreadable file or a missing required column is an `InputError`. */
export function readRegistryFiles(files: readonly string[], options: RegistryReadOptions): RegistryRead {
  return registryFromTables(
    files.map((file) => ({ table: readCsv(file), kind: options.kind })),
    options,
  );
}

/** The same from bytes already in memory (no disk access). */
export function parseRegistryFiles(
  inputs: readonly RegistryInput[],
  options: RegistryReadOptions,
): RegistryRead {
  return registryFromTables(
    inputs.map((i) => ({ table: parseCsv(i.bytes, i.file), kind: i.kind ?? options.kind })),
    options,
  );
}

function kindOf(table: CsvTable, forced: RegistryFileKind | undefined): RegistryFileKind {
  if (forced) return forced;
  const kind = registryFileKind(table.header);
  if (!kind) {
    throw new InputError(
      `${table.file}: cannot tell whether this is a networks, members or actions file (a networks file has a territory or type column, a members file a member column, an actions file a date and a participants or kind column); columns found: ${table.header.map((h) => `"${h}"`).join(", ") || "none"}. Pass --kind networks|members|actions.`,
      { file: table.file },
    );
  }
  return kind;
}

const where = (file: string, line: number) => `line ${line}${file ? ` of ${basename(file)}` : ""}`;

function registryFromTables(
  given: ReadonlyArray<{ table: CsvTable; kind: RegistryFileKind | undefined }>,
  options: RegistryReadOptions,
): RegistryRead {
  const ordered = given
    .map((g) => ({ table: g.table, kind: kindOf(g.table, g.kind) }))
    .sort((a, b) => REGISTRY_FILE_KINDS.indexOf(a.kind) - REGISTRY_FILE_KINDS.indexOf(b.kind));
  const overrides = checkedOverrides(options.columns ?? {});
  const known = new Map<string, RegisteredNetwork>((options.registry?.networks ?? []).map((n) => [n.id, n]));

  const networks = new Map<string, RegisteredNetwork>();
  const networkLine = new Map<string, string>();
  const actors: Actor[] = [];
  const memberships: Link[] = [];
  const membershipLine = new Map<string, string>();
  const actions = new Map<string, NetworkAction>();
  const actionLine = new Map<string, string>();
  const quarantine: QuarantineRow[] = [];
  const files: RegistryFileSummary[] = [];
  // Null-prototype records: an id such as "__proto__" is a key like any other.
  const origins: RegistryRead["origins"] = { networks: Object.create(null), actions: Object.create(null) };

  const isNetwork = (id: string) => networks.has(id) || known.has(id);
  const isActor = (id: string) => options.actors.has(id) || isNetwork(id);

  for (const { table, kind } of ordered) {
    const file = table.file;
    const bad: QuarantineRow[] = [];
    let accepted = 0;
    const q = (line: number, field: string, value: string, reason: string) =>
      bad.push({ file, line, field, value, reason });
    let ignored: string[];

    if (kind === "networks") {
      const t = fieldTable(
        table,
        NETWORK_HEADER_NAMES,
        REQUIRED_NETWORK_FIELDS,
        overridesFor(overrides, NETWORK_HEADER_NAMES),
      );
      ignored = t.ignored;
      bad.push(...t.bad);
      for (const { line, cells } of t.rows) {
        const r = networkFromRow(cells);
        if (!r.ok) {
          q(line, r.problem.field, r.problem.value, r.problem.reason);
          continue;
        }
        const { network, actor } = r.record;
        const first = networkLine.get(network.id);
        if (first) {
          q(line, "id", network.id, `network id already registered on ${first}`);
          continue;
        }
        const before = known.get(network.id);
        if (network.type === null && before?.typeSource === "typology") {
          network.type = before.type;
          network.typeSource = "typology";
        }
        networks.set(network.id, network);
        networkLine.set(network.id, where(file, line));
        origins.networks[network.id] = { file, line };
        if (!options.actors.has(network.id)) actors.push(actor);
        accepted++;
      }
    } else if (kind === "members") {
      const t = fieldTable(
        table,
        MEMBER_HEADER_NAMES,
        REQUIRED_MEMBER_FIELDS,
        overridesFor(overrides, MEMBER_HEADER_NAMES),
      );
      ignored = t.ignored;
      bad.push(...t.bad);
      for (const { line, cells } of t.rows) {
        const r = membershipFromRow(cells);
        if (!r.ok) {
          q(line, r.problem.field, r.problem.value, r.problem.reason);
          continue;
        }
        const link = r.record;
        if (!isNetwork(link.target)) {
          q(line, "network", link.target, `unknown network "${link.target}": not in the registry`);
          continue;
        }
        if (!isActor(link.source)) {
          q(
            line,
            "member",
            link.source,
            `unknown member "${link.source}": not an actor (import the actors first)`,
          );
          continue;
        }
        const key = linkKey(link);
        const first = membershipLine.get(key);
        if (first) {
          q(line, "member", link.source, `same membership (member, network, start) as ${first}`);
          continue;
        }
        membershipLine.set(key, where(file, line));
        memberships.push(link);
        accepted++;
      }
    } else {
      const t = fieldTable(
        table,
        ACTION_HEADER_NAMES,
        REQUIRED_ACTION_FIELDS,
        overridesFor(overrides, ACTION_HEADER_NAMES),
      );
      ignored = t.ignored;
      bad.push(...t.bad);
      rows: for (const { line, cells } of t.rows) {
        const r = actionFromRow(cells);
        if (!r.ok) {
          q(line, r.problem.field, r.problem.value, r.problem.reason);
          continue;
        }
        const action = r.record;
        for (const n of action.networks) {
          if (!isNetwork(n)) {
            q(line, "network", cells.network ?? "", `unknown network "${n}": not in the registry`);
            continue rows;
          }
        }
        for (const p of action.participants) {
          if (!isActor(p)) {
            q(line, "participants", cells.participants ?? "", `unknown participant "${p}": not an actor`);
            continue rows;
          }
        }
        const first = actionLine.get(action.id);
        if (first) {
          q(line, "id", action.id, `same action id as ${first}`);
          continue;
        }
        actionLine.set(action.id, where(file, line));
        origins.actions[action.id] = { file, line };
        actions.set(action.id, action);
        accepted++;
      }
    }
    bad.sort((a, b) => a.line - b.line);
    quarantine.push(...bad);
    files.push({ file, kind, read: accepted + bad.length, accepted, quarantined: bad.length, ignored });
  }

  return {
    registry: {
      networks: [...networks.values()].sort((a, b) => compare(a.id, b.id)),
      actions: [...actions.values()].sort((a, b) => compare(a.date, b.date) || compare(a.id, b.id)),
    },
    actors: actors.sort((a, b) => compare(a.id, b.id)),
    memberships,
    quarantine,
    files,
    origins,
  };
}

/** The user's column mapping, refused at once when it names a field of no registry file. */
function checkedOverrides(overrides: Readonly<Record<string, string>>): Readonly<Record<string, string>> {
  const fields = new Set([
    ...Object.keys(NETWORK_HEADER_NAMES),
    ...Object.keys(MEMBER_HEADER_NAMES),
    ...Object.keys(ACTION_HEADER_NAMES),
  ]);
  for (const [header, field] of Object.entries(overrides)) {
    if (!fields.has(field))
      throw new InputError(
        `column mapping: "${header}=${field}": "${field}" is not a field of a registry file (fields: ${[...fields].join(", ")}).`,
      );
  }
  return overrides;
}

/** The part of the mapping that names fields of one file kind. */
function overridesFor(
  overrides: Readonly<Record<string, string>>,
  names: Readonly<Record<string, readonly string[]>>,
): Record<string, string> {
  return Object.fromEntries(Object.entries(overrides).filter(([, field]) => field in names));
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
