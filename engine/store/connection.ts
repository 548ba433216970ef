/**
 * Opening and closing the store, one DuckDB file (or an in-memory database for tests), and running
 * work inside one transaction. Opening applies the pending migrations, so every function of the store
 * can assume the current schema.
 */
import { type DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";
import { InputError } from "../io/errors.ts";
import { applyMigrations, type Migration, pendingMigrations } from "./migration.ts";
import { MIGRATIONS } from "./migrations.ts";
import { inTransaction } from "./transaction.ts";

/** In-memory database: nothing is written to disk (tests, throw-away analyses). */
export const IN_MEMORY = ":memory:";

export interface Store {
  /** The DuckDB file, or `:memory:`. */
  readonly path: string;
  readonly readOnly: boolean;
  readonly instance: DuckDBInstance;
  readonly connection: DuckDBConnection;
}

export interface OpenStoreOptions {
  /**
   * Open without writing: several processes may then read one file. No migration can be applied,
   * so a file that lacks one is refused (open it once for writing, e.g. by an import).
   */
  readOnly?: boolean;
  /** The migrations to apply (default: all of maillage's). Tests pass their own list. */
  migrations?: readonly Migration[];
}

/**
 * Open (creating when absent) the store at `path` and bring its schema up to date. A file that cannot
 * be opened (missing folder, locked by another process, not a DuckDB file) is an `InputError` naming it.
 */
export async function openStore(path: string = IN_MEMORY, options: OpenStoreOptions = {}): Promise<Store> {
  const readOnly = options.readOnly ?? false;
  const migrations = options.migrations ?? MIGRATIONS;
  let instance: DuckDBInstance;
  try {
    instance = await DuckDBInstance.create(path, readOnly ? { access_mode: "READ_ONLY" } : {});
  } catch (error) {
    throw new InputError(`${path}: cannot open the store (${firstLine(error)}).`, { file: path });
  }
  let connection: DuckDBConnection | undefined;
  try {
    connection = await instance.connect();
    if (readOnly) {
      const pending = await pendingMigrations(connection, migrations);
      if (pending.length > 0) {
        throw new InputError(
          `${path}: the store lacks schema migration${pending.length > 1 ? "s" : ""} ${pending.map((m) => `${m.version} (${m.name})`).join(", ")}; open it for writing once to upgrade it.`,
          { file: path },
        );
      }
    } else await applyMigrations(connection, migrations, path);
    return { path, readOnly, instance, connection };
  } catch (error) {
    connection?.closeSync();
    instance.closeSync();
    throw error;
  }
}

/** Close the connection and the database; DuckDB checkpoints the file on close. */
export function closeStore(store: Store): void {
  store.connection.closeSync();
  store.instance.closeSync();
}

/** Open a store, run `work` with it, and close it whatever happens. */
export async function withStore<T>(
  path: string,
  work: (store: Store) => Promise<T>,
  options: OpenStoreOptions = {},
): Promise<T> {
  const store = await openStore(path, options);
  try {
    return await work(store);
  } finally {
    closeStore(store);
  }
}

/**
 * Run `work` inside one transaction: `BEGIN`, then `COMMIT`, or `ROLLBACK` on any error, which is
 * rethrown. A call made inside another joins it (see `inTransaction`).
 */
export function withTransaction<T>(store: Store, work: () => Promise<T>): Promise<T> {
  return inTransaction(store.connection, work);
}

/** Refuse to write into a store opened read-only, before any work starts. */
export function assertWritable(store: Store, what: string): void {
  if (store.readOnly) throw new Error(`${what}: the store ${store.path} is open read-only`);
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split("\n")[0];
}
