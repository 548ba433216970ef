/** Shared material for the store tests: a small network with every field used, and table snapshots. */
import type { Actor, Link } from "../../engine/model/types.ts";
import type { Store } from "../../engine/store/connection.ts";
import { all } from "../../engine/store/sql.ts";

export const ACTORS: Actor[] = [
  {
    id: "a1",
    name: "Décolletage Dupont",
    kind: "firm",
    subtype: null,
    naf: "25.62A",
    commune: "01004",
    headcount: 42,
    size_class: "sme",
    founded: 1987,
    public_label: null,
  },
  {
    id: "a2",
    name: "Mécanique Martin",
    kind: "firm",
    subtype: null,
    naf: "28.41Z",
    commune: "76540",
    headcount: 7,
    size_class: "micro",
    founded: null,
    public_label: null,
  },
  {
    id: "a3",
    name: "Pôle Mécanique",
    kind: "network_org",
    subtype: "pole",
    naf: null,
    commune: "2A004",
    headcount: null,
    size_class: null,
    founded: 2005,
    public_label: "pôle de compétitivité",
  },
  {
    id: "a4",
    name: null,
    kind: "person",
    subtype: null,
    naf: null,
    commune: null,
    headcount: null,
    size_class: null,
    founded: null,
    public_label: null,
  },
];

/** Links whose orientation is given (or cannot be derived), so they read back exactly as written. */
export const LINKS: Link[] = [
  {
    source: "a1",
    target: "a2",
    kind: "subcontracting",
    category: "market",
    orientation: "vertical",
    formality: "formal",
    weight: 2.5,
    frequency: 12,
    start: "2019-03-01",
    end: "2023-12-31",
    directed: true,
    source_ref: "survey 2024",
  },
  {
    source: "a1",
    target: "a2",
    kind: "subcontracting",
    category: "market",
    orientation: "vertical",
    formality: null,
    weight: 1,
    frequency: null,
    start: null,
    end: null,
    directed: true,
    source_ref: null,
  },
  {
    source: "a1",
    target: "a3",
    kind: "membership",
    category: "non_market",
    orientation: null,
    formality: "formal",
    weight: 1,
    frequency: 0.5,
    start: "2010-01-01",
    end: null,
    directed: true,
    source_ref: "registry",
  },
  {
    source: "a2",
    target: "a4",
    kind: "friendship",
    category: "non_market",
    orientation: null,
    formality: "informal",
    weight: 0.25,
    frequency: 52,
    start: null,
    end: "2020-06-30",
    directed: false,
    source_ref: null,
  },
];

/**
 * A large synthetic batch: `n` actors and `m` distinct links between them (link i joins actor i mod n
 * to the actor 1 + (⌊i/n⌋ mod (n−1)) further on; the start year tells apart rounds of n(n−1) links).
 */
export function syntheticNetwork(n: number, m: number, prefix = "s"): { actors: Actor[]; links: Link[] } {
  const actors: Actor[] = Array.from({ length: n }, (_, i) => ({
    id: `${prefix}${i}`,
    name: `Firm ${i}`,
    kind: "firm",
    subtype: null,
    naf: i % 2 ? "25.62A" : "28.41Z",
    commune: "76540",
    headcount: i % 300,
    size_class: null,
    founded: null,
    public_label: null,
  }));
  const links: Link[] = Array.from({ length: m }, (_, i) => ({
    source: `${prefix}${i % n}`,
    target: `${prefix}${(i + 1 + (Math.floor(i / n) % (n - 1))) % n}`,
    kind: "supply",
    category: "market",
    orientation: "vertical",
    formality: null,
    weight: 1 + (i % 5),
    frequency: null,
    start: `${2000 + Math.floor(i / (n * (n - 1)))}-01-01`,
    end: null,
    directed: true,
    source_ref: "synthetic",
  }));
  return { actors, links };
}

/** Every row of the store's tables, in a fixed order, with the import log's clock left out. */
export async function snapshot(store: Store): Promise<Record<string, unknown[]>> {
  const c = store.connection;
  return {
    schema_version: await all(c, "SELECT version, name FROM schema_version ORDER BY version"),
    actors: await all(c, "SELECT * FROM actors ORDER BY id"),
    links: await all(
      c,
      'SELECT * EXCLUDE (start, "end"), CAST(start AS VARCHAR) AS s, CAST("end" AS VARCHAR) AS e FROM links ORDER BY link_key',
    ),
    establishments: await all(c, "SELECT * FROM establishments ORDER BY ALL"),
    import_log: await all(
      c,
      "SELECT * EXCLUDE (\"at\", files), array_to_string(files, '|') AS files FROM import_log ORDER BY id",
    ),
  };
}

/** Row counts of the store's tables. */
export async function tableCounts(store: Store): Promise<Record<string, number>> {
  const [row] = await all<Record<string, number>>(
    store.connection,
    `SELECT (SELECT count(*) FROM actors) AS actors, (SELECT count(*) FROM links) AS links,
            (SELECT count(*) FROM establishments) AS establishments, (SELECT count(*) FROM import_log) AS import_log`,
  );
  return row;
}
