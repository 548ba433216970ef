/**
 * Bipartite view and projections against networkx (test/fixtures/bipartite/norway_projection.json,
 * made by make_projection_fixture.py from the converted Norway Horizon 2020 files). The network is
 * built here from datasets/norway-h2020/*.csv read with the engine's CSV reader only (not the
 * network readers of engine/io), so that this test checks the model's projections.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { readCsv } from "../../engine/io/csvRead.ts";
import { bipartiteView, type ProjectionWeighting, projectBipartite } from "../../engine/model/bipartite.ts";
import { buildNetwork, type NetworkGraph } from "../../engine/model/graph.ts";
import { type Actor, blankActor, blankLink, type Link } from "../../engine/model/types.ts";
import { parseActorKind, parseLinkKind } from "../../engine/model/vocabulary.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const DATASET = join(ROOT, "datasets", "norway-h2020");
const FIXTURE = join(ROOT, "test", "fixtures", "bipartite", "norway_projection.json");
const WEIGHTINGS: ProjectionWeighting[] = ["simple", "shared", "newman"];

type Edge = [string, string, number];
interface Projection {
  networkx_function: string;
  node_count: number;
  edge_count: number;
  weight_sum: number;
  edges: Edge[];
}
interface Fixture {
  input: { organisations: number; projects: number; memberships: number; bipartite_edges: number };
  subset: { rule: string; organisations: string[] } | null;
  norway: Record<ProjectionWeighting, Projection>;
  tiny: {
    memberships: Array<[string, string, string]>;
    projections: Record<ProjectionWeighting, Projection>;
  };
}
const fixture = JSON.parse(readFileSync(FIXTURE, "utf8")) as Fixture;

/** Rows of a CSV written by the converters as header-keyed records (the engine's reader, `,` forced). */
function records(path: string): Array<Record<string, string>> {
  const { header, records, bad } = readCsv(path, { delimiter: "," });
  if (bad.length > 0) throw new Error(`${path}: unreadable rows ${JSON.stringify(bad)}`);
  return records.map(({ cells }) => Object.fromEntries(header.map((name, i) => [name, cells[i]])));
}

function membership(source: string, target: string, start: string | null, end: string | null): Link {
  return blankLink(source, target, "membership", { start, end });
}

function norwayNetwork(): NetworkGraph {
  const actors: Actor[] = records(join(DATASET, "actors.csv")).map((row) => {
    const kind = parseActorKind(row.kind);
    if (kind === undefined) throw new Error(`unknown actor kind ${row.kind}`);
    return { ...blankActor(row.id, kind), name: row.name || null };
  });
  const links: Link[] = records(join(DATASET, "links.csv")).map((row) => {
    if (parseLinkKind(row.kind) !== "membership") throw new Error(`unexpected link kind ${row.kind}`);
    return membership(row.source, row.target, row.start || null, row.end || null);
  });
  return buildNetwork(actors, links);
}

function tinyNetwork(): NetworkGraph {
  const memberships = fixture.tiny.memberships;
  const members = [...new Set(memberships.map(([m]) => m))].map((id) => blankActor(id, "firm"));
  const hubs = [...new Set(memberships.map(([, h]) => h))].map((id) => blankActor(id, "network_org"));
  return buildNetwork(
    [...members, ...hubs],
    memberships.map(([m, h, start]) => membership(m, h, start, null)),
  );
}

/** Edges of a projection keyed by their sorted ends. */
function edgeMap(projection: ReturnType<typeof projectBipartite>): Map<string, number> {
  const edges = new Map<string, number>();
  projection.forEachEdge((_key, attributes, u, v) => {
    edges.set(u < v ? `${u}|${v}` : `${v}|${u}`, attributes.weight);
  });
  return edges;
}

/** Same edge set, every weight within 1e-12 of networkx's. */
function expectSameProjection(
  actual: Map<string, number>,
  expected: Edge[],
  keep: (key: string) => boolean = () => true,
): void {
  const want = new Map(expected.map(([u, v, w]) => [`${u}|${v}`, w]));
  const got = new Map([...actual].filter(([key]) => keep(key)));
  expect([...got.keys()].sort()).toEqual([...want.keys()].sort());
  const off: string[] = [];
  for (const [key, w] of want) {
    const g = got.get(key) ?? Number.NaN;
    if (!(Math.abs(g - w) <= 1e-12)) off.push(`${key}: ${g} vs networkx ${w}`);
  }
  expect(off).toEqual([]);
}

describe("bipartite projections, tiny hand-checked case (3 projects, 5 organisations)", () => {
  const view = bipartiteView(tinyNetwork());

  it("collapses a repeated membership into one bipartite edge that counts both links", () => {
    expect(view.order).toBe(8);
    expect(view.size).toBe(8);
    expect(view.getEdgeAttribute(view.edge("A", "P1") as string, "links")).toBe(2);
    expect(view.filterNodes((_id, a) => a.part === "member").sort()).toEqual(["A", "B", "C", "D", "E"]);
  });

  for (const weighting of WEIGHTINGS) {
    it(`${weighting} equals networkx ${fixture.tiny.projections[weighting].networkx_function}`, () => {
      const projection = projectBipartite(view, { side: "member", weighting });
      const expected = fixture.tiny.projections[weighting];
      expect(projection.order).toBe(expected.node_count);
      expect(projection.size).toBe(expected.edge_count);
      expectSameProjection(edgeMap(projection), expected.edges);
    });
  }

  it("records the number of shared projects whatever the weighting", () => {
    const projection = projectBipartite(view, { weighting: "newman" });
    expect(projection.getEdgeAttribute(projection.edge("B", "C") as string, "shared")).toBe(2);
    expect(projection.getEdgeAttribute(projection.edge("D", "E") as string, "shared")).toBe(1);
  });
});

describe("bipartite projections of Norway's Horizon 2020 organisations × projects", () => {
  const view = bipartiteView(norwayNetwork());

  it("has the organisations, projects and memberships networkx read", () => {
    const members = view.filterNodes((_id, a) => a.part === "member");
    expect(members.length).toBe(fixture.input.organisations);
    expect(view.order - members.length).toBe(fixture.input.projects);
    expect(view.size).toBe(fixture.input.bipartite_edges);
  });

  for (const weighting of WEIGHTINGS) {
    const expected = fixture.norway[weighting];
    it(`${weighting} equals networkx ${expected.networkx_function} (${expected.edge_count} edges)`, () => {
      const projection = projectBipartite(view, { side: "member", weighting });
      expect(projection.order).toBe(expected.node_count);
      expect(projection.size).toBe(expected.edge_count);
      const edges = edgeMap(projection);
      const sum = [...edges.values()].reduce((a, b) => a + b, 0);
      expect(Math.abs(sum - expected.weight_sum)).toBeLessThan(1e-9);
      const subset = fixture.subset ? new Set(fixture.subset.organisations) : null;
      const keep = subset ? (key: string) => key.split("|").some((end) => subset.has(end)) : undefined;
      expectSameProjection(edges, expected.edges, keep);
    });
  }
});
