/**
 * The classifier's own measures against networkx on Padgett's Florentine credit network
 * (test/fixtures/classify/make_reference.py): removal impact of every actor, Gini of degree, Freeman
 * centralizations, average clustering. Tolerance 1e-9 (same definitions, floating point only).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findDataset } from "../../datasets/index.ts";
import { analysisGraph } from "../../engine/analyse/analysisGraph.ts";
import { classify } from "../../engine/classify/classify.ts";
import { gini, measureIndicators } from "../../engine/classify/indicators.ts";
import { pivotFirms } from "../../engine/classify/pivots.ts";
import { removalImpact } from "../../engine/classify/removal.ts";
import { subnetwork } from "../../engine/classify/scopes.ts";
import { readNetwork } from "../../engine/io/readNetwork.ts";
import { kindView } from "../../engine/model/views.ts";

const reference = JSON.parse(
  readFileSync(
    join(import.meta.dirname, "..", "fixtures", "classify", "florentine_credit_reference.json"),
    "utf8",
  ),
);

async function florentineCredit() {
  const files = findDataset("florentine")?.files;
  if (!files) throw new Error("florentine dataset missing");
  const { graph } = await readNetwork({ nodes: files.actors, edges: files.links });
  return kindView(graph, "credit");
}

describe("classify measures vs networkx (Florentine credit)", () => {
  it("removal impact of every actor", async () => {
    const network = await florentineCredit();
    const simple = analysisGraph(network);
    expect(simple.order).toBe(reference.nodes);
    expect(simple.size).toBe(reference.edges);
    for (const [id, want] of Object.entries(reference.removal) as Array<
      [string, Record<string, number | null>]
    >) {
      const got = removalImpact(simple, id);
      if (want.pairsDisconnected === null) expect(got.pairsDisconnected).toBeNull();
      else expect(got.pairsDisconnected).toBeCloseTo(want.pairsDisconnected, 9);
      expect(got.largestComponentShare).toBeCloseTo(want.largestComponentShare as number, 9);
      expect(got.pieces).toBe(want.pieces);
    }
  });

  it("Gini, centralizations and clustering", async () => {
    const network = subnetwork(
      await florentineCredit(),
      reference.removal ? Object.keys(reference.removal) : [],
    );
    const measured = measureIndicators(network, pivotFirms(network));
    expect(measured.degree_gini.value).toBeCloseTo(reference.degree_gini, 9);
    expect(measured.degree_centralization.value).toBeCloseTo(reference.degree_centralization, 9);
    expect(measured.betweenness_centralization.value).toBeCloseTo(reference.betweenness_centralization, 9);
    expect(measured.clustering.value).toBeCloseTo(reference.average_clustering, 9);
    expect(measured.fragmentation.value).toBeCloseTo(reference.removal.Medici.pairsDisconnected, 9);
  });

  it("ranks the Medici first in the credit network", async () => {
    const files = findDataset("florentine")?.files;
    if (!files) throw new Error("florentine dataset missing");
    const { graph } = await readNetwork({ nodes: files.actors, edges: files.links });
    const [network] = classify(graph, { scope: "graph", kinds: ["credit"] });
    expect(network.pivots[0].id).toBe("Medici");
    expect(network.typology.type).toBe("undetermined");
    expect(network.typology.missing).toEqual(["kind", "public_label"]);
  });
});

describe("gini", () => {
  it("follows the pairwise definition", () => {
    expect(gini([1, 1, 1])).toBe(0);
    // |differences| over all ordered pairs of [0, 0, 3]: 4 × 3 = 12; 2 n² mean = 2 × 9 × 1 = 18
    expect(gini([0, 0, 3])).toBeCloseTo(12 / 18, 12);
    expect(gini([])).toBeNull();
    expect(gini([0, 0])).toBeNull();
  });
});
