/**
 * Positions of the visualiser's three layouts, computed once on the Node side so the page opens on a
 * finished picture (the page can go on refining the force layout in a web worker):
 * - force: ForceAtlas2 (graphology-layout-forceatlas2, Jacomy et al. 2014) from seeded random starts;
 * - geo: the actor's commune centroid, actors of one commune spread on a sunflower (Vogel) spiral
 *   inside a disc whose area is a fraction of the commune's;
 * - bipartite: members on one row, organisations on another, ordered by the barycentre heuristic
 *   (Sugiyama et al. 1981) to reduce crossings.
 */
import type Graph from "graphology";
import forceAtlas2 from "graphology-layout-forceatlas2";
import { createRng } from "../engine/random/prng.ts";
import type { Position } from "./types.ts";

export interface ForceLayoutOptions {
  /** Seed of the random start positions. */
  seed: string;
  /** FA2 iterations. Default: 400 up to 2,000 nodes, then fewer down to 60 at 100k nodes. */
  iterations?: number;
}

export function defaultIterations(order: number): number {
  if (order <= 2000) return 400;
  return Math.max(60, Math.round(400 * Math.sqrt(2000 / order)));
}

/**
 * ForceAtlas2 positions on an undirected simple weighted graph (weight attribute `weight`), starting
 * from uniform random positions in a square drawn from `createRng(`${seed}/force`)`. Node order and
 * seed fix the result: the same input gives the same positions.
 */
export function forceLayout(graph: Graph, options: ForceLayoutOptions): Map<string, Position> {
  const rng = createRng(`${options.seed}/force`);
  const side = Math.sqrt(Math.max(1, graph.order)) * 10;
  const work = graph.copy();
  work.forEachNode((node) => {
    work.mergeNodeAttributes(node, { x: (rng() - 0.5) * side, y: (rng() - 0.5) * side });
  });
  const settings = { ...forceAtlas2.inferSettings(work), barnesHutOptimize: work.order > 1000 };
  const positions = forceAtlas2(work, {
    iterations: options.iterations ?? defaultIterations(work.order),
    settings,
    getEdgeWeight: "weight",
  });
  const out = new Map<string, Position>();
  for (const [node, p] of Object.entries(positions)) out.set(node, [round(p.x), round(p.y)]);
  return out;
}

export interface Centroid {
  name: string;
  lon: number;
  lat: number;
  /** Area in square degrees (as in the centroid table). */
  area: number;
}

/** An equirectangular projection centred on a reference latitude: 1 unit ≈ 1.1 km north–south. */
export type Projection = (lon: number, lat: number) => Position;

export function equirectangular(lat0: number): Projection {
  const k = Math.cos((lat0 * Math.PI) / 180);
  return (lon, lat) => [round(lon * k * 100), round(lat * 100)];
}

const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

/**
 * Geographic positions: each actor at its commune's centroid, the actors of one commune (in the
 * given order) on a sunflower spiral in a disc of radius `spread × √(commune area)`, so they do not
 * hide each other. Actors without a known commune get no position.
 */
export function geoLayout(
  actors: ReadonlyArray<{ id: string; commune: string | null }>,
  centroids: ReadonlyMap<string, Centroid>,
  project: Projection,
  options: { spread?: number } = {},
): Map<string, Position> {
  const spread = options.spread ?? 0.35;
  const byCommune = new Map<string, string[]>();
  for (const actor of actors) {
    if (!actor.commune || !centroids.has(actor.commune)) continue;
    const list = byCommune.get(actor.commune) ?? [];
    list.push(actor.id);
    byCommune.set(actor.commune, list);
  }
  const out = new Map<string, Position>();
  for (const [commune, ids] of byCommune) {
    const c = centroids.get(commune) as Centroid;
    const [cx, cy] = project(c.lon, c.lat);
    // √area in degrees → projected units (100 per degree).
    const radius = spread * Math.sqrt(Math.max(c.area, 1e-6)) * 100;
    ids.forEach((id, i) => {
      const r = ids.length === 1 ? 0 : radius * Math.sqrt((i + 0.5) / ids.length);
      const a = i * GOLDEN_ANGLE;
      out.set(id, [round(cx + r * Math.cos(a)), round(cy + r * Math.sin(a))]);
    });
  }
  return out;
}

/**
 * Two-layer layout of a bipartite membership graph: organisations on the top row, members in a band
 * of √n/4 rows below, both spread over the same width. The layers are reordered by the barycentre of
 * their neighbours' positions, alternately, `sweeps` times; ties keep the previous order (stable
 * sort), so the layout is deterministic.
 */
export function bipartiteLayout(
  memberships: ReadonlyArray<readonly [member: string, organisation: string]>,
  options: { sweeps?: number; width?: number } = {},
): Map<string, Position> {
  const sweeps = options.sweeps ?? 6;
  const neighbours = new Map<string, string[]>();
  const members: string[] = [];
  const organisations: string[] = [];
  const add = (a: string, b: string, row: string[]) => {
    let list = neighbours.get(a);
    if (!list) {
      list = [];
      neighbours.set(a, list);
      row.push(a);
    }
    list.push(b);
  };
  for (const [m, o] of memberships) {
    add(m, o, members);
    add(o, m, organisations);
  }
  // Start: organisations by number of members (largest in the middle is not needed: barycentres do it).
  organisations.sort((a, b) => (neighbours.get(b)?.length ?? 0) - (neighbours.get(a)?.length ?? 0));
  const width = options.width ?? Math.max(100, members.length * 2);
  const x = new Map<string, number>();
  const spreadRow = (row: string[]) =>
    row.forEach((id, i) => {
      x.set(id, row.length === 1 ? width / 2 : (i / (row.length - 1)) * width);
    });
  spreadRow(organisations);
  const reorder = (row: string[]) => {
    const bary = new Map<string, number>();
    for (const id of row) {
      const ns = neighbours.get(id) ?? [];
      bary.set(id, ns.reduce((s, n) => s + (x.get(n) ?? 0), 0) / Math.max(1, ns.length));
    }
    row.sort((a, b) => (bary.get(a) as number) - (bary.get(b) as number));
    spreadRow(row);
  };
  reorder(members);
  for (let s = 1; s < sweeps; s++) reorder(s % 2 === 1 ? organisations : members);
  // Members fill a band of a few rows (column by column, in barycentre order) so they do not overlap.
  const rows = Math.max(1, Math.round(Math.sqrt(members.length) / 4));
  const columns = Math.ceil(members.length / rows);
  const step = width / Math.max(1, columns - 1);
  const height = width / 3;
  const out = new Map<string, Position>();
  for (const id of organisations) out.set(id, [round(x.get(id) as number), round(height)]);
  members.forEach((id, i) => {
    const column = Math.floor(i / rows);
    out.set(id, [round(columns === 1 ? width / 2 : column * step), round(-(i % rows) * step * 1.5)]);
  });
  return out;
}

function round(v: number): number {
  return Math.round(v * 1000) / 1000;
}
