import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { networkCounts } from "../../engine/model/counts.ts";
import { buildNetwork } from "../../engine/model/graph.ts";
import { closeStore, openStore, type Store } from "../../engine/store/connection.ts";
import { importEstablishments } from "../../engine/store/establishments.ts";
import { importNetwork } from "../../engine/store/importNetwork.ts";
import { loadEstablishments } from "../../engine/store/loadEstablishments.ts";
import { MIGRATIONS } from "../../engine/store/migrations.ts";
import { storeSummary } from "../../engine/store/queries.ts";
import { ACTORS, LINKS } from "./storeFixtures.ts";

const WIDE = join(import.meta.dirname, "..", "fixtures", "establishments", "urssaf_wide_rules.csv");

let store: Store;
beforeEach(async () => {
  store = await openStore();
});
afterEach(() => closeStore(store));

describe("storeSummary", () => {
  it("describes an empty store", async () => {
    const summary = await storeSummary(store);
    expect(summary).toEqual({
      schemaVersion: MIGRATIONS.length,
      network: {
        actors: 0,
        links: 0,
        actorsByKind: {},
        linksByCategory: {},
        linksByKind: {},
        directedLinks: 0,
      },
      establishments: {
        rows: 0,
        years: [],
        communes: 0,
        activities: 0,
        latestYear: null,
        latestEstablishments: 0,
        latestJobs: 0,
        secretCells: 0,
      },
      imports: [],
    });
  });

  it("counts what the store holds, as plain JSON-safe numbers", async () => {
    await importNetwork(store, { actors: ACTORS, links: LINKS, files: ["actors.csv", "links.csv"] });
    await importEstablishments(store, WIDE, { label: "urssaf.csv" });
    const summary = await storeSummary(store);
    expect(summary.network).toEqual(networkCounts(buildNetwork(ACTORS, LINKS)));
    expect(summary.network).toEqual({
      actors: 4,
      links: 4,
      actorsByKind: { firm: 2, network_org: 1, person: 1 },
      linksByCategory: { market: 2, non_market: 2 },
      linksByKind: { friendship: 1, membership: 1, subcontracting: 2 },
      directedLinks: 3,
    });
    expect(summary.establishments).toEqual({
      rows: 8,
      years: [2020, 2021],
      communes: 4,
      activities: 5,
      latestYear: 2021,
      latestEstablishments: 4 + 1 + 2,
      latestJobs: 50 + 12 + 7,
      secretCells: 1,
    });
    expect(summary.imports.map((i) => [i.id, i.kind, i.files])).toEqual([
      [2, "establishments", ["urssaf.csv"]],
      [1, "network", ["actors.csv", "links.csv"]],
    ]);
    const json = JSON.parse(JSON.stringify(summary));
    expect(json).toEqual(summary);
  });
});

describe("loadEstablishments", () => {
  it("filters by year and commune and returns numbers and nulls", async () => {
    await importEstablishments(store, WIDE);
    expect(await loadEstablishments(store, { years: [2020], communes: ["76005"] })).toEqual([
      { commune: "76005", naf: "29.10Z", year: 2020, establishments: 1, jobs: null, size_class: null },
    ]);
    expect(await loadEstablishments(store, { years: [] })).toEqual([]);
    expect((await loadEstablishments(store, { communes: ["76540"] })).length).toBe(4);
  });
});
