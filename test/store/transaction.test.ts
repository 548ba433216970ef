import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { closeStore, openStore, type Store, withTransaction } from "../../engine/store/connection.ts";
import { all } from "../../engine/store/sql.ts";

let store: Store;
beforeEach(async () => {
  store = await openStore();
});
afterEach(() => closeStore(store));

const ids = async () =>
  (await all<{ id: string }>(store.connection, "SELECT id FROM actors ORDER BY id")).map((r) => r.id);
const insert = (id: string) => store.connection.run(`INSERT INTO actors (id, kind) VALUES ('${id}', 'firm')`);

describe("withTransaction", () => {
  it("commits the work and returns its result", async () => {
    const result = await withTransaction(store, async () => {
      await insert("a");
      await insert("b");
      return 42;
    });
    expect(result).toBe(42);
    expect(await ids()).toEqual(["a", "b"]);
  });

  it("rolls everything back on an error and rethrows that error", async () => {
    await insert("kept");
    const failure = new Error("boom");
    await expect(
      withTransaction(store, async () => {
        await insert("a");
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(await ids()).toEqual(["kept"]);
  });

  it("rolls back when DuckDB refuses a statement (a primary key violation)", async () => {
    await expect(
      withTransaction(store, async () => {
        await insert("a");
        await insert("a");
      }),
    ).rejects.toThrow(/constraint/i);
    expect(await ids()).toEqual([]);
    // The connection is usable afterwards.
    await withTransaction(store, () => insert("b"));
    expect(await ids()).toEqual(["b"]);
  });

  it("joins an outer transaction: an inner failure rolls back the outer work too", async () => {
    await expect(
      withTransaction(store, async () => {
        await insert("outer");
        await withTransaction(store, async () => {
          await insert("inner");
        });
        await withTransaction(store, async () => {
          throw new Error("inner failure");
        });
      }),
    ).rejects.toThrow("inner failure");
    expect(await ids()).toEqual([]);
  });
});
