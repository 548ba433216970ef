/**
 * The visualiser's document and the Node side of the page: measures against networkx, layouts,
 * determinism, the state in the URL, the filters, the loopback-only server, the self-contained page.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { findDataset } from "../../datasets/index.ts";
import { readNetwork } from "../../engine/io/readNetwork.ts";
import { buildNetwork, type NetworkGraph } from "../../engine/model/graph.ts";
import { blankActor, type Link } from "../../engine/model/types.ts";
import { visibleItems } from "../../viz/app/filters.ts";
import { decodeState, defaultState, encodeState, type ViewState } from "../../viz/app/state.ts";
import { vizDocument } from "../../viz/data.ts";
import { readCentroids } from "../../viz/geo.ts";
import { bipartiteLayout } from "../../viz/layouts.ts";
import { isLoopback, serveViz } from "../../viz/server.ts";
import type { VizDocument } from "../../viz/types.ts";
import { tempDir, writeIn } from "../helpers.ts";

const rouen = findDataset("rouen");
if (!rouen?.files.geo) throw new Error("the rouen dataset has no geo files");
const geo = rouen.files.geo;
const rouenDir = dirname(rouen.files.actors);
const reference = JSON.parse(
  readFileSync(join(import.meta.dirname, "..", "fixtures", "viz", "rouen_measures.json"), "utf8"),
) as {
  nodes: number;
  edges: number;
  louvain_best_modularity: number;
  measures: Record<string, { degree: number; strength: number; betweenness: number; pagerank: number }>;
};

let graph: NetworkGraph;
let doc: VizDocument;

beforeAll(async () => {
  graph = (await readNetwork({ nodes: rouen.files.actors, edges: rouen.files.links })).graph;
  doc = vizDocument(graph, { geo, seed: "test", layoutIterations: 60 });
});

describe("vizDocument on the rouen network", () => {
  it("holds every actor and every link, with their attributes", () => {
    expect(doc.nodes).toHaveLength(graph.order);
    expect(doc.edges).toHaveLength(graph.size);
    expect(doc.nodes).toHaveLength(reference.nodes);
    const cleon = doc.nodes.find((n) => n.id === "00000001800010");
    expect(cleon).toMatchObject({ kind: "firm", naf: "29.10Z", division: "29", commune: "76178" });
    expect(doc.labels.divisions["29"]).toBe("Industrie automobile");
    expect(doc.labels.communes["76178"]).toBe("Cléon");
    const kinds = new Set(doc.edges.map((e) => e.category));
    expect(kinds).toEqual(new Set(["market", "non_market"]));
  });

  it("has degree, strength, betweenness and PageRank equal to networkx's on the simple view", () => {
    let worstBetweenness = 0;
    let worstPagerank = 0;
    for (const node of doc.nodes) {
      const peer = reference.measures[node.id];
      expect(node.metrics.degree).toBe(peer.degree);
      expect(node.metrics.strength).toBe(peer.strength);
      worstBetweenness = Math.max(
        worstBetweenness,
        Math.abs((node.metrics.betweenness as number) - peer.betweenness),
      );
      worstPagerank = Math.max(worstPagerank, Math.abs((node.metrics.pagerank as number) - peer.pagerank));
    }
    // Values are stored with 8 significant digits; PageRank converges to 1e-10 here, 1e-12 in networkx.
    expect(worstBetweenness).toBeLessThan(1e-8);
    expect(worstPagerank).toBeLessThan(1e-8);
  });

  it("finds communities as good as networkx's best Louvain run (modularity within 0.01)", () => {
    expect(doc.modularity).not.toBeNull();
    expect(doc.modularity as number).toBeGreaterThan(reference.louvain_best_modularity - 0.01);
    // Communities are numbered by decreasing size; isolates have none.
    const sizes = doc.communities.map((c) => c.size);
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(doc.nodes.filter((n) => n.community !== null).length);
    for (const node of doc.nodes) expect(node.community === null).toBe(node.metrics.degree === 0);
  });

  it("marks the planted leaders of rouen (truth.json) as opinion leaders, with the evidence", () => {
    const truth = JSON.parse(readFileSync(join(rouenDir, "truth.json"), "utf8")) as {
      pivot: { id: string };
      leaders: { firme_reseau: { hub: string }; reseau_de_firmes: { leaders: string[] } };
    };
    const planted = [truth.leaders.firme_reseau.hub, ...truth.leaders.reseau_de_firmes.leaders];
    expect(planted).toContain(truth.pivot.id);
    const byId = new Map(doc.nodes.map((n) => [n.id, n]));
    for (const id of planted) {
      const leader = byId.get(id)?.leader;
      expect(leader, id).toBeTruthy();
      if (!leader) continue;
      expect(leader.top).toBe(true);
      expect(leader.rank).toBeLessThanOrEqual(10);
      expect(["broker", "hub", "broker_hub"]).toContain(leader.role);
      expect(leader.evidence.degree).toBe(byId.get(id)?.metrics.degree);
      expect(leader.evidence.betweenness).toBeGreaterThan(0);
      expect(leader.score).toBeGreaterThan(0.5);
      for (const p of Object.values(leader.percentiles)) expect(p).toBeGreaterThanOrEqual(0);
    }
    // The pivot leads the whole ranking and its network.
    const pivot = byId.get(truth.pivot.id)?.leader;
    expect(pivot).toMatchObject({ rank: 1, network: 0, networkRank: 1, networkTop: true });
    // Highlighted: the first 10 overall plus the first 3 of each network of at least 10 actors.
    const marked = doc.nodes.filter((n) => n.leader);
    expect(marked.filter((n) => n.leader?.top)).toHaveLength(10);
    const networkTop = marked.filter((n) => n.leader?.networkTop);
    for (const n of networkTop) {
      expect(n.leader?.networkRank).toBeLessThanOrEqual(3);
      expect(n.leader?.networkSize).toBeGreaterThanOrEqual(10);
    }
    const perNetwork = new Map<number, number>();
    for (const n of networkTop)
      perNetwork.set(n.leader?.network as number, (perNetwork.get(n.leader?.network as number) ?? 0) + 1);
    expect([...perNetwork.values()].every((count) => count === 3)).toBe(true);
    expect(perNetwork.has(0)).toBe(true);
    expect(doc.leaders).toMatch(/opinionLeaders/);
  });

  it("colours firm networks by organisational form and marks the planted pivot (engine/classify)", () => {
    const truth = JSON.parse(readFileSync(join(rouenDir, "truth.json"), "utf8")) as {
      pivot: { id: string; tier1: string[] };
      leaders: { reseau_de_firmes: { leaders: string[] } };
    };
    const byId = new Map(doc.nodes.map((n) => [n.id, n]));
    const pivot = byId.get(truth.pivot.id);
    expect(pivot?.form?.label).toBe("firme-réseau");
    expect(pivot?.pivot).toMatchObject({ network: pivot?.form?.network, score: 1 });
    expect(pivot?.pivot?.evidence.betweenness).toBeGreaterThan(0);
    // Its tier-1 suppliers share its network; the planted district is a réseau de firmes.
    for (const id of truth.pivot.tier1) expect(byId.get(id)?.form?.network).toBe(pivot?.form?.network);
    for (const id of truth.leaders.reseau_de_firmes.leaders)
      expect(byId.get(id)?.form?.label).toBe("réseau de firmes");
    // Only firms belong to firm networks; pivots only head firme-réseau networks, one each.
    for (const n of doc.nodes) if (n.form) expect(n.kind).toBe("firm");
    const pivots = doc.nodes.filter((n) => n.pivot);
    for (const n of pivots) {
      expect(n.form?.label).toBe("firme-réseau");
      expect(n.form?.size).toBeGreaterThanOrEqual(10);
    }
    expect(new Set(pivots.map((n) => n.pivot?.network)).size).toBe(pivots.length);
  });

  it("aggregates links between communities without losing any", () => {
    const byId = new Map(doc.nodes.map((n) => [n.id, n]));
    const between = doc.edges.filter((e) => byId.get(e.source)?.community !== byId.get(e.target)?.community);
    expect(doc.communityLinks.reduce((s, l) => s + l.links, 0)).toBe(between.length);
  });

  it("places each actor in the geo layout within its commune's disc", () => {
    const centroids = readCentroids(geo.centroids);
    const placed = doc.nodes.filter((n) => n.layouts.geo);
    expect(placed.length).toBe(doc.nodes.filter((n) => n.commune && centroids.has(n.commune)).length);
    const lats = [...new Set(placed.map((n) => n.commune as string))].map(
      (c) => centroids.get(c)?.lat as number,
    );
    const k = Math.cos((((Math.min(...lats) + Math.max(...lats)) / 2) * Math.PI) / 180);
    for (const node of placed) {
      const c = centroids.get(node.commune as string);
      if (!c) throw new Error("no centroid");
      const [x, y] = node.layouts.geo as [number, number];
      const distance = Math.hypot(x - c.lon * k * 100, y - c.lat * 100);
      expect(distance).toBeLessThanOrEqual(0.35 * Math.sqrt(c.area) * 100 + 0.01);
    }
    expect(doc.outlines.length).toBe(new Set(placed.map((n) => n.commune)).size);
  });

  it("puts organisations above their members in the bipartite layout", () => {
    const organisations = doc.nodes.filter((n) => n.layouts.bipartite && n.kind !== "firm");
    const members = doc.nodes.filter((n) => n.layouts.bipartite && n.kind === "firm");
    expect(organisations.length).toBeGreaterThan(0);
    const lowestOrganisation = Math.min(...organisations.map((n) => (n.layouts.bipartite as number[])[1]));
    for (const m of members) expect((m.layouts.bipartite as number[])[1]).toBeLessThan(lowestOrganisation);
  });

  it("is deterministic: same network and seed, the same JSON byte for byte", () => {
    const again = vizDocument(graph, { geo, seed: "test", layoutIterations: 60 });
    expect(JSON.stringify(again)).toBe(JSON.stringify(doc));
    const other = vizDocument(graph, { seed: "other", layoutIterations: 60 });
    expect(other.nodes[0].layouts.force).not.toEqual(doc.nodes[0].layouts.force);
  });
});

describe("leader marks on a small network", () => {
  it("marks actors of a network only, never an isolate", () => {
    const link = (source: string, target: string): Link => ({
      source,
      target,
      kind: "information",
      category: "non_market",
      orientation: null,
      formality: null,
      weight: 1,
      frequency: null,
      start: null,
      end: null,
      directed: false,
      source_ref: null,
    });
    const actors = ["h", "a", "b", "c", "d", "p", "q", "r", "s", "z"].map((id) => blankActor(id, "firm"));
    const small = buildNetwork(actors, [
      ...["a", "b", "c", "d"].map((leaf) => link("h", leaf)),
      link("p", "q"),
      link("q", "r"),
      link("r", "s"),
    ]);
    const marks = new Map(vizDocument(small, { layoutIterations: 5 }).nodes.map((n) => [n.id, n.leader]));
    expect(marks.get("z")).toBeNull();
    // 9 actors in networks, 10 places: each is marked; the star's centre leads everything.
    expect([...marks.values()].filter((m) => m?.top)).toHaveLength(9);
    expect(marks.get("h")).toMatchObject({ rank: 1, networkRank: 1, networkSize: 5 });
  });

  it("above the budget: no betweenness, leaders or forms, and a note saying so", () => {
    const doc = vizDocument(graph, { betweennessBudget: 0, layoutIterations: 5 });
    expect(doc.leaders).toBeNull();
    expect(doc.nodes.every((n) => n.leader === null && n.form === null && n.pivot === null)).toBe(true);
    expect(doc.metrics.map((m) => m.name)).not.toContain("betweenness");
    expect(doc.notes).toEqual([
      expect.stringMatching(/^betweenness, opinion leaders and organisational forms not computed/),
    ]);
  });
});

describe("bipartiteLayout", () => {
  it("orders members by the barycentre of their organisations (no crossing on a chain)", () => {
    // m1–A, m2–A, m2–B, m3–B: A left of B puts m1 < m2 < m3.
    const p = bipartiteLayout(
      [
        ["m1", "A"],
        ["m2", "A"],
        ["m2", "B"],
        ["m3", "B"],
      ],
      { width: 100 },
    );
    const x = (id: string) => (p.get(id) as number[])[0];
    const [left, right] = x("A") < x("B") ? ["m1", "m3"] : ["m3", "m1"];
    expect(x(left)).toBeLessThan(x("m2"));
    expect(x("m2")).toBeLessThan(x(right));
  });
});

describe("the page state in the URL", () => {
  it("round-trips every field", () => {
    const state: ViewState = {
      ...defaultState(false),
      view: "geo",
      color: "activity",
      size: "pagerank",
      categories: ["market"],
      linkKinds: ["supply", "client"],
      actorKinds: ["firm"],
      division: "29",
      commune: "76178",
      sizeClasses: ["sme", "unknown"],
      from: "2010-01-01",
      to: "2015-12-31",
      selected: "00000001800010",
      ego: 2,
      labels: false,
      community: 3,
      camera: { x: 0.25, y: 0.75, ratio: 0.5 },
    };
    expect(decodeState(encodeState(state, false), false)).toEqual(state);
    expect(encodeState(defaultState(false), false)).toBe("");
    expect(decodeState("#v=nonsense&ego=7&cam=1,x", false)).toEqual(defaultState(false));
  });

  it("opens a large graph on the aggregated communities", () => {
    expect(decodeState("", true).view).toBe("communities");
  });
});

describe("filters", () => {
  it("market links only: fewer links, every one a market link", () => {
    const all = visibleItems(doc, defaultState(false));
    const market = visibleItems(doc, { ...defaultState(false), categories: ["market"] });
    expect(all.edges.size).toBe(doc.edges.length);
    expect(market.edges.size).toBe(doc.edges.filter((e) => e.category === "market").length);
    expect(market.edges.size).toBeLessThan(all.edges.size);
  });

  it("ego network at depth 1 is the actor and its partners", () => {
    const id = "00000001800010";
    const ego = visibleItems(doc, { ...defaultState(false), selected: id, ego: 1 });
    const partners = new Set<string>([id]);
    for (const e of doc.edges) {
      if (e.source === id) partners.add(e.target);
      if (e.target === id) partners.add(e.source);
    }
    expect(ego.nodes).toEqual(partners);
    const depth2 = visibleItems(doc, { ...defaultState(false), selected: id, ego: 2 });
    expect(depth2.nodes.size).toBeGreaterThan(ego.nodes.size);
  });

  it("period: a link counts when it is active at some time in [from, to]", () => {
    const state = { ...defaultState(false), from: "2020-01-01", to: "2020-12-31" };
    const shown = visibleItems(doc, state);
    doc.edges.forEach((e, i) => {
      const active = (!e.start || e.start <= "2020-12-31") && (!e.end || e.end >= "2020-01-01");
      expect(shown.edges.has(i)).toBe(active);
    });
  });
});

describe("the local server", () => {
  it("binds to loopback addresses only unless allowed", async () => {
    expect(isLoopback("127.0.0.1")).toBe(true);
    expect(isLoopback("::1")).toBe(true);
    expect(isLoopback("0.0.0.0")).toBe(false);
    expect(isLoopback("192.168.1.10")).toBe(false);
    const appDir = tempDir();
    writeIn(appDir, "index.html", "<!doctype html><title>t</title>");
    await expect(serveViz({ appDir, graphJson: "{}", host: "0.0.0.0", port: 0 })).rejects.toThrow(/loopback/);
    const running = await serveViz({ appDir, graphJson: '{"a":1}', port: 0 });
    try {
      expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      expect(await (await fetch(`${running.url}graph.json`)).json()).toEqual({ a: 1 });
      expect((await fetch(`${running.url}index.html`)).status).toBe(200);
      expect((await fetch(`${running.url}..%2f..%2fetc%2fpasswd`)).status).toBe(404);
    } finally {
      await running.close();
    }
  });
});
