import { rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { InputError } from "../../engine/io/errors.ts";
import { closeStore, openStore, withStore } from "../../engine/store/connection.ts";
import { importNetwork } from "../../engine/store/importNetwork.ts";
import {
  appliedMigrations,
  checkMigrationList,
  type Migration,
  schemaVersion,
} from "../../engine/store/migration.ts";
import { MIGRATIONS } from "../../engine/store/migrations.ts";
import { all } from "../../engine/store/sql.ts";
import { tempDir } from "../helpers.ts";

const dir = tempDir("maillage-store-migrations-");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const tables = async (path: string, migrations: readonly Migration[] = MIGRATIONS) =>
  withStore(
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

/** A later module's migration, as the contacts issue will add one. */
const contacts: Migration = {
  version: 2,
  name: "contacts",
  async up(sql) {
    await sql("CREATE TABLE IF NOT EXISTS contacts (id VARCHAR PRIMARY KEY, name VARCHAR)");
  },
};

describe("schema versioning", () => {
  it("creates the foundation tables and records version 1 in a new store", async () => {
    const path = join(dir, "new.duckdb");
    expect(await tables(path)).toEqual(["actors", "establishments", "import_log", "links", "schema_version"]);
    await withStore(path, async (store) => {
      expect(await appliedMigrations(store.connection)).toEqual([{ version: 1, name: "foundation" }]);
      expect(await schemaVersion(store.connection)).toBe(MIGRATIONS.length);
    });
  });

  it("applies nothing when a store is opened again", async () => {
    const path = join(dir, "again.duckdb");
    await withStore(path, async (store) => {
      await store.connection.run("INSERT INTO actors (id, kind) VALUES ('x', 'firm')");
    });
    for (let i = 0; i < 3; i++) {
      await withStore(path, async (store) => {
        expect(await appliedMigrations(store.connection)).toEqual([{ version: 1, name: "foundation" }]);
        const rows = await all(store.connection, "SELECT id, kind FROM actors");
        expect(rows).toEqual([{ id: "x", kind: "firm" }]);
      });
    }
  });

  it("applies a migration added later once, and its statements are idempotent", async () => {
    const path = join(dir, "upgrade.duckdb");
    await withStore(path, async () => {});
    const list = [...MIGRATIONS, contacts];
    await withStore(
      path,
      async (store) => {
        expect(await appliedMigrations(store.connection)).toEqual([
          { version: 1, name: "foundation" },
          { version: 2, name: "contacts" },
        ]);
      },
      { migrations: list },
    );
    await withStore(
      path,
      async (store) => {
        expect(await schemaVersion(store.connection)).toBe(2);
        // Running every migration again by hand changes nothing and fails on nothing.
        for (const m of list) await m.up((sql) => store.connection.run(sql).then(() => undefined));
        expect(await schemaVersion(store.connection)).toBe(2);
      },
      { migrations: list },
    );
    expect(await tables(path, list)).toContain("contacts");
  });

  it("leaves the store at the previous version when a migration fails", async () => {
    const path = join(dir, "failing.duckdb");
    await withStore(path, async () => {});
    const broken: Migration = {
      version: 2,
      name: "broken",
      async up(sql) {
        await sql("CREATE TABLE half_done (x INTEGER)");
        await sql("SELECT * FROM no_such_table");
      },
    };
    await expect(openStore(path, { migrations: [...MIGRATIONS, broken] })).rejects.toThrow(/no_such_table/);
    expect(await tables(path)).not.toContain("half_done");
    await withStore(path, async (store) => expect(await schemaVersion(store.connection)).toBe(1));
  });

  it("refuses a list whose versions are not 1, 2, 3… in order", () => {
    expect(() => checkMigrationList([...MIGRATIONS, { ...contacts, version: 3 }])).toThrow(
      /version 3 at position 2/,
    );
    expect(() => checkMigrationList([contacts])).toThrow(/version 2 at position 1/);
  });

  it("refuses a store written by a newer maillage, and a read-only store that lacks a migration", async () => {
    const path = join(dir, "newer.duckdb");
    await withStore(path, async () => {}, { migrations: [...MIGRATIONS, contacts] });
    const newer = openStore(path);
    await expect(newer).rejects.toBeInstanceOf(InputError);
    await expect(openStore(path)).rejects.toThrow(/schema version 2, newer than this maillage knows \(1\)/);

    const old = join(dir, "old.duckdb");
    await withStore(old, async () => {});
    await expect(openStore(old, { readOnly: true, migrations: [...MIGRATIONS, contacts] })).rejects.toThrow(
      /lacks schema migration 2 \(contacts\)/,
    );
    const store = await openStore(old, { readOnly: true });
    expect(store.readOnly).toBe(true);
    await expect(
      store.connection.run("INSERT INTO actors (id, kind) VALUES ('x', 'firm')"),
    ).rejects.toThrow();
    await expect(importNetwork(store, { actors: [], links: [] })).rejects.toThrow(/read-only/);
    closeStore(store);
  });

  it("reports a file that cannot be opened as an InputError naming it", async () => {
    const path = join(dir, "no", "such", "folder", "x.duckdb");
    await expect(openStore(path)).rejects.toBeInstanceOf(InputError);
    await expect(openStore(path)).rejects.toThrow(path);
  });
});
