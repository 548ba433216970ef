/**
 * Browser benchmark of the visualiser: seeded synthetic networks of 1k, 10k and 100k links rendered
 * in headless chromium (software WebGL: ANGLE on SwiftShader), reporting the time to the first drawn
 * frame and the median / 95th-percentile frame time of a scripted pan and zoom.
 *
 *   npx tsx viz/bench/render.ts [links ...]      (default: 1000 10000 100000)
 *   MAILLAGE_BENCH_VIEWPORT=640x400 npx tsx viz/bench/render.ts 1000
 *
 * Networks: actors in communities of 50; each link joins two actors of one community with
 * probability 0.8, else two random actors; kind supply (market, directed) or information
 * (non-market), drawn from `createRng("viz-bench/<links>")`. Actors = links / 2, at most 10,000.
 */

import { buildNetwork } from "../../engine/model/graph.ts";
import type { Link } from "../../engine/model/types.ts";
import { blankActor, blankLink } from "../../engine/model/types.ts";
import { createRng } from "../../engine/random/prng.ts";
import { launchChromium } from "../../test/viz/browser.ts";
import { ensureBuilt } from "../build.ts";
import { vizDocument } from "../data.ts";
import { serveViz } from "../server.ts";

function syntheticNetwork(links: number) {
  const rng = createRng(`viz-bench/${links}`);
  const n = Math.min(10_000, Math.max(50, Math.round(links / 2)));
  const actors = Array.from({ length: n }, (_, i) => ({
    ...blankActor(`a${i}`, "firm"),
    name: `Firm ${i}`,
    naf: ["25.62A", "46.69B", "49.41A", "62.01Z", "71.12B"][i % 5],
  }));
  const seen = new Set<string>();
  const out: Link[] = [];
  while (out.length < links) {
    const s = Math.floor(rng() * n);
    const t =
      rng() < 0.8 ? Math.min(n - 1, Math.floor(s / 50) * 50 + Math.floor(rng() * 50)) : Math.floor(rng() * n);
    const market = rng() < 0.5;
    const key = `${s}-${t}-${market}`;
    if (s === t || seen.has(key)) continue;
    seen.add(key);
    out.push(blankLink(`a${s}`, `a${t}`, market ? "supply" : "information"));
  }
  return buildNetwork(actors, out);
}

/**
 * The scripted camera, as page source text (tsx would wrap functions written here in `__name` calls
 * the page does not define). Still frames: the camera jumps and sigma draws everything once it rests.
 * Moving frames: animated pans and zooms, timed frame to frame.
 */
const PAN_ZOOM = `(async () => {
  const camera = window.maillage.renderer.getCamera();
  const twoFrames = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  const still = [];
  for (let i = 0; i < 20; i++) {
    const t0 = performance.now();
    camera.setState({ x: 0.5 + 0.1 * Math.cos(i), y: 0.5 + 0.1 * Math.sin(i), ratio: 0.5 + i / 40 });
    await twoFrames();
    still.push((performance.now() - t0) / 2);
  }
  // Sigma's render call, followed by gl.finish() on its contexts. In chromium the WebGL commands run in
  // the GPU process; with SwiftShader this time does not capture the rasterisation, which shows in the
  // frame-to-frame time instead.
  const draws = [];
  let began = 0;
  const renderer = window.maillage.renderer;
  renderer.on("beforeRender", () => { began = performance.now(); });
  renderer.on("afterRender", () => {
    for (const gl of Object.values(renderer.webGLContexts)) gl.finish();
    draws.push(performance.now() - began);
  });
  const moving = [];
  const movedBefore = window.maillage.snapshot.moved;
  let last = performance.now();
  let running = true;
  const tick = (t) => {
    moving.push(t - last);
    last = t;
    if (running) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  await camera.animate({ x: 0.3, y: 0.35, ratio: 0.5 }, { duration: 1500 });
  await camera.animate({ x: 0.7, y: 0.6, ratio: 0.25 }, { duration: 1500 });
  await camera.animate({ x: 0.5, y: 0.5, ratio: 1 }, { duration: 1500 });
  running = false;
  moving.shift();
  draws.sort((a, b) => a - b);
  still.sort((a, b) => a - b);
  moving.sort((a, b) => a - b);
  return { still, moving, draws, moved: window.maillage.snapshot.moved - movedBefore };
})()`;

/** Viewport, `MAILLAGE_BENCH_VIEWPORT=WxH` (default 1280x800): software rasterisation scales with pixels. */
const [width, height] = (process.env.MAILLAGE_BENCH_VIEWPORT ?? "1280x800").split("x").map(Number);
const viewport = { width, height };
const sizes = process.argv.slice(2).map(Number);
const appDir = await ensureBuilt();
const browser = await launchChromium();
const rows: string[] = [];
for (const links of sizes.length ? sizes : [1_000, 10_000, 100_000]) {
  const graph = syntheticNetwork(links);
  const t0 = performance.now();
  const doc = vizDocument(graph, { seed: "bench", layoutIterations: 50 });
  const docSeconds = (performance.now() - t0) / 1000;
  const json = JSON.stringify(doc);
  const server = await serveViz({ appDir, graphJson: json, port: 0 });
  const page = await browser.newPage({ viewport });
  await page.goto(`${server.url}#v=force`);
  await page.waitForSelector("#status[data-ready='1']", { timeout: 600_000 });
  const firstRender = Number(await page.$eval("#status", (e) => (e as HTMLElement).dataset.readyAt));
  const frameMs = Number(await page.$eval("#status", (e) => (e as HTMLElement).dataset.frameMs));
  const frames = (await page.evaluate(PAN_ZOOM)) as {
    still: number[];
    moving: number[];
    draws: number[];
    moved: number;
  };
  const median = (v: number[]) => v[Math.floor(v.length / 2)];
  const shown = (v: number | undefined) => (v === undefined ? "—" : v.toFixed(1));
  const p95 = (v: number[]) => v[Math.floor(v.length * 0.95)];
  rows.push(
    [
      String(links).padStart(7),
      String(graph.order).padStart(7),
      docSeconds.toFixed(1).padStart(7),
      (json.length / 1e6).toFixed(1).padStart(8),
      String(firstRender).padStart(9),
      median(frames.moving).toFixed(1).padStart(11),
      p95(frames.moving).toFixed(1).padStart(8),
      median(frames.still).toFixed(1).padStart(11),
      shown(median(frames.draws)).padStart(12),
      String(frameMs).padStart(9),
      `${frames.moved}/${frames.moving.length}`.padStart(13),
    ].join(" "),
  );
  await page.close();
  await server.close();
}
await browser.close();
process.stdout.write(
  `  links  actors  doc(s)  JSON MB  first ms  moving med  p95 ms  still med  render med  frame ms  moved/frames\n${rows.join("\n")}\n` +
    "(first: navigation to first drawn frame; moving: frame-to-frame time during animated pans and zooms,\n" +
    " the last full frame is moved while the camera moves when a full frame takes over 100 ms; still: a full\n" +
    " frame after a camera jump; render: sigma's render call + gl.finish() while moving, main-thread cost, not\n" +
    " the software rasteriser's; frame ms: the page's own measure of a full frame, waited for;\n" +
    " moved/frames: frames moved as a snapshot rather than drawn, of all frames)\n",
);
