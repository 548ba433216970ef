/**
 * Migration 1, the foundation: actors, links (memberships included: a membership is a link),
 * establishments in long form, and the import log. One table per concept (CONVENTIONS "Store").
 *
 * - `links.link_key` is the link identity `(source, target, kind, start)` as `linkKey` writes it:
 *   `start` may be NULL, and a primary key over a nullable column would let the same link in twice.
 * - `establishments` is keyed by `(commune, naf, year, size_class)`, size_class NULL when the table has
 *   none (URSSAF). The key is kept by its only writer, `importEstablishments` (duplicates within a file
 *   are quarantined, rows are merged by key with NULL matching NULL), not by an index: a unique index
 *   over the national table (12 M rows) made its import three times slower and the file seven times
 *   larger (measured: 650 MB instead of 90 MB), and DuckDB keeps such indexes in memory.
 * - `import_log.at` is metadata for people reading the log; no result may depend on it (the same input
 *   gives the same output), which is why the log is ordered by `id`, not by time.
 */
import type { Migration } from "../migration.ts";

export const foundation: Migration = {
  version: 1,
  name: "foundation",
  async up(sql) {
    await sql(`CREATE TABLE IF NOT EXISTS actors (
      id VARCHAR PRIMARY KEY,
      name VARCHAR,
      kind VARCHAR NOT NULL,
      subtype VARCHAR,
      naf VARCHAR,
      commune VARCHAR(5),
      headcount INTEGER,
      size_class VARCHAR,
      founded INTEGER,
      public_label VARCHAR
    )`);
    await sql(`CREATE TABLE IF NOT EXISTS links (
      link_key VARCHAR PRIMARY KEY,
      source VARCHAR NOT NULL,
      target VARCHAR NOT NULL,
      kind VARCHAR NOT NULL,
      category VARCHAR NOT NULL,
      orientation VARCHAR,
      formality VARCHAR,
      weight DOUBLE NOT NULL,
      frequency DOUBLE,
      start DATE,
      "end" DATE,
      directed BOOLEAN NOT NULL,
      source_ref VARCHAR
    )`);
    await sql(`CREATE TABLE IF NOT EXISTS establishments (
      commune VARCHAR(5) NOT NULL,
      naf VARCHAR NOT NULL,
      year INTEGER NOT NULL,
      establishments INTEGER,
      jobs INTEGER,
      size_class VARCHAR
    )`);
    await sql(`CREATE TABLE IF NOT EXISTS import_log (
      id INTEGER PRIMARY KEY,
      "at" TIMESTAMP NOT NULL,
      kind VARCHAR NOT NULL,
      files VARCHAR[] NOT NULL,
      read INTEGER NOT NULL,
      accepted INTEGER NOT NULL,
      quarantined INTEGER NOT NULL,
      inserted INTEGER NOT NULL,
      updated INTEGER NOT NULL,
      unchanged INTEGER NOT NULL,
      details VARCHAR
    )`);
  },
};
