/**
 * The visualiser in a real browser: Debian's chromium (headless, software WebGL) on the page served
 * from a fresh build with the built-in rouen network, then the self-contained export opened from disk.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type Graph from "graphology";
import type { Browser, Page } from "playwright-core";
import type Sigma from "sigma";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findDataset } from "../../datasets/index.ts";
import { readNetwork } from "../../engine/io/readNetwork.ts";
import { vizDocument } from "../../viz/data.ts";
import { vizHtml } from "../../viz/exportHtml.ts";
import { type RunningServer, serveViz } from "../../viz/server.ts";
import type { VizDocument } from "../../viz/types.ts";
import { maillage } from "../cli/run.ts";
import { tempDir } from "../helpers.ts";
import { buildTestApp, countNonBackground, decodePng, launchChromium } from "./browser.ts";

const rouen = findDataset("rouen");
if (!rouen?.files.geo) throw new Error("the rouen dataset has no geo files");

let appDir: string;
let doc: VizDocument;
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  const [built, read] = await Promise.all([
    buildTestApp(),
    readNetwork({ nodes: rouen.files.actors, edges: rouen.files.links }),
  ]);
  appDir = built;
  doc = vizDocument(read.graph, { geo: rouen.files.geo, title: "maillage", source: "dataset rouen" });
  server = await serveViz({ appDir, graphJson: JSON.stringify(doc), port: 0 });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(hash = "", url = server.url): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(url + hash);
  await page.waitForSelector("#status[data-ready='1']", { timeout: 30_000 });
  expect(errors).toEqual([]);
  return page;
}

/** The page's debugging handle (`window.maillage`), typed for the parts the tests read. */
interface Handle {
  maillage: {
    renderer: Sigma;
    graph: Graph;
    focus(id: string, animate?: boolean): Promise<void>;
    snapshot: { moved: number; frameMs: number | null; active: boolean; budgetMs: number };
  };
}

const status = (page: Page): Promise<Record<string, string | undefined>> =>
  page.$eval("#status", (e) => ({ ...(e as HTMLElement).dataset, text: e.textContent ?? "" }));

/** Wait for the debounced URL update to carry `fragment`. */
const urlWith = (page: Page, fragment: string) =>
  page.waitForFunction((f) => location.hash.includes(f), fragment, { timeout: 5000 });

/** Viewport position of a node inside #graph, and the container's size. */
const nodeOnScreen = (page: Page, id: string) =>
  page.evaluate((node) => {
    const app = (window as unknown as Handle).maillage;
    const data = app.renderer.getNodeDisplayData(node) as { x: number; y: number };
    const p = app.renderer.framedGraphToViewport(data);
    const box = document.getElementById("graph")?.getBoundingClientRect() as DOMRect;
    return { x: p.x, y: p.y, left: box.left, top: box.top, width: box.width, height: box.height };
  }, id);

/** The firm of highest degree: a large, easy target. */
const hub = () =>
  doc.nodes
    .filter((n) => n.kind === "firm")
    .sort((a, b) => (b.metrics.degree ?? 0) - (a.metrics.degree ?? 0))[0];

describe("served page", () => {
  it("loads the rouen graph and draws it (the canvas is not blank)", async () => {
    const page = await open();
    const s = await status(page);
    expect(Number(s.nodes)).toBe(doc.nodes.length);
    expect(Number(s.edges)).toBe(doc.edges.length);
    expect(s.view).toBe("force");
    const shot = decodePng(await page.locator("#graph").screenshot());
    const drawn = countNonBackground(shot);
    // Thousands of discs and links: well over 2% of the area is not background.
    expect(drawn / (shot.width * shot.height)).toBeGreaterThan(0.02);
    await page.close();
  });

  it("a filter to market links reduces the visible link count", async () => {
    const page = await open();
    await page.uncheck("#cat-non_market");
    const s = await status(page);
    const market = doc.edges.filter((e) => e.category === "market").length;
    expect(Number(s.edges)).toBe(market);
    expect(market).toBeLessThan(doc.edges.length);
    expect(market).toBeGreaterThan(0);
    await urlWith(page, "cat=market");
    await page.close();
  });

  it("search focuses the searched firm and opens its panel", async () => {
    const page = await open();
    const firm = hub();
    await page.fill("#search", firm.name as string);
    await page.press("#search", "Enter");
    await page.waitForSelector(`#status[data-focused='${firm.id}']`);
    expect(await page.textContent("#panel-name")).toBe(firm.name);
    const p = await nodeOnScreen(page, firm.id);
    // The camera is centred on the firm.
    expect(Math.abs(p.x - p.width / 2)).toBeLessThan(3);
    expect(Math.abs(p.y - p.height / 2)).toBeLessThan(3);
    await page.close();
  });

  it("a click on a node opens the panel with its metrics", async () => {
    const page = await open();
    const firm = hub();
    await page.evaluate((id) => (window as unknown as Handle).maillage.focus(id, false), firm.id);
    await page.waitForTimeout(100);
    const p = await nodeOnScreen(page, firm.id);
    await page.mouse.click(p.left + p.x, p.top + p.y);
    await page.waitForSelector("#panel:not([hidden]) #panel-metrics");
    expect(await page.textContent("#panel-name")).toBe(firm.name);
    const degree = await page.textContent("#panel-metrics tr[data-metric='degree'] td:nth-child(2)");
    expect(degree).toMatch(new RegExp(`^${firm.metrics.degree} rank \\d+ of ${doc.nodes.length}$`));
    expect(await page.$$eval("#panel-metrics tr", (rows) => rows.length)).toBe(doc.metrics.length);
    await page.close();
  });

  it("rings the opinion leaders, lists their roles in the legend, and a click on the pivot shows its evidence", async () => {
    const truth = JSON.parse(readFileSync(join(dirname(rouen.files.actors), "truth.json"), "utf8")) as {
      pivot: { id: string; name: string };
    };
    const page = await open();
    // The leader layer has drawn rings: dark pixels on an otherwise transparent canvas.
    const ringPixels = await page.evaluate(() => {
      const canvas = document.querySelector<HTMLCanvasElement>("canvas.sigma-leaders");
      const ctx = canvas?.getContext("2d");
      if (!canvas || !ctx) return -1;
      const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
      let n = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i] > 0) n++;
      return n;
    });
    expect(ringPixels).toBeGreaterThan(100);
    const marked = doc.nodes.filter((n) => n.leader);
    const legendCount = await page.$$eval("#legend [data-legend-role] .note", (notes) =>
      notes.reduce((s, e) => s + Number(e.textContent), 0),
    );
    expect(legendCount).toBe(marked.length);
    // The pivot's label is always drawn.
    const labels = await page.evaluate(() => [
      ...(window as unknown as Handle).maillage.renderer.getNodeDisplayedLabels(),
    ]);
    expect(labels).toContain(truth.pivot.id);

    await page.evaluate((id) => (window as unknown as Handle).maillage.focus(id, false), truth.pivot.id);
    await page.waitForTimeout(100);
    const p = await nodeOnScreen(page, truth.pivot.id);
    await page.mouse.click(p.left + p.x, p.top + p.y);
    await page.waitForSelector("#panel:not([hidden]) #panel-leader");
    expect(await page.textContent("#panel-name")).toBe(truth.pivot.name);
    const leader = doc.nodes.find((n) => n.id === truth.pivot.id)?.leader;
    if (!leader) throw new Error("the pivot is not marked as a leader");
    expect(await page.getAttribute("#panel-leader", "data-role")).toBe(leader.role);
    expect(await page.textContent("#leader-score")).toBe(leader.score.toFixed(3));
    const section = (await page.textContent("#panel-leader")) ?? "";
    expect(section).toContain(`1 of ${leader.of} overall`);
    expect(section).toMatch(/leader 1 of network #0/);
    const evidence = await page.$$eval("#panel-evidence tr[data-evidence]", (rows) =>
      rows.map((r) => [r.getAttribute("data-evidence"), r.children[2]?.textContent]),
    );
    expect(evidence.map(([m]) => m)).toEqual([
      "betweenness",
      "lowConstraint",
      "crossGroupBrokerage",
      "reach2",
      "eigenvector",
      "pagerank",
    ]);
    for (const [m, pct] of evidence)
      expect(pct).toBe(`${Math.round(leader.percentiles[m as keyof typeof leader.percentiles] * 100)}%`);
    // It is also the pivot of its firme-réseau: that evidence is in the panel too.
    expect(await page.textContent("#panel-pivot h3")).toMatch(/^Pivot firm of component-/);
    expect(await page.$$eval("#panel-pivot tr[data-pivot-evidence]", (rows) => rows.length)).toBe(8);
    // Colour by organisational form: the legend lists the forms and the pivot ring.
    await page.selectOption("#color", "form");
    const legend = (await page.textContent("#legend")) ?? "";
    expect(legend).toContain("firme-réseau");
    expect(legend).toContain("réseau de firmes");
    expect(await page.$$eval("#legend [data-legend-pivot]", (rows) => rows.length)).toBe(1);
    await urlWith(page, "c=form");
    await page.close();
  });

  it("the URL restores the view: layout, encodings, filters, selection, camera", async () => {
    const page = await open();
    const firm = hub();
    await page.selectOption("#view", "geo");
    await page.selectOption("#color", "kind");
    await page.uncheck("#cat-market");
    await page.fill("#search", firm.name as string);
    await page.press("#search", "Enter");
    await page.waitForSelector(`#status[data-focused='${firm.id}']`);
    await urlWith(page, `sel=${firm.id}`);
    // The URL is written 150 ms after the camera rests: wait until it holds the final camera.
    await page.waitForFunction(() => {
      const cam = /cam=([^&]+)/.exec(location.hash);
      if (!cam) return false;
      const ratio = Number(decodeURIComponent(cam[1]).split(",")[2]);
      const camera = (window as unknown as Handle).maillage.renderer.getCamera().getState();
      return Math.abs(ratio - camera.ratio) < 1e-3;
    });
    const before = await status(page);
    const url = page.url();
    expect(url).toContain("v=geo");
    const camera = await page.evaluate(() =>
      (window as unknown as Handle).maillage.renderer.getCamera().getState(),
    );
    await page.close();

    const again = await open("", url);
    const after = await status(again);
    expect(after.view).toBe("geo");
    expect(after.nodes).toBe(before.nodes);
    expect(after.edges).toBe(before.edges);
    expect(after.selected).toBe(firm.id);
    expect(await again.inputValue("#color")).toBe("kind");
    expect(await again.isChecked("#cat-market")).toBe(false);
    expect(await again.textContent("#panel-name")).toBe(firm.name);
    const restored = await again.evaluate(() =>
      (window as unknown as Handle).maillage.renderer.getCamera().getState(),
    );
    expect(restored.ratio).toBeCloseTo(camera.ratio, 3);
    expect(restored.x).toBeCloseTo(camera.x, 3);
    await again.close();
  });

  it("moves the last frame while the camera moves when drawing is slow, and draws again at rest", async () => {
    const page = await open("#v=geo");
    const measured = await page.evaluate(() => (window as unknown as Handle).maillage.snapshot.frameMs);
    expect(measured).toBeGreaterThan(0);
    // Decide as a slow machine would, whatever this one measured.
    await page.evaluate(() => {
      (window as unknown as Handle).maillage.snapshot.budgetMs = 0;
    });
    const before = await page.evaluate(() => (window as unknown as Handle).maillage.snapshot.moved);
    await page.evaluate(() => {
      const camera = (window as unknown as Handle).maillage.renderer.getCamera();
      void camera.animate({ x: 0.45, y: 0.55, ratio: 0.6 }, { duration: 1500 });
    });
    await page.waitForTimeout(600);
    const transforms = await page.$$eval("#graph canvas", (list) =>
      list.map((c) => (c as HTMLElement).style.transform),
    );
    expect(transforms.every((t) => /translate\(.+\) scale\(.+\)/.test(t))).toBe(true);
    // the moved frame still shows the graph
    const moving = decodePng(await page.locator("#graph").screenshot());
    expect(countNonBackground(moving)).toBeGreaterThan(2000);
    await page.waitForFunction(
      () => !(window as unknown as Handle).maillage.renderer.getCamera().isAnimated(),
    );
    await page.waitForTimeout(400);
    const after = await page.evaluate(() => (window as unknown as Handle).maillage.snapshot.moved);
    expect(after).toBeGreaterThan(before + 5);
    const rest = await page.$$eval("#graph canvas", (list) =>
      list.map((c) => (c as HTMLElement).style.transform),
    );
    expect(rest.every((t) => t === "")).toBe(true);
    await page.close();
  });

  it("exports the current view as a non-empty PNG and as SVG", async () => {
    const page = await open();
    const [png] = await Promise.all([page.waitForEvent("download"), page.click("#export-png")]);
    const image = decodePng(readFileSync(await png.path()));
    expect(image.width).toBeGreaterThan(500);
    expect(countNonBackground(image) / (image.width * image.height)).toBeGreaterThan(0.02);
    await page.uncheck("#cat-non_market");
    const [svg] = await Promise.all([page.waitForEvent("download"), page.click("#export-svg")]);
    const text = readFileSync(await svg.path(), "utf8");
    expect(text.startsWith("<svg")).toBe(true);
    const s = await status(page);
    expect(text.match(/<circle cx=/g)?.length).toBe(Number(s.nodes));
    // Leader rings (one per broker or hub, two per broker_hub) around the leaders still shown.
    const rings = text.match(/<circle class="leader-ring"/g)?.length ?? 0;
    expect(rings).toBeGreaterThan(0);
    expect(text.match(/<line /g)?.length).toBe(Number(s.edges));
    await page.close();
  });

  it("runs ForceAtlas2 in a web worker and stops it", async () => {
    const page = await open();
    const id = hub().id;
    const before = await page.evaluate(
      (n) => (window as unknown as Handle).maillage.graph.getNodeAttributes(n),
      id,
    );
    await page.click("#layout-start");
    expect((await status(page)).layout).toBe("running");
    // The worker moves the nodes as soon as its first iterations come back.
    await page.waitForFunction(
      ([n, x, y]) => {
        const a = (window as unknown as Handle).maillage.graph.getNodeAttributes(n as string);
        return a.x !== x || a.y !== y;
      },
      [id, before.x, before.y] as const,
      { timeout: 30_000 },
    );
    await page.click("#layout-stop");
    expect((await status(page)).layout).toBe("stopped");
    const after = await page.evaluate(
      (n) => (window as unknown as Handle).maillage.graph.getNodeAttributes(n),
      id,
    );
    expect([after.x, after.y]).not.toEqual([before.x, before.y]);
    await page.close();
  });

  it("opens on aggregated communities and drills down on click", async () => {
    const page = await open("#v=communities");
    let s = await status(page);
    expect(Number(s.nodes)).toBe(doc.communities.length);
    const p = await page.evaluate(() => {
      const app = (window as unknown as Handle).maillage;
      const data = app.renderer.getNodeDisplayData("c0") as { x: number; y: number };
      return app.renderer.framedGraphToViewport(data);
    });
    const box = (await page.locator("#graph").boundingBox()) as { x: number; y: number };
    await page.mouse.click(box.x + p.x, box.y + p.y);
    await page.waitForFunction(() => document.getElementById("status")?.dataset.view === "force");
    s = await status(page);
    expect(Number(s.nodes)).toBe(doc.communities[0].size);
    await page.close();
  });

  it("shows a readable message for a missing, empty or malformed graph file", async () => {
    const cases: Array<[number, string, RegExp]> = [
      [404, "", /HTTP 404/],
      [200, "", /is empty/],
      [200, "{ not json", /not valid JSON/],
      [200, '{"format":"something-else"}', /not a maillage graph document/],
    ];
    for (const [code, body, message] of cases) {
      const page = await browser.newPage();
      await page.route("**/graph.json", (route) => route.fulfill({ status: code, body }));
      await page.goto(server.url);
      await page.waitForSelector("#message:not([hidden])");
      expect(await page.textContent("#message")).toMatch(message);
      await page.close();
    }
  });
});

describe("self-contained export", () => {
  it("opens from disk without a server", async () => {
    const read = await readNetwork({ nodes: rouen.files.actors, edges: rouen.files.links });
    const html = await vizHtml(read.graph, { appDir, title: "maillage", layoutIterations: 100 });
    expect(html).not.toMatch(/<script[^>]+src=/);
    expect(html).not.toMatch(/<link[^>]+stylesheet/);
    const file = join(tempDir(), "rouen.html");
    writeFileSync(file, html);
    const page = await open("", `file://${file}`);
    const s = await status(page);
    expect(Number(s.nodes)).toBe(doc.nodes.length);
    const shot = decodePng(await page.locator("#graph").screenshot());
    expect(countNonBackground(shot) / (shot.width * shot.height)).toBeGreaterThan(0.02);
    await page.close();
  });

  it("`maillage serve` refuses a non-loopback address without --allow-remote", () => {
    const run = maillage(["serve", "--host", "0.0.0.0", "--port", "0"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/loopback/);
  });
});
