/**
 * The network of networks on the built-in rouen data (asOf 2024-12-19, the latest action date, and
 * 2023-12-31, when most ties are formed; 12-month window) against the
 * independent pandas computation in test/fixtures/networks/make_reference.py: every network's piloting
 * indicators, the overlap of every pair, the bridge firms, the redundant pairs and the commune gaps.
 * Counts are compared exactly; shares, which the engine rounds to 6 decimals (context.ts round6), are
 * compared to the peer's full-precision value rounded the same way, to 1e-9.
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findDataset } from "../../datasets/index.ts";
import { readNetwork } from "../../engine/io/readNetwork.ts";
import type { NetworkGraph as Graph } from "../../engine/model/graph.ts";
import type { Measured } from "../../engine/networks/context.ts";
import { type NetworkOfNetworks, networkOfNetworks } from "../../engine/networks/networkOfNetworks.ts";
import { readRegistryFiles } from "../../engine/networks/readRegistry.ts";
import type { Registry } from "../../engine/networks/types.ts";
import { closeStore, loadEstablishments, openStore, type Store } from "../../engine/store/index.ts";
import type { EstablishmentRow } from "../../engine/store/loadEstablishments.ts";
import { communeVintage } from "../../engine/territory/communeVintage.ts";
import { importEstablishmentFile } from "../../engine/territory/index.ts";

type Value = number | null;
interface PilotRef {
  network: string;
  members: number;
  joins: number;
  leaves: number;
  active: number;
  activeShare: Value;
  ties: number;
  density: Value;
  newTies: number;
  outward: number;
  outwardShare: Value;
  reach: { value: Value; members: Value; establishments: Value; year: Value };
  concentration: { total: number; gini: Value; topMembers: number; topShare: Value; carriers: number };
  actions: number;
  attendance: number;
}
interface Case {
  asOf: string;
  window: { from: string; to: string; months: number };
  indicators: PilotRef[];
  overlap: {
    a: string;
    b: string;
    sizeA: number;
    sizeB: number;
    shared: number;
    jaccard: Value;
    overlap: Value;
  }[];
  bridges: Record<string, string[]>;
  redundant: {
    a: string;
    b: string;
    territoryJaccard: number;
    memberJaccard: number;
    sharedCommunes: number;
    sharedMembers: number;
  }[];
  communeGaps: {
    year: number;
    gaps: { commune: string; activity: string; establishments: number; jobs: Value; lq: number }[];
  };
}

const reference = JSON.parse(
  readFileSync(new URL("../fixtures/networks/reference.json", import.meta.url), "utf8"),
) as { cases: Case[] };

const TOL = 1e-9;
const round6 = (x: number) => Math.round(x * 1e6) / 1e6;
function close(actual: Value | undefined, expected: Value, what: string): void {
  if (expected === null) {
    expect(actual ?? null, what).toBeNull();
    return;
  }
  expect(actual, what).not.toBeNull();
  expect(
    Math.abs((actual as number) - round6(expected)),
    `${what}: ${actual} vs ${expected}`,
  ).toBeLessThanOrEqual(TOL);
}
const value = (m: Measured): Value => m.value;

const rouen = findDataset("rouen");
if (!rouen?.files.registry || !rouen.files.establishments) throw new Error("the rouen dataset is incomplete");
const files = rouen.files;

let store: Store;
/** The table as the store gives it back: commune codes as written in the file (2022: Le Héron 76358). */
let stored: EstablishmentRow[];
let graph: Graph;
let registry: Registry;
let establishments: EstablishmentRow[];
beforeAll(async () => {
  ({ graph } = await readNetwork({ nodes: files.actors, edges: files.links }));
  const registryFiles = [files.registry?.networks, files.registry?.actions].filter((f): f is string => !!f);
  const read = readRegistryFiles(registryFiles, { actors: new Set(graph.nodes()) });
  // The reference keeps every row of the registry files: nothing may be quarantined here.
  expect(read.quarantine).toEqual([]);
  expect(read.actors).toEqual([]);
  expect(read.memberships).toEqual([]);
  store = await openStore();
  await importEstablishmentFile(store, files.establishments as string);
  stored = await loadEstablishments(store);
  // The registry's territories are in the current COG (territoryCodes.ts): the table is brought to the
  // same vintage with the rule the territorial diagnostic applies (communeVintage.ts), as the peer does.
  const vintage = communeVintage();
  establishments = stored.map((r) => ({ ...r, commune: vintage.resolve(r.commune)?.to ?? r.commune }));
  registry = read.registry;
});
afterAll(() => closeStore(store));

describe.each(reference.cases.map((c) => [c.asOf, c] as const))(
  "rouen as of %s against pandas",
  (_asOf, ref) => {
    let result: NetworkOfNetworks;
    beforeAll(() => {
      result = networkOfNetworks(registry, graph, {
        asOf: ref.asOf,
        months: ref.window.months,
        establishments,
        series: false,
      });
    });

    it("has the same networks, in registry order, and the same window", () => {
      expect(result.asOf).toBe(ref.asOf);
      expect(result.window).toEqual(ref.window);
      expect(result.indicators.map((p) => p.network)).toEqual(ref.indicators.map((p) => p.network));
    });

    it.each(ref.indicators.map((r) => [r.network, r] as const))("pilot indicators of %s", (_id, net) => {
      const p = result.indicators.find((x) => x.network === net.network);
      expect(p).toBeDefined();
      if (!p) return;
      const counts = (x: PilotRef | typeof p) => ({
        members: x.members,
        joins: x.joins,
        leaves: x.leaves,
        active: x.active,
        ties: x.ties,
        newTies: x.newTies,
        outward: x.outward,
        actions: x.actions,
        attendance: x.attendance,
      });
      expect(counts(p)).toEqual(counts(net));
      close(value(p.activeShare), net.activeShare, "activeShare");
      close(value(p.density), net.density, "density");
      close(value(p.outwardShare), net.outwardShare, "outwardShare");
      close(p.reach.value, net.reach.value, "reach");
      expect([p.reach.members, p.reach.establishments, p.reach.year]).toEqual([
        net.reach.members,
        net.reach.establishments,
        net.reach.year,
      ]);
      const c = p.concentration;
      expect([c.total, c.topMembers, c.carriers.length]).toEqual([
        net.concentration.total,
        net.concentration.topMembers,
        net.concentration.carriers,
      ]);
      close(value(c.gini), net.concentration.gini, "gini");
      close(value(c.topShare), net.concentration.topShare, "top 20 % share");
    });

    it("has the same overlap for every pair", () => {
      expect(result.overlap.map((o) => `${o.a}|${o.b}`)).toEqual(ref.overlap.map((o) => `${o.a}|${o.b}`));
      ref.overlap.forEach((pair, i) => {
        const o = result.overlap[i];
        const what = `${pair.a}–${pair.b}`;
        expect([o.sizeA, o.sizeB, o.shared], what).toEqual([pair.sizeA, pair.sizeB, pair.shared]);
        close(value(o.jaccard), pair.jaccard, `${what} Jaccard`);
        close(value(o.overlap), pair.overlap, `${what} overlap`);
      });
      // Not all pairs are disjoint: the comparison covers non-zero values.
      expect(ref.overlap.filter((o) => o.shared > 0).length).toBeGreaterThanOrEqual(10);
    });

    it("has the same bridge firms with the same networks, most networks first", () => {
      const mine = Object.fromEntries(result.bridges.map((b) => [b.id, b.networks]));
      expect(mine).toEqual(ref.bridges);
      const counts = result.bridges.map((b) => b.count);
      expect(counts).toEqual([...counts].sort((x, y) => y - x));
    });

    it("finds the same redundant pairs", () => {
      const mine = result.redundant.map((r) => ({
        a: r.a,
        b: r.b,
        sharedCommunes: r.sharedCommunes.length,
        sharedMembers: r.sharedMembers.length,
      }));
      expect(mine).toEqual(
        ref.redundant.map((r) => ({
          a: r.a,
          b: r.b,
          sharedCommunes: r.sharedCommunes,
          sharedMembers: r.sharedMembers,
        })),
      );
      ref.redundant.forEach((pair, i) => {
        close(result.redundant[i].territoryJaccard, pair.territoryJaccard, "territory Jaccard");
        close(result.redundant[i].memberJaccard, pair.memberJaccard, "member Jaccard");
      });
    });

    it("finds the same commune gaps in the same order", () => {
      const gaps = result.coverage.communes;
      expect(gaps?.year).toBe(ref.communeGaps.year);
      expect(gaps?.level).toBe("division");
      const mine = (gaps?.gaps ?? []).map((g) => ({
        commune: g.commune,
        activity: g.activity,
        establishments: g.establishments,
        jobs: g.jobs,
      }));
      expect(mine).toEqual(
        ref.communeGaps.gaps.map((g) => ({
          commune: g.commune,
          activity: g.activity,
          establishments: g.establishments,
          jobs: g.jobs,
        })),
      );
      ref.communeGaps.gaps.forEach((gap, i) => {
        close(gaps?.gaps[i].lq ?? null, gap.lq, `LQ ${gap.commune} ${gap.activity}`);
      });
    });

    // The table as `maillage networks report` loads it, with the file's old commune codes (Le Héron,
    // 76358, merged into Morville-le-Héron 76455): the engine maps them to the COG vintage itself.
    it("gives the same reach with the table as the report command loads it", () => {
      const raw = networkOfNetworks(registry, graph, {
        asOf: ref.asOf,
        establishments: stored,
        series: false,
      });
      for (const net of ref.indicators) {
        const p = raw.indicators.find((x) => x.network === net.network);
        expect(p?.reach.establishments, net.network).toBe(net.reach.establishments);
      }
    });
  },
);
