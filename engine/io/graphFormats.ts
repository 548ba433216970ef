/**
 * Whole-graph formats: graphology's JSON serialisation, GEXF (Gephi) and GraphML (yEd, networkx,
 * igraph, Cytoscape). Reading turns the file's nodes and edges into rows and sends them through the
 * same checks as CSV rows (`assemble.ts`), so a token or a date means the same in every format; the
 * `line` of a quarantined row is the node's or edge's position in the file (1-based).
 * Writing keeps every field of the model; empty fields are left out rather than written as "null".
 */
import { readFileSync } from "node:fs";
import { MultiGraph } from "graphology";
import * as gexf from "graphology-gexf";
import * as graphml from "graphology-graphml";
import type { Attributes } from "graphology-types";
import type { NetworkGraph } from "../model/graph.ts";
import { canonicalToken } from "../model/vocabulary.ts";
import type { RowSource } from "./assemble.ts";
import {
  ACTOR_FIELDS,
  ACTOR_HEADER_NAMES,
  type ActorField,
  LINK_FIELDS,
  LINK_HEADER_NAMES,
  type LinkField,
} from "./columns.ts";
import { InputError } from "./errors.ts";
import type { RowCells } from "./records.ts";

export type GraphFormat = "json" | "gexf" | "graphml";

export function graphFormatOf(file: string): GraphFormat | undefined {
  const ext = file.toLowerCase().split(".").pop();
  return ext === "json" || ext === "gexf" || ext === "graphml" ? ext : undefined;
}

function fieldLookup<F extends string>(names: Readonly<Record<F, readonly string[]>>): Map<string, F> {
  const map = new Map<string, F>();
  for (const f of Object.keys(names) as F[]) for (const n of names[f]) map.set(n, f);
  return map;
}

const text = (v: unknown): string =>
  v === null || v === undefined ? "" : typeof v === "object" ? JSON.stringify(v) : String(v);

function cellsOf<F extends string>(
  attributes: Attributes,
  lookup: Map<string, F>,
  ignored: Set<string>,
): RowCells<F> {
  const cells: RowCells<F> = {};
  for (const [name, value] of Object.entries(attributes)) {
    const field = lookup.get(canonicalToken(name));
    if (field === undefined) ignored.add(name);
    else if (cells[field] === undefined || cells[field] === "") cells[field] = text(value);
  }
  return cells;
}

const ACTOR_LOOKUP = fieldLookup(ACTOR_HEADER_NAMES);
const LINK_LOOKUP = fieldLookup(LINK_HEADER_NAMES);
// Layout and rendering attributes that graph tools add; they are not data and not worth reporting.
const RENDERING = new Set(["x", "y", "z", "size", "color", "colour", "viz", "shape", "thickness"]);

/** Rows of actors and links from a parsed graph, checked later like CSV rows. */
export function graphRowSources(
  file: string,
  graph: MultiGraph,
): { actors: RowSource<ActorField>; links: RowSource<LinkField> } {
  const ignoredNodes = new Set<string>();
  const ignoredEdges = new Set<string>();
  const actorRows: Array<{ line: number; cells: RowCells<ActorField> }> = [];
  let line = 0;
  graph.forEachNode((key, attributes) => {
    const cells = cellsOf<ActorField>(attributes, ACTOR_LOOKUP, ignoredNodes);
    cells.id = key;
    actorRows.push({ line: ++line, cells });
  });
  const linkRows: Array<{ line: number; cells: RowCells<LinkField> }> = [];
  line = 0;
  graph.forEachEdge((_key, attributes, source, target, _sa, _ta, undirected) => {
    const cells = cellsOf<LinkField>(attributes, LINK_LOOKUP, ignoredEdges);
    cells.source = source;
    cells.target = target;
    if (!cells.direction) cells.direction = undirected ? "undirected" : "directed";
    linkRows.push({ line: ++line, cells });
  });
  const reported = (s: Set<string>) =>
    [...s].filter((n) => !RENDERING.has(n.toLowerCase()) && n !== "label").sort();
  return {
    actors: { file, rows: actorRows, unreadable: [], ignoredColumns: reported(ignoredNodes) },
    links: { file, rows: linkRows, unreadable: [], ignoredColumns: reported(ignoredEdges) },
  };
}

/** Parse a JSON, GEXF or GraphML file into a graphology multigraph (no checks yet). */
export function parseGraphFile(file: string): MultiGraph {
  const format = graphFormatOf(file);
  let content: string;
  try {
    content = readFileSync(file, "utf8");
  } catch (error) {
    throw new InputError(`${file}: cannot be read (${(error as Error).message}).`, { file });
  }
  try {
    if (format === "json") {
      const data = JSON.parse(content);
      const graph = new MultiGraph({ type: "mixed", allowSelfLoops: true });
      graph.import(data);
      return graph;
    }
    if (format === "gexf")
      return gexf.parse(MultiGraph, content, { addMissingNodes: true, allowUndeclaredAttributes: true });
    if (format === "graphml") return graphml.parse(MultiGraph, content, { addMissingNodes: true });
  } catch (error) {
    throw new InputError(
      `${file}: not a valid ${format?.toUpperCase()} graph (${(error as Error).message}).`,
      { file },
    );
  }
  throw new InputError(`${file}: unknown graph format (expected .json, .gexf or .graphml).`, { file });
}

function present(attributes: Attributes, fields: readonly string[]): Attributes {
  const out: Attributes = {};
  for (const f of fields) {
    const v = attributes[f];
    if (v !== null && v !== undefined) out[f] = v;
  }
  return out;
}

const NODE_WRITTEN = [...ACTOR_FIELDS.filter((f) => f !== "id"), "size_class"];
const EDGE_WRITTEN = [
  ...LINK_FIELDS.filter((f) => f !== "source" && f !== "target" && f !== "direction"),
  "category",
];

/** graphology's JSON serialisation (nulls kept: JSON has them). */
export function networkToJson(graph: NetworkGraph): string {
  return `${JSON.stringify(graph.export(), null, 1)}\n`;
}

export function networkToGexf(graph: NetworkGraph): string {
  return gexf.write(graph, {
    formatNode: (_key, attributes) => ({
      label: attributes.name ?? undefined,
      attributes: present(attributes, NODE_WRITTEN),
    }),
    formatEdge: (_key, attributes) => ({
      weight: attributes.weight,
      attributes: present(attributes, EDGE_WRITTEN),
    }),
  });
}

const xml = (s: string): string =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function graphmlType(values: unknown[]): "string" | "double" | "boolean" {
  if (values.every((v) => typeof v === "boolean")) return "boolean";
  if (values.every((v) => typeof v === "number")) return "double";
  return "string";
}

/**
 * GraphML with one `<key>` per attribute present. GraphML allows a `directed` flag per edge, but
 * networkx refuses such mixed files and graphology's parser reads only one way of them; so the
 * default is `directed` when any link is, and each edge carries its direction as a `directed` data
 * value, which maillage reads back exactly and other tools see as an ordinary attribute.
 */
export function networkToGraphml(graph: NetworkGraph): string {
  const nodeValues = new Map<string, unknown[]>();
  const edgeValues = new Map<string, unknown[]>();
  graph.forEachNode((_k, a) => {
    for (const [f, v] of Object.entries(present(a, NODE_WRITTEN)))
      nodeValues.set(f, [...(nodeValues.get(f) ?? []), v]);
  });
  graph.forEachEdge((_k, a) => {
    for (const [f, v] of Object.entries(present(a, EDGE_WRITTEN)))
      edgeValues.set(f, [...(edgeValues.get(f) ?? []), v]);
  });
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
  ];
  for (const [f, vs] of nodeValues)
    out.push(`  <key id="n_${f}" for="node" attr.name="${f}" attr.type="${graphmlType(vs)}"/>`);
  for (const [f, vs] of edgeValues)
    out.push(`  <key id="e_${f}" for="edge" attr.name="${f}" attr.type="${graphmlType(vs)}"/>`);
  out.push('  <key id="e_directed" for="edge" attr.name="directed" attr.type="boolean"/>');
  out.push(`  <graph id="G" edgedefault="${graph.directedSize > 0 ? "directed" : "undirected"}">`);
  graph.forEachNode((key, a) => {
    const data = Object.entries(present(a, NODE_WRITTEN)).map(
      ([f, v]) => `<data key="n_${f}">${xml(String(v))}</data>`,
    );
    out.push(`    <node id="${xml(key)}">${data.join("")}</node>`);
  });
  graph.forEachEdge((key, a, source, target, _sa, _ta, undirected) => {
    const data = Object.entries(present(a, EDGE_WRITTEN)).map(
      ([f, v]) => `<data key="e_${f}">${xml(String(v))}</data>`,
    );
    data.push(`<data key="e_directed">${!undirected}</data>`);
    out.push(
      `    <edge id="${xml(key)}" source="${xml(source)}" target="${xml(target)}">${data.join("")}</edge>`,
    );
  });
  out.push("  </graph>", "</graphml>");
  return `${out.join("\n")}\n`;
}
