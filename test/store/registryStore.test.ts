/**
 * The registry in the store: one-transaction import of networks, their actors, memberships (as links)
 * and actions; idempotent re-import; updates counted; loadRegistry returns what was read; an import
 * that cannot be written leaves nothing behind.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { InputError } from "../../engine/io/errors.ts";
import { sizeClassOf } from "../../engine/model/sizeClass.ts";
import type { Actor, Link } from "../../engine/model/types.ts";
import { blankActor } from "../../engine/model/types.ts";
import { parseRegistryFiles, type RegistryRead } from "../../engine/networks/readRegistry.ts";
import { closeStore, openStore, type Store } from "../../engine/store/connection.ts";
import { lastImports } from "../../engine/store/importLog.ts";
import { importNetwork } from "../../engine/store/importNetwork.ts";
import { loadActors, loadLinks } from "../../engine/store/loadNetwork.ts";
import { importRegistry, importRegistryFiles, loadRegistry } from "../../engine/store/registryStore.ts";
import { all } from "../../engine/store/sql.ts";
import { tempDir, writeIn } from "../helpers.ts";

const utf8 = (s: string) => new TextEncoder().encode(s);

const firm = (id: string): Actor => ({ ...blankActor(id, "firm"), name: `Firm ${id}` });
/** The CCI is already an actor (with a headcount the registry does not know): it must stay as it is. */
const CCI: Actor = {
  ...blankActor("ORG-CCI", "chamber"),
  name: "CCI Rouen Métropole",
  headcount: 120,
  size_class: sizeClassOf(120),
};
const EXISTING_MEMBERSHIP: Link = {
  source: "F1",
  target: "ORG-CCI",
  kind: "membership",
  category: "non_market",
  orientation: null,
  formality: "formal",
  weight: 3,
  frequency: 12,
  start: "2015-01-01",
  end: null,
  directed: true,
  source_ref: "survey",
};

const NETWORKS =
  "id;nom;type;territoire;activites;animateur;creation;fin\n" +
  "N1;Club Seine;club;76540|76322;25;Mme Durand;2010;\n" +
  "ORG-CCI;CCI;chambre;200023414;;;;\n" +
  "N3;Grappe;;76451;;;2012-06-01;2020\n";
const MEMBERS =
  "membre;reseau;adhesion;depart;source_ref\n" +
  "F1;N1;2011;;\n" +
  "F2;N1;2012;2016;\n" +
  "F1;ORG-CCI;2015-01-01;2022-12-31;\n" + // same identity as the links file's membership: end set
  "F9;N1;2012;;\n"; // unknown member
const ACTIONS =
  "reseau;date;nature;intitule;participants;presents\n" +
  "N1;2021-03-04;réunion;AG;F1|F2;\n" +
  "N1|ORG-CCI;2021-01-10;inter-réseaux;Rencontre;F1;\n" +
  "N3;2021-03-04;visite;;;8\n";

let store: Store;
beforeEach(async () => {
  store = await openStore();
  await importNetwork(store, { actors: [firm("F1"), firm("F2"), CCI], links: [EXISTING_MEMBERSHIP] });
});
afterEach(() => closeStore(store));

async function readAgainstStore(files: Record<string, string>): Promise<RegistryRead> {
  const actors = new Set((await loadActors(store)).map((a) => a.id));
  return parseRegistryFiles(
    Object.entries(files).map(([file, text]) => ({ file, bytes: utf8(text) })),
    { actors, registry: await loadRegistry(store) },
  );
}

async function snapshot() {
  return {
    actors: await loadActors(store),
    links: await loadLinks(store),
    networks: await all(store.connection, "SELECT * FROM networks ORDER BY id"),
    actions: await all(store.connection, "SELECT * FROM network_actions ORDER BY id"),
  };
}

describe("importRegistry", () => {
  it("imports networks, their actors, memberships and actions, and loads them back", async () => {
    const read = await readAgainstStore({
      "reseaux.csv": NETWORKS,
      "adherents.csv": MEMBERS,
      "actions.csv": ACTIONS,
    });
    expect(read.quarantine.map((q) => [q.file, q.line, q.field])).toEqual([["adherents.csv", 5, "member"]]);
    const counts = await importRegistry(store, read);
    // Actors: N1 and N3 are new, ORG-CCI was one already (left as it is).
    expect(counts.actors).toEqual({ inserted: 2, updated: 0, unchanged: 0 });
    expect(counts.networks).toEqual({ inserted: 3, updated: 0, unchanged: 0 });
    // Memberships: F1→N1 and F2→N1 new; F1→ORG-CCI (start 2015-01-01) is the links file's, now with an end.
    expect(counts.memberships).toEqual({ inserted: 2, updated: 1, unchanged: 0 });
    expect(counts.actions).toEqual({ inserted: 3, updated: 0, unchanged: 0 });

    const actors = await loadActors(store);
    expect(actors.find((a) => a.id === "ORG-CCI")).toEqual(CCI);
    expect(actors.find((a) => a.id === "N1")).toMatchObject({
      kind: "network_org",
      subtype: "club",
      name: "Club Seine",
    });
    expect(actors.find((a) => a.id === "N3")).toMatchObject({
      kind: "network_org",
      subtype: null,
      founded: 2012,
    });

    const links = await loadLinks(store);
    expect(links).toHaveLength(3);
    // The existing membership keeps its weight, frequency and source, and takes the registry's end.
    expect(links.find((l) => l.target === "ORG-CCI")).toEqual({ ...EXISTING_MEMBERSHIP, end: "2022-12-31" });
    expect(links.find((l) => l.source === "F2")).toMatchObject({
      target: "N1",
      kind: "membership",
      start: "2012-01-01",
      end: "2016-12-31",
      weight: 1,
      directed: true,
    });

    const registry = await loadRegistry(store);
    expect(registry).toEqual(read.registry);
    expect(registry.actions.map((a) => a.date)).toEqual(["2021-01-10", "2021-03-04", "2021-03-04"]);
    expect(registry.actions[0]).toMatchObject({ networks: ["N1", "ORG-CCI"], kind: "inter_network" });
    // Actions of one date (a meeting and a visit, hashed ids) are ordered by id.
    const sameDay = registry.actions.slice(1);
    expect(sameDay.map((a) => a.kind).sort()).toEqual(["meeting", "visit"]);
    expect(sameDay.map((a) => a.id)).toEqual(sameDay.map((a) => a.id).sort());
    expect(registry.networks.find((n) => n.id === "ORG-CCI")?.territory).toHaveLength(71);

    const provenance = await all(store.connection, "SELECT id, source_file, line FROM networks ORDER BY id");
    expect(provenance).toEqual([
      { id: "N1", source_file: "reseaux.csv", line: 2 },
      { id: "N3", source_file: "reseaux.csv", line: 4 },
      { id: "ORG-CCI", source_file: "reseaux.csv", line: 3 },
    ]);

    const [log] = await lastImports(store.connection, 1);
    // read 3 + 4 + 3 = 10 = accepted 9 + quarantined 1; inserted 2 + 3 + 2 + 3 = 10, updated 1.
    expect(log).toMatchObject({
      kind: "registry",
      files: ["reseaux.csv", "adherents.csv", "actions.csv"],
      read: 10,
      accepted: 9,
      quarantined: 1,
      inserted: 10,
      updated: 1,
      unchanged: 0,
    });
  });

  it("changes nothing when the same files come again, and counts an update", async () => {
    const files = { "reseaux.csv": NETWORKS, "adherents.csv": MEMBERS, "actions.csv": ACTIONS };
    await importRegistry(store, await readAgainstStore(files));
    const before = await snapshot();
    const again = await importRegistry(store, await readAgainstStore(files));
    // N1 and N3 are actors now: nothing is proposed for creation.
    expect(again.actors).toEqual({ inserted: 0, updated: 0, unchanged: 0 });
    expect(again.networks).toEqual({ inserted: 0, updated: 0, unchanged: 3 });
    expect(again.memberships).toEqual({ inserted: 0, updated: 0, unchanged: 3 });
    expect(again.actions).toEqual({ inserted: 0, updated: 0, unchanged: 3 });
    expect(await snapshot()).toEqual(before);
    const log = await lastImports(store.connection, 5);
    // Three entries: the network import, then two registry imports.
    expect(log.map((e) => [e.kind, e.inserted, e.updated, e.unchanged])).toEqual([
      ["registry", 0, 0, 9],
      ["registry", 10, 1, 0],
      ["network", 4, 0, 0],
    ]);

    const renamed = NETWORKS.replace("Club Seine", "Club Seine Amont");
    const third = await importRegistry(store, await readAgainstStore({ "reseaux.csv": renamed }));
    expect(third.networks).toEqual({ inserted: 0, updated: 1, unchanged: 2 });
    expect((await loadRegistry(store)).networks.find((n) => n.id === "N1")?.name).toBe("Club Seine Amont");
    // The network's actor exists by now: existing actors are left as they are.
    expect((await loadActors(store)).find((a) => a.id === "N1")?.name).toBe("Club Seine");
    const moved = NETWORKS.replace("76540|76322", "76540");
    const fourth = await importRegistry(store, await readAgainstStore({ "reseaux.csv": moved }));
    expect(fourth.networks).toEqual({ inserted: 0, updated: 1, unchanged: 2 });
    expect((await loadRegistry(store)).networks.find((n) => n.id === "N1")?.territory).toEqual(["76540"]);
  });

  it("imports from files, later ones referring to networks the store already holds", async () => {
    const dir = tempDir();
    const first = await importRegistryFiles(store, [writeIn(dir, "reseaux.csv", NETWORKS)]);
    expect(first.stored.networks.inserted).toBe(3);
    const second = await importRegistryFiles(store, [
      writeIn(dir, "actions.csv", ACTIONS),
      writeIn(dir, "adherents.csv", MEMBERS),
    ]);
    expect(second.read.files.map((f) => [f.kind, f.read, f.accepted, f.quarantined])).toEqual([
      ["members", 4, 3, 1],
      ["actions", 3, 3, 0],
    ]);
    expect(second.stored.actions.inserted).toBe(3);
    expect(second.stored.actors).toEqual({ inserted: 0, updated: 0, unchanged: 0 });
  });

  it("writes nothing when a membership names an actor the store lacks", async () => {
    const read = await readAgainstStore({ "reseaux.csv": NETWORKS });
    const ghost: Link = { ...EXISTING_MEMBERSHIP, source: "GHOST", target: "N1", start: null };
    const before = await snapshot();
    await expect(importRegistry(store, { ...read, memberships: [ghost] })).rejects.toThrow(InputError);
    await expect(importRegistry(store, { ...read, memberships: [ghost] })).rejects.toThrow(/"GHOST"/);
    expect(await snapshot()).toEqual(before);
    expect((await lastImports(store.connection)).map((e) => e.kind)).toEqual(["network"]);
  });
});
