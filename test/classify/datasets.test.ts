/**
 * The built-in datasets: on rouen (default scope, commune adjacency of the dataset) the planted pivot
 * (truth.json `pivot.id`) is ranked first in its network, which is labelled firme-réseau, and the planted
 * district (truth.json `district.firms`) is labelled réseau de firmes; the Norwegian H2020 network,
 * projected on organisations, has varied partners (firms with universities, institutes, public bodies).
 */
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { findDataset } from "../../datasets/index.ts";
import { classify, type NetworkClassification } from "../../engine/classify/classify.ts";
import { networkScopes } from "../../engine/classify/scopes.ts";
import { readNetwork } from "../../engine/io/readNetwork.ts";
import type { NetworkGraph } from "../../engine/model/graph.ts";
import { parseAdjacencyCsv } from "../../engine/territory/adjacency.ts";

async function load(name: string): Promise<NetworkGraph> {
  const files = findDataset(name)?.files;
  if (!files) throw new Error(`${name} dataset missing`);
  return (await readNetwork({ nodes: files.actors, edges: files.links })).graph;
}

describe("rouen", () => {
  let graph: NetworkGraph;
  let found: NetworkClassification[];
  let truth: { pivot: { id: string; tier1: string[] }; district: { firms: string[] } };
  beforeAll(async () => {
    const files = findDataset("rouen")?.files;
    if (!files?.geo || !files.truth) throw new Error("rouen dataset incomplete");
    graph = await load("rouen");
    truth = JSON.parse(readFileSync(files.truth, "utf8"));
    const adjacency = parseAdjacencyCsv(readFileSync(files.geo.adjacency, "utf8"), files.geo.adjacency);
    found = classify(graph, { adjacency });
  });

  const networkOf = (id: string) => {
    const scope = networkScopes(graph).find((s) => s.members.includes(id));
    return found.find((n) => n.id === scope?.id);
  };

  it("ranks the planted pivot first and labels its network firme-réseau", () => {
    const n = networkOf(truth.pivot.id);
    expect(n?.pivots[0].id).toBe(truth.pivot.id);
    expect(n?.label).toBe("firme-réseau");
    expect(n?.pivots[0].evidence.suppliersInbound).toBe(1);
    expect(n?.pivots[0].evidence.sizeClass).toBe("midcap");
  });

  it("labels the planted district réseau de firmes, recognised through its grappe (SPL)", () => {
    const n = networkOf(truth.district.firms[0]);
    expect(n?.size).toBe(truth.district.firms.length);
    expect(n?.label).toBe("réseau de firmes");
    expect(n?.typology.type).toBe("SPL");
    expect(n?.typology.chamberCategories.map((c) => c.category)).toContain("grappe d'entreprises");
  });
});

describe("norway-h2020", () => {
  it("classifies the organisation projection and types it", async () => {
    const graph = await load("norway-h2020");
    const [n] = classify(graph, { scope: "graph", projection: true });
    expect(n.size).toBeGreaterThan(600);
    expect(n.score).not.toBeNull();
    expect(n.typology.partners).toBe("varied");
    expect(n.typology.type).toBe("undetermined");
    expect(n.typology.missing).toEqual(["public_label"]);
    const [funded] = classify(graph, { scope: "graph", projection: true, recognised: true });
    expect(funded.typology.type).toBe("pôle de compétitivité");
  });
});
