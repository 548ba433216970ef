/**
 * Every writer's output reads back to the same actors and links, and files written by a peer
 * (networkx) read as the peer meant them.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { networkToGexf, networkToGraphml, networkToJson } from "../../engine/io/graphFormats.ts";
import { readNetwork } from "../../engine/io/readNetwork.ts";
import { writeNetworkTables } from "../../engine/io/tables.ts";
import { buildNetwork } from "../../engine/model/graph.ts";
import { type Actor, blankActor, type Link } from "../../engine/model/types.ts";
import { tempDir } from "../helpers.ts";

const actors: Actor[] = [
  {
    ...blankActor("P", "firm"),
    name: "Usine de Cléon",
    naf: "29.10Z",
    commune: "76178",
    headcount: 3500,
    size_class: "midcap",
    founded: 1958,
  },
  {
    ...blankActor("S1", "firm"),
    name: 'Décolletage "Dupont" & fils',
    naf: "25.62A",
    commune: "76178",
    headcount: 40,
    size_class: "sme",
  },
  {
    ...blankActor("G", "network_org"),
    name: "Grappe <auto>",
    subtype: "grappe",
    public_label: "Région Normandie",
  },
  { ...blankActor("X", "person") },
];
const links: Link[] = [
  {
    source: "S1",
    target: "P",
    kind: "supply",
    category: "market",
    orientation: "vertical",
    formality: "formal",
    weight: 2.5,
    frequency: 52,
    start: "2010-01-01",
    end: null,
    directed: true,
    source_ref: "survey;2024",
  },
  {
    source: "S1",
    target: "P",
    kind: "friendship",
    category: "non_market",
    orientation: "intersectoral",
    formality: "informal",
    weight: 1,
    frequency: null,
    start: null,
    end: null,
    directed: false,
    source_ref: null,
  },
  {
    source: "S1",
    target: "G",
    kind: "membership",
    category: "non_market",
    orientation: null,
    formality: "formal",
    weight: 1,
    frequency: null,
    start: "2012-03-01",
    end: "2020-12-31",
    directed: true,
    source_ref: null,
  },
  {
    source: "X",
    target: "P",
    kind: "other",
    category: "unknown",
    orientation: null,
    formality: null,
    weight: 1,
    frequency: 0.5,
    start: null,
    end: null,
    directed: false,
    source_ref: null,
  },
];
const graph = buildNetwork(actors, links);
const byId = <T extends { id: string }>(xs: T[]) => [...xs].sort((a, b) => a.id.localeCompare(b.id));
const byEnds = (xs: Link[]) =>
  [...xs].sort((a, b) => `${a.source}${a.target}${a.kind}`.localeCompare(`${b.source}${b.target}${b.kind}`));

describe("writers and readers round-trip", () => {
  it.each([
    ["json", networkToJson],
    ["gexf", networkToGexf],
    ["graphml", networkToGraphml],
  ] as const)("%s keeps every field", async (ext, write) => {
    const path = join(tempDir(), `net.${ext}`);
    writeFileSync(path, write(graph));
    const r = await readNetwork({ edges: path });
    expect(r.quarantine).toEqual([]);
    expect(byId(r.actors)).toEqual(byId(actors));
    expect(byEnds(r.links)).toEqual(byEnds(links));
  });
  it.each(["csv", "parquet"] as const)("%s tables keep every field", async (format) => {
    const [a, l] = await writeNetworkTables(graph, tempDir(), format);
    const r = await readNetwork({ nodes: a, edges: l });
    expect(r.quarantine).toEqual([]);
    expect(r.summary.actors?.ignoredColumns).toEqual([]);
    expect(byId(r.actors)).toEqual(byId(actors));
    expect(byEnds(r.links)).toEqual(byEnds(links));
  });
});

describe("files written by networkx 2.8.8 (fixtures/formats/make_peer_files.py)", () => {
  const dir = join(import.meta.dirname, "..", "fixtures", "formats");
  const expected = JSON.parse(readFileSync(join(dir, "florentine_nx.json"), "utf8"));
  it.each(["graphml", "gexf"])("reads %s with the peer's nodes, edges, degrees and weights", async (ext) => {
    const r = await readNetwork({ edges: join(dir, `florentine_nx.${ext}`) });
    expect(r.quarantine).toEqual([]);
    expect([r.graph.order, r.graph.size]).toEqual([expected.nodes, expected.edges]);
    for (const [family, degree] of Object.entries(expected.degree))
      expect(r.graph.degree(family)).toBe(degree);
    expect(r.links.reduce((s, l) => s + l.weight, 0)).toBe(expected.weight_sum);
    expect(r.links.every((l) => l.kind === "kinship" && !l.directed)).toBe(true);
  });
});
