/**
 * Versioned schema changes. The store records in `schema_version` every migration applied, so opening
 * a file written by an older maillage brings it up to date, and opening it again changes nothing.
 * Each migration runs in its own transaction together with its `schema_version` row: a failure
 * leaves the file at the previous version, never half-migrated. Migrations are also written to be
 * idempotent (`CREATE ... IF NOT EXISTS`), so re-running one by hand is harmless.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { InputError } from "../io/errors.ts";
import { all, exec } from "./sql.ts";
import { inTransaction } from "./transaction.ts";

/** Runs SQL text (one or several statements separated by `;`). */
export type SqlRunner = (sql: string) => Promise<void>;

export interface Migration {
  /** Position in the order of application: 1, 2, 3… without gaps. */
  version: number;
  /** Short name, recorded with the version (e.g. `foundation`, `contacts`). */
  name: string;
  up(sql: SqlRunner): Promise<void>;
}

export interface AppliedMigration {
  version: number;
  name: string;
}

const VERSION_TABLE = `CREATE TABLE IF NOT EXISTS schema_version (
  version INTEGER PRIMARY KEY,
  name VARCHAR NOT NULL,
  applied_at TIMESTAMP NOT NULL
)`;

/** Refuse a list whose versions are not 1, 2, 3…: two modules claiming one number must be caught at once. */
export function checkMigrationList(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) {
      throw new Error(
        `migration "${m.name}" has version ${m.version} at position ${i + 1}; versions must be 1, 2, 3… in list order`,
      );
    }
  });
}

/** Migrations recorded in the store, in order (empty for a new file). */
export async function appliedMigrations(connection: DuckDBConnection): Promise<AppliedMigration[]> {
  const exists = await all<{ n: number }>(
    connection,
    "SELECT count(*) AS n FROM information_schema.tables WHERE table_name = 'schema_version' AND table_schema = 'main'",
  );
  if (exists[0].n === 0) return [];
  return all<AppliedMigration>(connection, "SELECT version, name FROM schema_version ORDER BY version");
}

/** Current schema version of the store: the highest applied migration, 0 for a new file. */
export async function schemaVersion(connection: DuckDBConnection): Promise<number> {
  const applied = await appliedMigrations(connection);
  return applied.length === 0 ? 0 : applied[applied.length - 1].version;
}

/**
 * Apply the migrations the store has not seen yet, in order. A store already at a version this code
 * does not know (written by a newer maillage) is refused rather than guessed at.
 */
export async function applyMigrations(
  connection: DuckDBConnection,
  migrations: readonly Migration[],
  file = "store",
): Promise<AppliedMigration[]> {
  checkMigrationList(migrations);
  const current = await schemaVersion(connection);
  if (current > migrations.length) {
    throw new InputError(
      `${file}: the store has schema version ${current}, newer than this maillage knows (${migrations.length}); use a newer maillage.`,
      { file },
    );
  }
  const done: AppliedMigration[] = [];
  for (const m of migrations.slice(current)) {
    await inTransaction(connection, async () => {
      await exec(connection, VERSION_TABLE);
      await m.up((sql) => exec(connection, sql));
      await exec(connection, "INSERT INTO schema_version VALUES ($version, $name, CAST($at AS TIMESTAMP))", {
        version: m.version,
        name: m.name,
        at: new Date().toISOString().replace("T", " ").replace("Z", ""),
      });
    });
    done.push({ version: m.version, name: m.name });
  }
  return done;
}

/** Migrations the store lacks (for a read-only store, which cannot apply them). */
export async function pendingMigrations(
  connection: DuckDBConnection,
  migrations: readonly Migration[],
): Promise<Migration[]> {
  return migrations.slice(await schemaVersion(connection));
}
