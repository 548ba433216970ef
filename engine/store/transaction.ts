/**
 * One transaction around a piece of work: `BEGIN`, the work, `COMMIT`; `ROLLBACK` on any error, which
 * is then rethrown. DuckDB keeps uncommitted changes out of the file and its write-ahead log, so an
 * import that fails or is killed half-way leaves the store as it was before the import began.
 *
 * It works on a bare connection (not on a `Store`) so that opening a store can run its migrations
 * with it before the `Store` exists.
 */
import type { DuckDBConnection } from "@duckdb/node-api";

/** Connections inside a transaction begun here: a nested call joins the outer transaction. */
const active = new WeakSet<DuckDBConnection>();

/**
 * Run `work` inside one transaction on `connection`. Called inside another transaction on the same
 * connection, the work joins it (DuckDB has no nested transactions): its error still propagates, so
 * the outer call rolls everything back. A connection serves one caller at a time: do not start two
 * transactions on it concurrently.
 */
export async function inTransaction<T>(connection: DuckDBConnection, work: () => Promise<T>): Promise<T> {
  if (active.has(connection)) return work();
  await connection.run("BEGIN TRANSACTION");
  active.add(connection);
  try {
    const result = await work();
    await connection.run("COMMIT");
    return result;
  } catch (error) {
    try {
      await connection.run("ROLLBACK");
    } catch {
      // A failed COMMIT has already ended the transaction; the first error is the one to report.
    }
    throw error;
  } finally {
    active.delete(connection);
  }
}

/** Whether a transaction begun by `inTransaction` is open on the connection. */
export const isInTransaction = (connection: DuckDBConnection): boolean => active.has(connection);
