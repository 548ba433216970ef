/**
 * Migration 3, the network registry (owned by `engine/networks/`, written by `registryStore.ts`): the
 * networks a chamber animates or knows, and their actions. Members are not here: a membership is a link
 * of kind `membership` in `links` (CONVENTIONS.md), and each registered network is an actor in `actors`.
 *
 * - `networks`: one row per network; `territory` holds the INSEE commune codes served (EPCI codes
 *   expanded), `territory_given` the codes as written; `activities` NAF codes at any level (empty = all);
 *   `type_source` says whether the type was written (`given`) or placed by the typology.
 * - `network_actions`: one row per action; `networks` lists the networks that ran it (several for a joint
 *   or inter-network action), `participants` the actor ids, `attendance` a count when only that is known.
 * - `source_file` (the file name, without its folder) and `line` say where each row was read.
 */
import type { Migration } from "../migration.ts";

export const registry: Migration = {
  version: 3,
  name: "registry",
  async up(sql) {
    await sql(`CREATE TABLE IF NOT EXISTS networks (
      id VARCHAR PRIMARY KEY,
      name VARCHAR,
      type VARCHAR,
      type_source VARCHAR,
      territory VARCHAR[] NOT NULL,
      territory_given VARCHAR[] NOT NULL,
      activities VARCHAR[] NOT NULL,
      animator VARCHAR,
      founded DATE,
      ended DATE,
      source_file VARCHAR,
      line INTEGER
    )`);
    await sql(`CREATE TABLE IF NOT EXISTS network_actions (
      id VARCHAR PRIMARY KEY,
      networks VARCHAR[] NOT NULL,
      date DATE NOT NULL,
      kind VARCHAR NOT NULL,
      title VARCHAR,
      participants VARCHAR[] NOT NULL,
      attendance INTEGER,
      source_file VARCHAR,
      line INTEGER
    )`);
  },
};
