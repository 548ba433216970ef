/**
 * Every structure measure against the peers on the shipped test graphs
 * (test/fixtures/structure/reference.json, made by make_reference.py with networkx 2.8.8 and
 * python-igraph 0.10.2; hierarchy and brokerage from their definitions in that script). Tolerance
 * 1e-9 on every value; sets and counts exactly.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import Graph from "graphology";
import { describe, expect, it } from "vitest";
import {
  articulationPoints,
  attributeAssortativity,
  averageClustering,
  BROKERAGE_ROLES,
  bridges,
  brokerage,
  burtConstraint,
  burtHierarchy,
  clustering,
  connectedComponents,
  coreNumber,
  degreeAssortativity,
  density,
  effectiveSize,
  efficiency,
  numericAssortativity,
  structuralHoles,
  transitivity,
} from "../../../engine/analyse/structure/index.ts";

const TOLERANCE = 1e-9;
const FIXTURE = fileURLToPath(new URL("../../fixtures/structure/reference.json", import.meta.url));

type Values = Record<string, number | null>;
interface Burt {
  effective_size: Values;
  efficiency: Values;
  constraint: Values;
  hierarchy: Values;
}
interface UndirectedReference {
  unweighted: Burt;
  weighted?: Burt;
  core_number: Values;
  articulation_points: string[];
  bridges: Array<[string, string]>;
  component_sizes: number[];
  density: number;
  clustering: Values;
  clustering_weighted?: Values;
  average_clustering_zero: number;
  average_clustering_zero_igraph: number;
  average_clustering_exclude_igraph: number;
  average_clustering_weighted_zero?: number;
  average_clustering_weighted_exclude?: number;
  transitivity: number;
  transitivity_igraph: number;
  degree_assortativity: number;
  degree_assortativity_weighted?: number;
  attribute_assortativity?: number;
  numeric_assortativity?: number;
}
type Roles = Record<string, number>;
interface DirectedReference {
  unweighted: Burt;
  weighted: Burt;
  undirected: UndirectedReference;
  density: number;
  clustering: Values;
  clustering_weighted: Values;
  weak_component_sizes: number[];
  strong_component_sizes: number[];
  strong_components: string[][];
  degree_assortativity: number;
  degree_assortativity_weighted: number;
  attribute_assortativity: number;
  numeric_assortativity: number;
  brokerage: {
    attribute: string;
    open_two_paths: Record<string, number>;
    observed: Record<string, Roles>;
    expected: Record<string, Roles>;
  };
}
interface FixtureGraph {
  directed: boolean;
  weight: string | null;
  nodes: string[];
  edges: Array<[string, string, number?]>;
  attributes: Record<string, Record<string, string | number>>;
  reference: UndirectedReference | DirectedReference;
}
const fixture = JSON.parse(readFileSync(FIXTURE, "utf8")) as { graphs: Record<string, FixtureGraph> };

function build(spec: FixtureGraph): Graph {
  const graph = new Graph({ type: spec.directed ? "directed" : "undirected" });
  for (const id of spec.nodes) {
    const attributes: Record<string, unknown> = {};
    for (const [name, values] of Object.entries(spec.attributes)) attributes[name] = values[id];
    graph.addNode(id, attributes);
  }
  for (const [u, v, w] of spec.edges) graph.addEdge(u, v, w === undefined ? {} : { weight: w });
  return graph;
}

/** Same keys, every value within the tolerance, nulls at the same places. */
function expectClose(actual: Record<string, number | null>, expected: Values, label: string) {
  expect(Object.keys(actual).sort(), label).toEqual(Object.keys(expected).sort());
  for (const [id, value] of Object.entries(expected)) {
    const got = actual[id];
    if (value === null) expect(got, `${label} ${id}`).toBeNull();
    else {
      expect(got, `${label} ${id}`).not.toBeNull();
      expect(Math.abs((got as number) - value), `${label} ${id}: ${got} vs ${value}`).toBeLessThanOrEqual(
        TOLERANCE,
      );
    }
  }
}

const near = (actual: number | null, expected: number) => {
  expect(actual).not.toBeNull();
  expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(TOLERANCE);
};

function checkBurt(graph: Graph, reference: Burt, options: { weight?: string; directed?: boolean }) {
  expectClose(effectiveSize(graph, options), reference.effective_size, "effective size");
  expectClose(efficiency(graph, options), reference.efficiency, "efficiency");
  expectClose(burtConstraint(graph, options), reference.constraint, "constraint");
  expectClose(burtHierarchy(graph, options), reference.hierarchy, "hierarchy");
  const all = structuralHoles(graph, options);
  const pick = (key: "effectiveSize" | "constraint" | "hierarchy") =>
    Object.fromEntries(Object.entries(all).map(([id, row]) => [id, row[key]]));
  expectClose(pick("effectiveSize"), reference.effective_size, "structuralHoles effective size");
  expectClose(pick("constraint"), reference.constraint, "structuralHoles constraint");
  expectClose(pick("hierarchy"), reference.hierarchy, "structuralHoles hierarchy");
}

function checkUndirected(graph: Graph, reference: UndirectedReference, weight: string | null) {
  checkBurt(graph, reference.unweighted, { directed: false });
  if (reference.weighted && weight) checkBurt(graph, reference.weighted, { weight, directed: false });
  expectClose(coreNumber(graph), reference.core_number, "core number");
  expect([...articulationPoints(graph)].sort()).toEqual(reference.articulation_points);
  expect(bridges(graph).map((pair) => [...pair].sort())).toEqual(
    expect.arrayContaining(reference.bridges.map((pair) => [...pair].sort())),
  );
  expect(bridges(graph)).toHaveLength(reference.bridges.length);
  expect(connectedComponents(graph).sizes).toEqual(reference.component_sizes);
  near(density(graph, { directed: false }), reference.density);
  expectClose(clustering(graph, { directed: false }), reference.clustering, "clustering");
  near(averageClustering(graph, { directed: false }), reference.average_clustering_zero);
  near(averageClustering(graph, { directed: false }), reference.average_clustering_zero_igraph);
  near(
    averageClustering(graph, { directed: false, lowDegree: "exclude" }),
    reference.average_clustering_exclude_igraph,
  );
  near(transitivity(graph), reference.transitivity);
  near(transitivity(graph), reference.transitivity_igraph);
  near(degreeAssortativity(graph, { directed: false }).r, reference.degree_assortativity);
  if (weight && reference.clustering_weighted) {
    expectClose(
      clustering(graph, { weight, directed: false }),
      reference.clustering_weighted,
      "w clustering",
    );
    near(
      averageClustering(graph, { weight, directed: false }),
      reference.average_clustering_weighted_zero as number,
    );
    near(
      averageClustering(graph, { weight, directed: false, lowDegree: "exclude" }),
      reference.average_clustering_weighted_exclude as number,
    );
    near(
      degreeAssortativity(graph, { weight, directed: false }).r,
      reference.degree_assortativity_weighted as number,
    );
  }
}

const undirectedNames = Object.entries(fixture.graphs)
  .filter(([, spec]) => !spec.directed)
  .map(([name]) => name);

describe("structure measures against networkx / igraph (undirected graphs)", () => {
  it.each(undirectedNames)("%s", (name) => {
    const spec = fixture.graphs[name];
    const graph = build(spec);
    const reference = spec.reference as UndirectedReference;
    checkUndirected(graph, reference, spec.weight);
    const attributeNames = Object.keys(spec.attributes);
    const categorical = attributeNames.find((a) => typeof Object.values(spec.attributes[a])[0] === "string");
    const numeric = attributeNames.find((a) => typeof Object.values(spec.attributes[a])[0] === "number");
    if (reference.attribute_assortativity !== undefined && categorical)
      near(attributeAssortativity(graph, categorical).r, reference.attribute_assortativity);
    if (reference.numeric_assortativity !== undefined && numeric)
      near(numericAssortativity(graph, numeric).r, reference.numeric_assortativity);
  });

  it("covers the six peer graphs", () => {
    expect(Object.keys(fixture.graphs).sort()).toEqual(
      ["davis", "directed", "florentine", "karate", "kite", "lesmis"].sort(),
    );
  });
});

describe("structure measures against networkx (directed graph with groups)", () => {
  const spec = fixture.graphs.directed;
  const graph = build(spec);
  const reference = spec.reference as DirectedReference;

  it("has isolates and nodes with in-links only (networkx's NaN case)", () => {
    expect(graph.filterNodes((id) => graph.degree(id) === 0).length).toBeGreaterThan(0);
    expect(
      graph.filterNodes((id) => graph.outDegree(id) === 0 && graph.inDegree(id) > 0).length,
    ).toBeGreaterThan(0);
  });

  it("Burt's measures, unweighted and weighted, on mutual weights", () => {
    checkBurt(graph, reference.unweighted, {});
    checkBurt(graph, reference.weighted, { weight: "weight" });
  });

  it("the undirected reading equals networkx on the undirected graph (reciprocal arcs summed)", () => {
    checkUndirected(graph, reference.undirected, "weight");
    near(
      attributeAssortativity(graph, "group", { directed: false }).r,
      reference.undirected.attribute_assortativity as number,
    );
    near(
      numericAssortativity(graph, "size", { directed: false }).r,
      reference.undirected.numeric_assortativity as number,
    );
  });

  it("directed density, clustering, components and assortativity", () => {
    near(density(graph), reference.density);
    expectClose(clustering(graph), reference.clustering, "directed clustering");
    expectClose(
      clustering(graph, { weight: "weight" }),
      reference.clustering_weighted,
      "directed w clustering",
    );
    expect(connectedComponents(graph).sizes).toEqual(reference.weak_component_sizes);
    const strong = connectedComponents(graph, { mode: "strong" });
    expect(strong.sizes).toEqual(reference.strong_component_sizes);
    expect(
      strong.components
        .filter((c) => c.length > 1)
        .map((c) => [...c].sort())
        .sort(),
    ).toEqual(reference.strong_components);
    near(degreeAssortativity(graph).r, reference.degree_assortativity);
    near(degreeAssortativity(graph, { weight: "weight" }).r, reference.degree_assortativity_weighted);
    near(attributeAssortativity(graph, "group").r, reference.attribute_assortativity);
    near(numericAssortativity(graph, "size").r, reference.numeric_assortativity);
  });

  it("Gould–Fernandez observed and expected counts equal the definition-based python", () => {
    const result = brokerage(graph, { group: reference.brokerage.attribute });
    let paths = 0;
    for (const id of spec.nodes) {
      const row = result.nodes[id];
      expect(row).not.toBeNull();
      if (row === null) continue;
      expect(row.openTwoPaths, id).toBe(reference.brokerage.open_two_paths[id]);
      paths += row.openTwoPaths;
      for (const role of BROKERAGE_ROLES) {
        expect(row.observed[role], `${id} ${role}`).toBe(reference.brokerage.observed[id][role]);
        const expected = reference.brokerage.expected[id][role];
        expect(Math.abs(row.expected[role] - expected), `${id} ${role} expected`).toBeLessThanOrEqual(
          TOLERANCE,
        );
        if (expected > 0) near(row.ratio[role], row.observed[role] / expected);
        else expect(row.ratio[role]).toBeNull();
      }
    }
    expect(paths).toBeGreaterThan(50);
    expect(result.totals.observed.total).toBe(paths);
    // Every role occurs somewhere in this graph, so each is exercised.
    for (const role of BROKERAGE_ROLES) expect(result.totals.observed[role], role).toBeGreaterThan(0);
  });
});
