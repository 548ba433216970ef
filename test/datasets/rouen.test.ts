/**
 * The built-in `rouen` dataset: its real parts are intact, its generated files are exactly what the
 * generator makes from the seed, and every planted structure of truth.json can be read back from the
 * files. The files are read with the engine's CSV reader and the graphs are built with graphology
 * directly.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Graph from "graphology";
import { beforeAll, describe, expect, it } from "vitest";
import { generateRouenDataset } from "../../datasets/rouen/generate/dataset.ts";
import { ACTOR_FIELDS, LINK_FIELDS } from "../../engine/io/columns.ts";
import { readCsv } from "../../engine/io/csvRead.ts";
import { normalizeCommune } from "../../engine/model/commune.ts";
import { parseDate } from "../../engine/model/dates.ts";
import { normalizeNaf } from "../../engine/model/naf.ts";
import { sizeClassOf } from "../../engine/model/sizeClass.ts";
import {
  ACTOR_KINDS,
  DIRECTED_BY_DEFAULT,
  FORMALITIES,
  LINK_KINDS,
  type LinkKind,
  linkCategory,
  MEMBERSHIP_TARGET_KINDS,
  NETWORK_SUBTYPES,
} from "../../engine/model/vocabulary.ts";
import { tempDir } from "../helpers.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const DIR = join(ROOT, "datasets", "rouen");
const GENERATED = [
  "actors.csv",
  "links.csv",
  "contacts/contacts.csv",
  "contacts/interactions.csv",
  "truth.json",
] as const;
const URSSAF = "establishments/urssaf_commune_ape_2006_2022_rouen.csv";
const ADJACENCY = "geo/communes_76_adjacency.csv";
const CENTROIDS = "geo/communes_76_centroids.csv";
const BOUNDARIES = "geo/communes-76-seine-maritime.geojson";

const text = (rel: string) => readFileSync(join(DIR, rel), "utf8");

/** A file of the dataset as header-keyed records (the engine's reader); every row must fit the header. */
function recordsOf(rel: string, delimiter = ","): { header: string[]; records: Record<string, string>[] } {
  const { header, records, bad } = readCsv(join(DIR, rel), { delimiter });
  expect(bad, rel).toEqual([]);
  return {
    header,
    records: records.map(({ cells }) => Object.fromEntries(header.map((h, j) => [h, cells[j]]))),
  };
}

type Rec = Record<string, string>;
interface Truth {
  seed: string;
  firms: { total: number; background: number; commune_correlation: { pearson: number; spearman: number } };
  pivot: {
    id: string;
    commune: string;
    naf: string;
    jobs: number;
    headcount: number;
    tier1: string[];
    tier2: string[];
    mentored: string[];
    tier2_customers: Record<string, string[]>;
  };
  district: {
    communes: string[];
    naf: string;
    firms: string[];
    leaders: string[];
    largest_firm: string;
    location_quotient: number;
    purchasing_group: string[];
  };
  associations: Record<
    string,
    { id: string; members?: string[]; former_members?: string[]; communes?: string[] }
  > & {
    memberships: number;
  };
  leaders: { firme_reseau: { hub: string }; reseau_de_firmes: { leaders: string[] } };
  contacts: {
    as_of: string;
    windows: { margin_days: number };
    segments: Record<string, string>;
    fading: string[];
    duplicates: Array<[string, string]>;
    at_pivot: string[];
    at_district_leaders: Record<string, string>;
  };
}

let actors: Rec[];
let links: Rec[];
let truth: Truth;
let actorById: Map<string, Rec>;

beforeAll(() => {
  const a = recordsOf("actors.csv");
  expect(a.header).toEqual(ACTOR_FIELDS);
  actors = a.records;
  const l = recordsOf("links.csv");
  // the contract's columns but `orientation`, which the generator does not plant
  expect(l.header).toEqual(LINK_FIELDS.filter((f) => f !== "orientation"));
  links = l.records;
  truth = JSON.parse(text("truth.json"));
  actorById = new Map(actors.map((r) => [r.id, r]));
});

/** The firm-to-firm view as a simple undirected graph (parallel links collapsed). */
function firmGraph(): Graph {
  const g = new Graph({ type: "undirected", multi: false, allowSelfLoops: false });
  for (const a of actors) if (a.kind === "firm") g.addNode(a.id);
  for (const l of links) {
    if (!g.hasNode(l.source) || !g.hasNode(l.target)) continue;
    if (!g.hasEdge(l.source, l.target)) g.addEdge(l.source, l.target);
  }
  return g;
}

function components(g: Graph): string[][] {
  const seen = new Set<string>();
  const out: string[][] = [];
  g.forEachNode((start) => {
    if (seen.has(start)) return;
    const comp: string[] = [];
    const stack = [start];
    seen.add(start);
    while (stack.length > 0) {
      const n = stack.pop() as string;
      comp.push(n);
      g.forEachNeighbor(n, (m) => {
        if (!seen.has(m)) {
          seen.add(m);
          stack.push(m);
        }
      });
    }
    out.push(comp);
  });
  return out;
}

/** Local clustering coefficient; 0 for degree < 2. */
function clustering(g: Graph, n: string): number {
  const ns = g.neighbors(n);
  if (ns.length < 2) return 0;
  let closed = 0;
  for (let i = 0; i < ns.length; i++)
    for (let j = i + 1; j < ns.length; j++) if (g.hasEdge(ns[i], ns[j])) closed++;
  return (2 * closed) / (ns.length * (ns.length - 1));
}

/** Brandes' betweenness (unweighted, undirected, unnormalised: each pair counted once) on a node subset. */
function betweenness(g: Graph, nodes: readonly string[]): Map<string, number> {
  const inside = new Set(nodes);
  const cb = new Map(nodes.map((n) => [n, 0]));
  for (const s of nodes) {
    const stack: string[] = [];
    const preds = new Map<string, string[]>(nodes.map((n) => [n, []]));
    const sigma = new Map(nodes.map((n) => [n, 0]));
    const dist = new Map(nodes.map((n) => [n, -1]));
    sigma.set(s, 1);
    dist.set(s, 0);
    const queue = [s];
    for (let qi = 0; qi < queue.length; qi++) {
      const v = queue[qi];
      stack.push(v);
      for (const w of g.neighbors(v)) {
        if (!inside.has(w)) continue;
        if ((dist.get(w) as number) < 0) {
          dist.set(w, (dist.get(v) as number) + 1);
          queue.push(w);
        }
        if (dist.get(w) === (dist.get(v) as number) + 1) {
          sigma.set(w, (sigma.get(w) as number) + (sigma.get(v) as number));
          preds.get(w)?.push(v);
        }
      }
    }
    const delta = new Map(nodes.map((n) => [n, 0]));
    while (stack.length > 0) {
      const w = stack.pop() as string;
      for (const v of preds.get(w) ?? []) {
        const share = ((sigma.get(v) as number) / (sigma.get(w) as number)) * (1 + (delta.get(w) as number));
        delta.set(v, (delta.get(v) as number) + share);
      }
      if (w !== s) cb.set(w, (cb.get(w) as number) + (delta.get(w) as number));
    }
  }
  for (const [n, v] of cb) cb.set(n, v / 2);
  return cb;
}

/** Freeman betweenness centralisation: Σ(max − b_i) / max possible ((n−1)²(n−2)/2 for a star). */
function betweennessCentralization(g: Graph, nodes: readonly string[]): number {
  const b = [...betweenness(g, nodes).values()];
  const max = Math.max(...b);
  const n = nodes.length;
  return b.reduce((acc, v) => acc + (max - v), 0) / (((n - 1) ** 2 * (n - 2)) / 2);
}

/** Luhn check, as SIREN and SIRET numbers satisfy it. */
function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

function pearson(xs: number[], ys: number[]): number {
  const n = xs.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (xs[i] - mx) * (ys[i] - my);
    sxx += (xs[i] - mx) ** 2;
    syy += (ys[i] - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

function ranks(xs: number[]): number[] {
  const order = xs.map((x, i) => [x, i] as const).sort((a, b) => a[0] - b[0]);
  const out = new Array<number>(xs.length);
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && order[j + 1][0] === order[i][0]) j++;
    for (let k = i; k <= j; k++) out[order[k][1]] = (i + j) / 2 + 1;
    i = j + 1;
  }
  return out;
}

/** The URSSAF table's 2022 establishments and jobs by (commune, dotted NAF). */
function urssaf2022(): Map<
  string,
  { commune: string; naf: string; establishments: number; jobs: number | null }
> {
  const { records } = recordsOf(URSSAF, ";");
  const out = new Map<
    string,
    { commune: string; naf: string; establishments: number; jobs: number | null }
  >();
  for (const r of records) {
    const naf = normalizeNaf(r["Code APE"]) as string;
    const est = r["Nombre d'établissements 2022"];
    const jobs = r["Effectifs salariés 2022"];
    out.set(`${r["Code commune"]}|${naf}`, {
      commune: r["Code commune"],
      naf,
      establishments: est === "" ? 0 : Number(est),
      jobs: jobs === "" ? null : Number(jobs),
    });
  }
  return out;
}

function adjacencyOf(): Map<string, Set<string>> {
  const adj = new Map<string, Set<string>>();
  for (const r of recordsOf(ADJACENCY).records) {
    for (const [a, b] of [
      [r.code_a, r.code_b],
      [r.code_b, r.code_a],
    ]) {
      if (!adj.has(a)) adj.set(a, new Set());
      adj.get(a)?.add(b);
    }
  }
  return adj;
}

describe("rouen: generated files", () => {
  it("regenerates byte-identical files from the committed seed (generate.ts into a temporary folder)", () => {
    const out = tempDir("maillage-rouen-");
    execFileSync(join(ROOT, "node_modules", ".bin", "tsx"), [join(DIR, "generate.ts"), "--out", out], {
      cwd: ROOT,
      stdio: "pipe",
    });
    for (const rel of GENERATED) {
      const fresh = readFileSync(join(out, rel));
      const committed = readFileSync(join(DIR, rel));
      expect(fresh.equals(committed), `${rel} differs from the committed file`).toBe(true);
    }
    rmSync(out, { recursive: true, force: true });
    expect(truth.seed).toBe("maillage-rouen-v1");
  });

  it("gives other synthetic files for another seed, and the same ones again for the same seed", () => {
    const inputs = { establishments: text(URSSAF), adjacency: text(ADJACENCY) };
    const a = generateRouenDataset(inputs, "another-seed");
    const b = generateRouenDataset(inputs, "another-seed");
    expect(a).toEqual(b);
    expect(a["links.csv"]).not.toBe(text("links.csv"));
    expect(JSON.parse(a["truth.json"]).seed).toBe("another-seed");
  });
});

describe("rouen: real files", () => {
  it("ships the URSSAF table as published (BOM, `;`, CRLF, 9,338 rows, 2006–2022)", () => {
    const raw = readFileSync(join(DIR, URSSAF));
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const { header, records } = recordsOf(URSSAF, ";");
    expect(header).toContain("Nombre d'établissements 2006");
    expect(header).toContain("Effectifs salariés 2022");
    expect(records).toHaveLength(9338);
    expect(raw.includes("\r\n")).toBe(true);
  });

  // SHA-256 of the published source files (shared data folder, as copied): the copies must not drift.
  it("is a byte-for-byte copy of the published sources where it says so", () => {
    const sha = (file: string) =>
      createHash("sha256")
        .update(readFileSync(join(DIR, file)))
        .digest("hex");
    expect(sha(URSSAF)).toBe("578e94b61c3d594a83e115232b7ed49212b788cb05412d53ba3d86ad63daeb1a");
    expect(sha(BOUNDARIES)).toBe("706ab99c8fda3a79cedd2b58c06d32832000ea4f0fe4b320929d278efdf9272a");
  });

  it("ships the centroids of all of département 76 and every adjacency pair touching it", () => {
    const c = recordsOf(CENTROIDS);
    expect(c.header).toEqual(["code_insee", "nom", "dep", "lon", "lat", "area_deg2"]);
    expect(c.records.length).toBe(711);
    expect(c.records.every((r) => r.dep === "76" && r.code_insee.startsWith("76"))).toBe(true);
    const a = recordsOf(ADJACENCY);
    expect(a.header).toEqual(["code_a", "code_b", "shared_vertices"]);
    expect(a.records.every((r) => r.code_a.startsWith("76") || r.code_b.startsWith("76"))).toBe(true);
    // every commune of the URSSAF zone has a centroid and neighbours
    const centroids = new Set(c.records.map((r) => r.code_insee));
    const adj = adjacencyOf();
    for (const { commune } of urssaf2022().values()) {
      expect(centroids.has(commune)).toBe(true);
      expect(adj.get(commune)?.size ?? 0).toBeGreaterThan(0);
    }
    const geo = JSON.parse(text(BOUNDARIES));
    expect(geo.type).toBe("FeatureCollection");
    expect(geo.features.length).toBeGreaterThan(700);
  });
});

describe("rouen: actors and links", () => {
  it("has unique actors and every link end is an actor", () => {
    expect(new Set(actors.map((a) => a.id)).size).toBe(actors.length);
    for (const l of links) {
      expect(actorById.has(l.source), l.source).toBe(true);
      expect(actorById.has(l.target), l.target).toBe(true);
      expect(l.source).not.toBe(l.target);
    }
    const identities = links.map((l) => JSON.stringify([l.source, l.target, l.kind, l.start]));
    expect(new Set(identities).size).toBe(links.length);
  });

  it("uses canonical tokens, dotted NAF codes, INSEE communes and ISO dates", () => {
    const cells = urssaf2022();
    const zone = new Set([...cells.values()].map((c) => c.commune));
    for (const a of actors) {
      expect(ACTOR_KINDS).toContain(a.kind);
      if (a.kind === "network_org") expect(NETWORK_SUBTYPES).toContain(a.subtype);
      else expect(a.subtype).toBe("");
      if (a.naf !== "") expect(normalizeNaf(a.naf)).toBe(a.naf);
      if (a.commune !== "") expect(normalizeCommune(a.commune)).toBe(a.commune);
      if (a.headcount !== "") expect(Number.isInteger(Number(a.headcount))).toBe(true);
      if (a.kind === "firm") {
        expect(a.id).toMatch(/^\d{14}$/);
        expect(luhn(a.id.slice(0, 9)) && luhn(a.id), a.id).toBe(true);
        expect(zone.has(a.commune), a.commune).toBe(true);
        expect(Number(a.founded)).toBeGreaterThanOrEqual(1900);
        expect(Number(a.founded)).toBeLessThanOrEqual(2022);
      }
    }
    const refs = new Set([
      "synthetic:pivot",
      "synthetic:district",
      "synthetic:background",
      "synthetic:associations",
      "synthetic:registry",
    ]);
    for (const l of links) {
      expect(LINK_KINDS).toContain(l.kind);
      expect(l.direction).toBe(DIRECTED_BY_DEFAULT.has(l.kind as LinkKind) ? "directed" : "undirected");
      expect(FORMALITIES).toContain(l.formality);
      expect(Number(l.weight)).toBeGreaterThan(0);
      expect(Number.isInteger(Number(l.frequency))).toBe(true);
      expect(parseDate(l.start)).toBe(l.start);
      if (l.end !== "") {
        expect(parseDate(l.end)).toBe(l.end);
        expect(l.end > l.start).toBe(true);
      }
      expect(refs.has(l.source_ref)).toBe(true);
      // a tie starts after its firms were founded, and no earlier than its organisation's founding year
      for (const end of [l.source, l.target]) {
        const actor = actorById.get(end) as Rec;
        if (actor.founded === "") continue;
        const year = Number(l.start.slice(0, 4));
        if (actor.kind === "firm") expect(year).toBeGreaterThan(Number(actor.founded));
        else expect(year).toBeGreaterThanOrEqual(Number(actor.founded));
      }
    }
  });

  it("keeps memberships as the only links to organisations, member → organisation", () => {
    for (const l of links) {
      const target = actorById.get(l.target) as Rec;
      const source = actorById.get(l.source) as Rec;
      if (l.kind === "membership") {
        expect(MEMBERSHIP_TARGET_KINDS.has(target.kind as never)).toBe(true);
        expect(source.kind).toBe("firm");
        expect(l.formality).toBe("formal");
      } else {
        expect(source.kind).toBe("firm");
        expect(target.kind).toBe("firm");
      }
    }
    // the registry's networks add theirs (test/datasets/rouenRegistry.test.ts)
    const ofAssociations = links.filter(
      (l) => l.kind === "membership" && l.source_ref === "synthetic:associations",
    );
    expect(ofAssociations).toHaveLength(truth.associations.memberships);
  });
});

describe("rouen: firms follow the real establishments", () => {
  it("never puts more synthetic firms in a (commune, NAF) cell than it has real establishments in 2022", () => {
    const cells = urssaf2022();
    const count = new Map<string, number>();
    for (const a of actors)
      if (a.kind === "firm")
        count.set(`${a.commune}|${a.naf}`, (count.get(`${a.commune}|${a.naf}`) ?? 0) + 1);
    for (const [key, n] of count) expect(n, key).toBeLessThanOrEqual(cells.get(key)?.establishments ?? 0);
  });

  it("correlates firm counts per commune with real establishments (committed data: Pearson 0.998, Spearman 0.83)", () => {
    const real = new Map<string, number>();
    for (const c of urssaf2022().values()) real.set(c.commune, (real.get(c.commune) ?? 0) + c.establishments);
    const firms = new Map<string, number>();
    for (const a of actors) if (a.kind === "firm") firms.set(a.commune, (firms.get(a.commune) ?? 0) + 1);
    const communes = [...real.keys()].filter((c) => (real.get(c) ?? 0) > 0).sort();
    const xs = communes.map((c) => firms.get(c) ?? 0);
    const ys = communes.map((c) => real.get(c) ?? 0);
    const r = pearson(xs, ys);
    const rho = pearson(ranks(xs), ranks(ys));
    expect(r).toBeGreaterThan(0.95);
    expect(rho).toBeGreaterThan(0.75);
    expect(r).toBeCloseTo(truth.firms.commune_correlation.pearson, 4);
    expect(rho).toBeCloseTo(truth.firms.commune_correlation.spearman, 4);
    const total = actors.filter((a) => a.kind === "firm").length;
    expect(total).toBe(truth.firms.total);
    expect(total).toBeGreaterThan(1500);
    expect(total).toBeLessThan(2500);
  });
});

describe("rouen: the firme-réseau and the réseau de firmes", () => {
  let g: Graph;
  let pivotGroup: Set<string>;
  let districtGroup: Set<string>;
  beforeAll(() => {
    g = firmGraph();
    pivotGroup = new Set([truth.pivot.id, ...truth.pivot.tier1, ...truth.pivot.tier2]);
    districtGroup = new Set(truth.district.firms);
  });

  it("puts the real Cléon plant at the pivot: its cell's jobs, a mid-cap", () => {
    const cell = urssaf2022().get(`${truth.pivot.commune}|${truth.pivot.naf}`);
    expect(truth.pivot.commune).toBe("76178");
    expect(truth.pivot.naf).toBe("29.10Z");
    expect(cell?.establishments).toBe(1);
    expect(cell?.jobs).toBe(truth.pivot.jobs);
    const pivot = actorById.get(truth.pivot.id) as Rec;
    expect(Number(pivot.headcount)).toBe(truth.pivot.jobs);
    expect(sizeClassOf(Number(pivot.headcount))).toBe("midcap");
    expect(truth.pivot.tier1.length).toBeGreaterThanOrEqual(20);
    expect(truth.pivot.tier1.length).toBeLessThanOrEqual(30);
    expect(truth.pivot.tier2.length).toBeGreaterThanOrEqual(50);
    expect(truth.pivot.tier2.length).toBeLessThanOrEqual(80);
  });

  it("makes the two planted groups separate components of the firm-to-firm view", () => {
    const comps = components(g).map((c) => new Set(c));
    const withPivot = comps.find((c) => c.has(truth.pivot.id)) as Set<string>;
    const withDistrict = comps.find((c) => c.has(truth.district.firms[0])) as Set<string>;
    expect(withPivot).not.toBe(withDistrict);
    expect([...withPivot].sort()).toEqual([...pivotGroup].sort());
    expect([...withDistrict].sort()).toEqual([...districtGroup].sort());
  });

  it("links the firme-réseau vertically and formally, suppliers → customers, the pivot mentoring SMEs", () => {
    const tier1 = new Set(truth.pivot.tier1);
    const pivotLinks = links.filter((l) => pivotGroup.has(l.source) && pivotGroup.has(l.target));
    for (const l of pivotLinks) {
      expect(l.formality).toBe("formal");
      expect(l.direction).toBe("directed");
      expect(l.source_ref).toBe("synthetic:pivot");
      if (l.kind === "mentoring") {
        expect(l.source).toBe(truth.pivot.id);
        expect(truth.pivot.mentored).toContain(l.target);
        expect(sizeClassOf(Number(actorById.get(l.target)?.headcount))).toBe("sme");
      } else {
        expect(["supply", "subcontracting"]).toContain(l.kind);
        if (l.target === truth.pivot.id) expect(tier1.has(l.source)).toBe(true);
        else {
          expect(tier1.has(l.target)).toBe(true);
          expect(truth.pivot.tier2_customers[l.source]).toContain(l.target);
        }
      }
    }
    for (const t of truth.pivot.tier1) expect(g.hasEdge(t, truth.pivot.id)).toBe(true);
  });

  it("centres the firme-réseau on the pivot: top degree and betweenness, star-like, fragile without it", () => {
    const nodes = [...pivotGroup];
    const top = nodes.reduce((a, b) => (g.degree(b) > g.degree(a) ? b : a));
    expect(top).toBe(truth.pivot.id);
    expect(truth.leaders.firme_reseau.hub).toBe(truth.pivot.id);
    const b = betweenness(g, nodes);
    const second = Math.max(...nodes.filter((n) => n !== truth.pivot.id).map((n) => b.get(n) as number));
    expect(b.get(truth.pivot.id) as number).toBeGreaterThan(2 * second);
    expect(betweennessCentralization(g, nodes)).toBeGreaterThan(0.5);
    const without = g.copy();
    without.dropNode(truth.pivot.id);
    const rest = components(without).filter((c) => c.some((n) => pivotGroup.has(n)));
    expect(rest.length).toBeGreaterThan(5);
    const avgClustering = nodes.reduce((acc, n) => acc + clustering(g, n), 0) / nodes.length;
    expect(avgClustering).toBeLessThan(0.05);
  });

  it("sets the district in contiguous communes where its activity is concentrated", () => {
    const { communes, naf } = truth.district;
    expect(communes.length).toBeGreaterThanOrEqual(3);
    expect(communes.length).toBeLessThanOrEqual(5);
    const adj = adjacencyOf();
    const seen = new Set([communes[0]]);
    const stack = [communes[0]];
    while (stack.length > 0) {
      const c = stack.pop() as string;
      for (const n of adj.get(c) ?? []) {
        if (communes.includes(n) && !seen.has(n)) {
          seen.add(n);
          stack.push(n);
        }
      }
    }
    expect(seen.size).toBe(communes.length);
    // establishment location quotient of the activity in the communes, from the shipped table
    let eij = 0;
    let ei = 0;
    let ej = 0;
    let e = 0;
    for (const c of urssaf2022().values()) {
      e += c.establishments;
      if (c.naf === naf) ej += c.establishments;
      if (communes.includes(c.commune)) {
        ei += c.establishments;
        if (c.naf === naf) eij += c.establishments;
      }
    }
    const lq = eij / ei / (ej / e);
    expect(lq).toBeGreaterThan(2);
    expect(lq).toBeCloseTo(truth.district.location_quotient, 3);
    for (const id of truth.district.firms) {
      const f = actorById.get(id) as Rec;
      expect(f.naf).toBe(naf);
      expect(communes).toContain(f.commune);
      expect(sizeClassOf(Number(f.headcount))).toBe("sme");
    }
    expect(truth.district.firms.length).toBeGreaterThanOrEqual(30);
    expect(truth.district.firms.length).toBeLessThanOrEqual(50);
  });

  it("ties the district horizontally, mostly non-market, densely, around comparable leaders", () => {
    const dLinks = links.filter((l) => districtGroup.has(l.source) || districtGroup.has(l.target));
    const firmLinks = dLinks.filter((l) => l.kind !== "membership");
    for (const l of firmLinks) {
      expect(districtGroup.has(l.source) && districtGroup.has(l.target)).toBe(true);
      expect(["information", "advice", "friendship", "co_production", "joint_purchasing"]).toContain(l.kind);
    }
    const nonMarket = firmLinks.filter((l) => linkCategory(l.kind as LinkKind) === "non_market").length;
    expect(nonMarket / firmLinks.length).toBeGreaterThan(0.5);
    const informal = firmLinks.filter((l) => l.formality === "informal").length;
    expect(informal / firmLinks.length).toBeGreaterThan(0.6);

    const nodes = [...districtGroup];
    const avgClustering = nodes.reduce((acc, n) => acc + clustering(g, n), 0) / nodes.length;
    expect(avgClustering).toBeGreaterThan(0.35);
    // committed data: 0.21 here against 0.85 for the firme-réseau
    const centralization = betweennessCentralization(g, nodes);
    expect(centralization).toBeLessThan(0.3);
    const pivotNodes = [truth.pivot.id, ...truth.pivot.tier1, ...truth.pivot.tier2];
    expect(betweennessCentralization(g, pivotNodes)).toBeGreaterThan(3 * centralization);

    const leaders = truth.district.leaders;
    expect(leaders.length).toBeGreaterThanOrEqual(3);
    expect(truth.leaders.reseau_de_firmes.leaders).toEqual(leaders);
    const leaderDegrees = leaders.map((l) => g.degree(l));
    const others = nodes.filter((n) => !leaders.includes(n)).map((n) => g.degree(n));
    expect(Math.min(...leaderDegrees)).toBeGreaterThan(Math.max(...others));
    expect(Math.max(...leaderDegrees) / Math.min(...leaderDegrees)).toBeLessThanOrEqual(1.5);
    expect(leaders).not.toContain(truth.district.largest_firm);
    const largest = Math.max(...nodes.map((n) => Number(actorById.get(n)?.headcount)));
    expect(Number(actorById.get(truth.district.largest_firm)?.headcount)).toBe(largest);
  });

  it("keeps background ties away from the planted groups", () => {
    for (const l of links.filter((x) => x.source_ref === "synthetic:background")) {
      for (const end of [l.source, l.target]) {
        expect(pivotGroup.has(end) || districtGroup.has(end)).toBe(false);
      }
    }
  });
});

describe("rouen: associations and memberships", () => {
  const membersOf = (org: string, active: boolean) =>
    links
      .filter((l) => l.kind === "membership" && l.target === org && (l.end === "") === active)
      .map((l) => l.source)
      .sort();

  it("matches truth.json's member lists with the links (no end = member, end = former member)", () => {
    for (const key of ["chamber", "club", "zone_association", "grappe", "sector_association"]) {
      const org = truth.associations[key];
      expect(membersOf(org.id, true)).toEqual(org.members);
      expect(membersOf(org.id, false)).toEqual(org.former_members);
      expect(actorById.has(org.id)).toBe(true);
    }
    expect(actorById.get(truth.associations.chamber.id)?.kind).toBe("chamber");
    expect(actorById.get(truth.associations.chamber.id)?.name).toBe("CCI Rouen Métropole");
  });

  it("gathers most district firms in the recognised grappe, the zone's firms in the zone association", () => {
    const grappe = truth.associations.grappe;
    const g = actorById.get(grappe.id) as Rec;
    expect([g.kind, g.subtype]).toEqual(["network_org", "grappe"]);
    expect(g.public_label).not.toBe("");
    const district = new Set(truth.district.firms);
    expect((grappe.members ?? []).every((m) => district.has(m))).toBe(true);
    expect((grappe.members ?? []).length).toBeGreaterThanOrEqual(0.75 * district.size);
    const zone = truth.associations.zone_association;
    expect(actorById.get(zone.id)?.subtype).toBe("zone_association");
    for (const m of [...(zone.members ?? []), ...(zone.former_members ?? [])]) {
      expect(truth.district.communes).toContain(actorById.get(m)?.commune);
    }
    expect(actorById.get(truth.associations.club.id)?.subtype).toBe("club");
    for (const leader of truth.district.leaders) {
      for (const key of ["chamber", "club", "zone_association", "grappe"]) {
        expect(truth.associations[key].members).toContain(leader);
      }
    }
  });

  it("joins the two planted groups only through organisations", () => {
    const pivotGroup = new Set([truth.pivot.id, ...truth.pivot.tier1, ...truth.pivot.tier2]);
    const sharedOrgs = ["chamber", "club"].filter((key) => {
      const members = new Set(truth.associations[key].members);
      return [...pivotGroup].some((f) => members.has(f)) && truth.district.firms.some((f) => members.has(f));
    });
    expect(sharedOrgs.length).toBeGreaterThan(0);
  });
});

describe("rouen: the animator's contact book", () => {
  let contacts: Rec[];
  let interactions: Rec[];
  beforeAll(() => {
    const c = recordsOf("contacts/contacts.csv");
    expect(c.header).toEqual([
      "id",
      "first_name",
      "last_name",
      "email",
      "phone",
      "organisation_id",
      "organisation",
      "position",
      "sphere",
      "subsphere",
      "closeness",
      "formality",
      "usefulness",
    ]);
    contacts = c.records;
    const i = recordsOf("contacts/interactions.csv");
    expect(i.header).toEqual(["contact_id", "date", "channel", "initiated_by"]);
    interactions = i.records;
  });

  const SUBSPHERES: Record<string, string[]> = {
    professional: [
      "colleague",
      "supplier",
      "client",
      "prospect",
      "association_member",
      "competitor",
      "fair",
      "training",
    ],
    private: ["family", "friend", "neighbour", "other_association"],
    educational: ["classmate", "teacher", "alumni"],
    online: ["forum", "list", "social_network"],
  };

  it("lists persons with valid spheres, scales and organisations", () => {
    expect(contacts.length).toBeGreaterThanOrEqual(150);
    expect(contacts.length).toBeLessThanOrEqual(250);
    expect(new Set(contacts.map((c) => c.id)).size).toBe(contacts.length);
    for (const c of contacts) {
      expect(SUBSPHERES[c.sphere]).toContain(c.subsphere);
      for (const scale of [c.closeness, c.usefulness]) expect(["1", "2", "3", "4", "5"]).toContain(scale);
      expect(FORMALITIES).toContain(c.formality);
      if (c.organisation_id !== "") {
        expect(actorById.has(c.organisation_id)).toBe(true);
        expect(c.organisation).toBe(actorById.get(c.organisation_id)?.name);
      }
    }
    for (const id of truth.contacts.at_pivot) {
      expect(contacts.find((c) => c.id === id)?.organisation_id).toBe(truth.pivot.id);
    }
    for (const [leader, id] of Object.entries(truth.contacts.at_district_leaders)) {
      expect(truth.district.leaders).toContain(leader);
      expect(contacts.find((c) => c.id === id)?.organisation_id).toBe(leader);
    }
  });

  it("logs interactions from 2019 to as_of, one per contact and day, with known channels", () => {
    const ids = new Set(contacts.map((c) => c.id));
    const seen = new Set<string>();
    for (const i of interactions) {
      expect(ids.has(i.contact_id)).toBe(true);
      expect(parseDate(i.date)).toBe(i.date);
      expect(i.date >= "2019-01-01" && i.date <= truth.contacts.as_of).toBe(true);
      expect(["meeting", "phone", "email", "event", "visio", "message"]).toContain(i.channel);
      expect(["me", "them"]).toContain(i.initiated_by);
      const key = `${i.contact_id}|${i.date}`;
      expect(seen.has(key), key).toBe(false);
      seen.add(key);
    }
    const dates = interactions.map((i) => i.date).sort();
    expect(dates[dates.length - 1]).toBe(truth.contacts.as_of);
    expect(dates[0] < "2019-02-01").toBe(true);
  });

  /** Same day a year earlier (29 February → 28 February). */
  const yearBefore = (iso: string) => {
    const [y, m, d] = iso.split("-").map(Number);
    const last = new Date(Date.UTC(y - 1, m, 0)).getUTCDate();
    return `${y - 1}-${String(m).padStart(2, "0")}-${String(Math.min(d, last)).padStart(2, "0")}`;
  };

  it("plants the four segments and the fading contacts exactly as defined, on the log", () => {
    const asOf = truth.contacts.as_of;
    const b1 = yearBefore(asOf);
    const b0 = yearBefore(b1);
    const byContact = new Map<string, string[]>();
    for (const i of interactions)
      byContact.set(i.contact_id, [...(byContact.get(i.contact_id) ?? []), i.date]);
    const margin = truth.contacts.windows.margin_days * 86_400_000;
    const far = (d: string, boundary: string) => Math.abs(Date.parse(d) - Date.parse(boundary)) >= margin;
    const counts = { frequent_easy: 0, close_infrequent: 0, formal_useful: 0, low_use: 0 } as Record<
      string,
      number
    >;
    const fading: string[] = [];
    for (const c of contacts) {
      const planted = truth.contacts.segments[c.id];
      const dates = byContact.get(c.id) ?? [];
      if (planted === undefined) continue;
      for (const d of dates) expect(far(d, b1) && far(d, b0), `${c.id} ${d}`).toBe(true);
      const last = dates.filter((d) => d > b1).length;
      const previous = dates.filter((d) => d > b0 && d <= b1).length;
      const before = dates.filter((d) => d <= b1).length;
      const closeness = Number(c.closeness);
      const usefulness = Number(c.usefulness);
      let segment: string;
      if (closeness >= 4 && last >= 12) segment = "frequent_easy";
      else if (closeness >= 4) segment = "close_infrequent";
      else if (c.formality === "formal" && usefulness >= 4) segment = "formal_useful";
      else segment = "low_use";
      expect(segment, c.id).toBe(planted);
      if (segment === "low_use") {
        expect(usefulness).toBeLessThanOrEqual(2);
        expect(last).toBeLessThanOrEqual(2);
      }
      counts[segment]++;
      if (before > 0 && (last === 0 || 2 * last < previous)) fading.push(c.id);
    }
    for (const n of Object.values(counts)) expect(n).toBeGreaterThanOrEqual(20);
    expect(fading.sort()).toEqual(truth.contacts.fading);
    expect(fading.length).toBeGreaterThanOrEqual(10);
    // frequent contacts are never fading, and fading ones include both silent and declining
    for (const id of fading) expect(truth.contacts.segments[id]).not.toBe("frequent_easy");
  });

  it("hides near-duplicate persons that share an e-mail or a phone, and only those", () => {
    const phone = (p: string) => p.replace(/\s/g, "").replace(/^\+33/, "0");
    const byId = new Map(contacts.map((c) => [c.id, c]));
    expect(truth.contacts.duplicates.length).toBeGreaterThanOrEqual(5);
    const withLog = new Set(interactions.map((i) => i.contact_id));
    for (const [a, b] of truth.contacts.duplicates) {
      const x = byId.get(a) as Rec;
      const y = byId.get(b) as Rec;
      const sameEmail = x.email !== "" && x.email.toLowerCase() === y.email.toLowerCase();
      const samePhone = x.phone !== "" && y.phone !== "" && phone(x.phone) === phone(y.phone);
      expect(sameEmail || samePhone, `${a} ${b}`).toBe(true);
      expect(
        `${x.first_name} ${x.last_name}` !== `${y.first_name} ${y.last_name}` || x.phone !== y.phone,
      ).toBe(true);
      expect(withLog.has(b)).toBe(false);
      expect(truth.contacts.segments[b]).toBeUndefined();
    }
    // no other pair shares an e-mail, a phone or an accent-folded name
    const planted = new Set(truth.contacts.duplicates.map(([a, b]) => `${a}|${b}`));
    const fold = (s: string) =>
      s
        .normalize("NFD")
        .replace(/[\u0300-\u036f]/g, "")
        .toLowerCase()
        .replace(/[^a-z]/g, "");
    for (let i = 0; i < contacts.length; i++) {
      for (let j = i + 1; j < contacts.length; j++) {
        const x = contacts[i];
        const y = contacts[j];
        const clash =
          (x.email !== "" && x.email.toLowerCase() === y.email.toLowerCase()) ||
          (x.phone !== "" && y.phone !== "" && phone(x.phone) === phone(y.phone)) ||
          fold(x.first_name + x.last_name) === fold(y.first_name + y.last_name);
        if (clash) expect(planted.has(`${x.id}|${y.id}`), `${x.id} ${y.id}`).toBe(true);
      }
    }
  });
});
