/**
 * The planted structures of the built-in `rouen` dataset seen through the structure measures
 * (datasets/rouen/truth.json): the district leaders span structural holes (lowest constraint, highest
 * effective size of the district), and the pivot of the firme-réseau is the broker of its component.
 * Read on the firm-to-firm view (memberships are ties to organisations, not between firms).
 */
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { findDataset } from "../../../datasets/index.ts";
import {
  brokerage,
  connectedComponents,
  membersOf,
  networkBridges,
  type StructuralHoles,
  structuralHoles,
} from "../../../engine/analyse/structure/index.ts";
import { readNetwork } from "../../../engine/io/readNetwork.ts";
import type { NetworkGraph } from "../../../engine/model/graph.ts";
import { actorView } from "../../../engine/model/views.ts";

interface Truth {
  pivot: { id: string; tier1: string[]; tier2: string[] };
  district: { firms: string[]; leaders: string[] };
  associations: Record<string, { id: string; members: string[] }>;
}

let network: NetworkGraph;
let firms: NetworkGraph;
let truth: Truth;

beforeAll(async () => {
  const dataset = findDataset("rouen");
  if (!dataset?.files.truth) throw new Error("the rouen dataset is missing");
  network = (await readNetwork({ nodes: dataset.files.actors, edges: dataset.files.links })).graph;
  firms = actorView(network, "firm");
  truth = JSON.parse(readFileSync(dataset.files.truth, "utf8")) as Truth;
});

describe("rouen: district leaders span structural holes", () => {
  it("every leader has a lower constraint and a higher effective size than every other district firm", () => {
    const holes = structuralHoles(firms);
    const leaders = new Set(truth.district.leaders);
    const rows = truth.district.firms.map((id) => ({ id, leader: leaders.has(id), ...holes[id] }));
    const leaderRows = rows.filter((r) => r.leader);
    const others = rows.filter((r) => !r.leader);
    expect(leaderRows).toHaveLength(5);
    const value = (r: StructuralHoles, key: "constraint" | "effectiveSize") => r[key] as number;
    const maxLeaderConstraint = Math.max(...leaderRows.map((r) => value(r, "constraint")));
    const minOtherConstraint = Math.min(...others.map((r) => value(r, "constraint")));
    const minLeaderSize = Math.min(...leaderRows.map((r) => value(r, "effectiveSize")));
    const maxOtherSize = Math.max(...others.map((r) => value(r, "effectiveSize")));
    // Measured: leaders' constraint 0.152–0.180 vs others ≥ 0.208; effective size 9.50–11.75 vs ≤ 5.33.
    expect(maxLeaderConstraint).toBeLessThan(minOtherConstraint);
    expect(minLeaderSize).toBeGreaterThan(maxOtherSize);
    expect(maxLeaderConstraint).toBeCloseTo(0.1803, 3);
    expect(minOtherConstraint).toBeCloseTo(0.2083, 3);
  });
});

describe("rouen: the pivot brokers its firme-réseau", () => {
  it("has the highest Gould–Fernandez brokerage of its component, by NAF division and by commune", () => {
    const pivot = truth.pivot.id;
    const components = connectedComponents(firms);
    const component = components.components[components.membership[pivot]];
    expect(component).toHaveLength(1 + truth.pivot.tier1.length + truth.pivot.tier2.length);
    const division = (_id: string, a: Record<string, unknown>) =>
      typeof a.naf === "string" ? a.naf.slice(0, 2) : null;
    for (const group of [division, "commune"] as const) {
      const result = brokerage(firms, { group });
      const totals = component.map((id) => ({ id, total: result.nodes[id]?.observed.total ?? 0 }));
      totals.sort((x, y) => y.total - x.total);
      expect(totals[0].id).toBe(pivot);
      // Measured: 161 open two-paths (24 suppliers → pivot → 7 mentored tier-1s, less closures)
      // against 15 for the next firm.
      expect(totals[0].total).toBe(161);
      expect(totals[1].total).toBeLessThan(totals[0].total / 5);
    }
    const byDivision = brokerage(firms, { group: division }).nodes[pivot];
    // The pivot (division 29) mediates between suppliers of other divisions: liaison and itinerant.
    expect(byDivision?.observed.coordinator).toBe(0);
    expect((byDivision?.observed.liaison ?? 0) + (byDivision?.observed.itinerant ?? 0)).toBe(161);
  });
});

describe("rouen: network of networks", () => {
  it("the district leaders are members of both the chamber and the grappe, and bridge them", () => {
    const chamber = membersOf(network, truth.associations.chamber.id);
    const grappeId = Object.values(truth.associations).find((a) => a.id.startsWith("org-grappe"))?.id;
    expect(grappeId).toBeDefined();
    const grappe = membersOf(network, grappeId as string);
    const result = networkBridges(firms, chamber, grappe);
    for (const leader of truth.district.leaders) expect(result.shared).toContain(leader);
    const brokerIds = result.brokers.map((b) => b.id);
    for (const leader of truth.district.leaders) expect(brokerIds).toContain(leader);
    expect(result.counts.links).toBeGreaterThan(0);
  });
});
