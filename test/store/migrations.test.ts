import { rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { InputError } from "../../engine/io/errors.ts";
import {
  closeStore,
  type OpenStoreOptions,
  openStore,
  type Store,
  withStore,
} from "../../engine/store/connection.ts";
import { importNetwork } from "../../engine/store/importNetwork.ts";
import {
  appliedMigrations,
  checkMigrationList,
  type Migration,
  schemaVersion,
} from "../../engine/store/migration.ts";
import { foundation } from "../../engine/store/migrations/001_foundation.ts";
import { all } from "../../engine/store/sql.ts";
import { tempDir } from "../helpers.ts";

const dir = tempDir("maillage-store-migrations-");
/**
 * These tests exercise the migration mechanism on the foundation alone, so that modules adding their
 * own migrations (contacts, registry…) do not change what they check.
 */
const BASE: readonly Migration[] = [foundation];
const open = (path: string, options: OpenStoreOptions = {}) =>
  openStore(path, { migrations: BASE, ...options });
const withBase = <T>(path: string, work: (store: Store) => Promise<T>, options: OpenStoreOptions = {}) =>
  withStore(path, work, { migrations: BASE, ...options });

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const tables = async (path: string, migrations: readonly Migration[] = BASE) =>
  withBase(
    path,
    async (store) =>
      (
        await all<{ name: string }>(
          store.connection,
          "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'main' ORDER BY 1",
        )
      ).map((r) => r.name),
    { migrations },
  );

/** A later module's migration, as the contacts and registry modules add theirs. */
const later: Migration = {
  version: 2,
  name: "later_module",
  async up(sql) {
    await sql("CREATE TABLE IF NOT EXISTS later_table (id VARCHAR PRIMARY KEY, name VARCHAR)");
  },
};

describe("schema versioning", () => {
  it("creates the foundation tables and records version 1 in a new store", async () => {
    const path = join(dir, "new.duckdb");
    expect(await tables(path)).toEqual(["actors", "establishments", "import_log", "links", "schema_version"]);
    await withBase(path, async (store) => {
      expect(await appliedMigrations(store.connection)).toEqual([{ version: 1, name: "foundation" }]);
      expect(await schemaVersion(store.connection)).toBe(BASE.length);
    });
  });

  it("applies nothing when a store is opened again", async () => {
    const path = join(dir, "again.duckdb");
    await withBase(path, async (store) => {
      await store.connection.run("INSERT INTO actors (id, kind) VALUES ('x', 'firm')");
    });
    for (let i = 0; i < 3; i++) {
      await withBase(path, async (store) => {
        expect(await appliedMigrations(store.connection)).toEqual([{ version: 1, name: "foundation" }]);
        const rows = await all(store.connection, "SELECT id, kind FROM actors");
        expect(rows).toEqual([{ id: "x", kind: "firm" }]);
      });
    }
  });

  it("applies a migration added later once, and its statements are idempotent", async () => {
    const path = join(dir, "upgrade.duckdb");
    await withBase(path, async () => {});
    const list = [...BASE, later];
    await withBase(
      path,
      async (store) => {
        expect(await appliedMigrations(store.connection)).toEqual([
          { version: 1, name: "foundation" },
          { version: 2, name: "later_module" },
        ]);
      },
      { migrations: list },
    );
    await withBase(
      path,
      async (store) => {
        expect(await schemaVersion(store.connection)).toBe(2);
        // Running every migration again by hand changes nothing and fails on nothing.
        for (const m of list) await m.up((sql) => store.connection.run(sql).then(() => undefined));
        expect(await schemaVersion(store.connection)).toBe(2);
      },
      { migrations: list },
    );
    expect(await tables(path, list)).toContain("later_table");
  });

  it("leaves the store at the previous version when a migration fails", async () => {
    const path = join(dir, "failing.duckdb");
    await withBase(path, async () => {});
    const broken: Migration = {
      version: 2,
      name: "broken",
      async up(sql) {
        await sql("CREATE TABLE half_done (x INTEGER)");
        await sql("SELECT * FROM no_such_table");
      },
    };
    await expect(open(path, { migrations: [...BASE, broken] })).rejects.toThrow(/no_such_table/);
    expect(await tables(path)).not.toContain("half_done");
    await withBase(path, async (store) => expect(await schemaVersion(store.connection)).toBe(1));
  });

  it("refuses a list whose versions are not 1, 2, 3… in order", () => {
    expect(() => checkMigrationList([...BASE, { ...later, version: 3 }])).toThrow(/version 3 at position 2/);
    expect(() => checkMigrationList([later])).toThrow(/version 2 at position 1/);
  });

  it("refuses a store written by a newer maillage, and a read-only store that lacks a migration", async () => {
    const path = join(dir, "newer.duckdb");
    await withBase(path, async () => {}, { migrations: [...BASE, later] });
    const newer = open(path);
    await expect(newer).rejects.toBeInstanceOf(InputError);
    await expect(open(path)).rejects.toThrow(/schema version 2, newer than this maillage knows \(1\)/);

    const old = join(dir, "old.duckdb");
    await withBase(old, async () => {});
    await expect(open(old, { readOnly: true, migrations: [...BASE, later] })).rejects.toThrow(
      /lacks schema migration 2 \(later_module\)/,
    );
    const store = await open(old, { readOnly: true });
    expect(store.readOnly).toBe(true);
    await expect(
      store.connection.run("INSERT INTO actors (id, kind) VALUES ('x', 'firm')"),
    ).rejects.toThrow();
    await expect(importNetwork(store, { actors: [], links: [] })).rejects.toThrow(/read-only/);
    closeStore(store);
  });

  it("reports a file that cannot be opened as an InputError naming it", async () => {
    const path = join(dir, "no", "such", "folder", "x.duckdb");
    await expect(open(path)).rejects.toBeInstanceOf(InputError);
    await expect(open(path)).rejects.toThrow(path);
  });
});
