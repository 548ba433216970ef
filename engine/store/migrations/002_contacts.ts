/**
 * Migration 2, the contact database (owned by `engine/contacts/`): contacts after deduplication,
 * every source record each contact was made from, and the interaction log.
 *
 * - `contacts`: one row per person; `emails` and `phones` are lists (several per person), phones in
 *   the normalised E.164 form.
 * - `contact_sources`: every record as read (CSV row, vCard, social export row), in import order
 *   (`seq`), as JSON, with the contact it belongs to: deduplication loses nothing, and re-running it over
 *   these rows rebuilds `contacts`. `record_key` (hash of kind, file name, line and fields) makes
 *   re-importing the same file a no-op.
 * - `interactions`: one row per (contact, date, channel, initiator).
 */
import type { Migration } from "../migration.ts";

export const contacts: Migration = {
  version: 2,
  name: "contacts",
  async up(sql) {
    await sql(`CREATE TABLE IF NOT EXISTS contacts (
      id VARCHAR PRIMARY KEY,
      first_name VARCHAR,
      last_name VARCHAR,
      display_name VARCHAR,
      emails VARCHAR[] NOT NULL,
      phones VARCHAR[] NOT NULL,
      organisation_id VARCHAR,
      organisation VARCHAR,
      position VARCHAR,
      sphere VARCHAR,
      subsphere VARCHAR,
      closeness INTEGER,
      formality VARCHAR,
      usefulness INTEGER,
      introduced_by VARCHAR,
      connected_on DATE
    )`);
    await sql(`CREATE TABLE IF NOT EXISTS contact_sources (
      seq INTEGER PRIMARY KEY,
      contact_id VARCHAR NOT NULL,
      kind VARCHAR NOT NULL,
      file VARCHAR NOT NULL,
      line INTEGER NOT NULL,
      ref VARCHAR,
      record_key VARCHAR NOT NULL,
      record VARCHAR NOT NULL
    )`);
    await sql(`CREATE TABLE IF NOT EXISTS interactions (
      contact_id VARCHAR NOT NULL,
      date DATE NOT NULL,
      channel VARCHAR NOT NULL,
      initiated_by VARCHAR NOT NULL,
      source_file VARCHAR,
      PRIMARY KEY (contact_id, date, channel, initiated_by)
    )`);
  },
};
