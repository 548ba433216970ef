/**
 * The report in a real browser: headless Debian chromium (installed by `test/setup/ensure-chromium.sh`)
 * opens report.html from disk with the network disabled, and the screenshots of the page and of the
 * first map must not be blank. Pixels are counted in the browser itself (a canvas), so the test needs
 * no image library.
 */
import { existsSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runDiagnose } from "../../engine/cli/commands/diagnose.ts";
import { tempDir } from "../helpers.ts";

const CHROMIUM = "/usr/bin/chromium";
const ARGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
];

interface PixelCounts {
  total: number;
  /** Pixels darker or more coloured than near-white. */
  ink: number;
  /** Clearly coloured pixels (channels differ by more than 60): the map fills and plot lines. */
  colour: number;
}

async function countPixels(browser: Browser, png: Buffer): Promise<PixelCounts> {
  const page = await browser.newPage();
  try {
    return await page.evaluate(
      async (src) => {
        const img = new Image();
        img.src = src;
        await img.decode();
        const canvas = document.createElement("canvas");
        canvas.width = img.width;
        canvas.height = img.height;
        const ctx = canvas.getContext("2d");
        if (!ctx) throw new Error("no 2d context");
        ctx.drawImage(img, 0, 0);
        const data = ctx.getImageData(0, 0, img.width, img.height).data;
        let ink = 0;
        let colour = 0;
        for (let i = 0; i < data.length; i += 4) {
          const [r, g, b] = [data[i], data[i + 1], data[i + 2]];
          if (r < 235 || g < 235 || b < 235) ink++;
          if (Math.max(r, g, b) - Math.min(r, g, b) > 60) colour++;
        }
        return { total: data.length / 4, ink, colour };
      },
      `data:image/png;base64,${png.toString("base64")}`,
    );
  } finally {
    await page.close();
  }
}

describe("report.html in headless chromium", () => {
  let browser: Browser;
  let report: string;
  const errors: string[] = [];
  const requests: string[] = [];

  beforeAll(async () => {
    if (!existsSync(CHROMIUM))
      throw new Error(
        `${CHROMIUM} is missing: run "sh test/setup/ensure-chromium.sh" (npm test does) first.`,
      );
    const out = tempDir();
    report = (await runDiagnose({ out, level: "subclass", json: true })).report;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it("renders a page that is not blank, with coloured maps, and asks for nothing over the network", async () => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 1600 } });
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("request", (r) => {
      if (!r.url().startsWith("file:") && !r.url().startsWith("data:")) requests.push(r.url());
    });
    await page.goto(`file://${report}`, { waitUntil: "load" });
    const shot = await page.screenshot({ fullPage: false });
    writeFileSync(join(tmpdir(), "maillage-report-screenshot.png"), shot);
    const pageCounts = await countPixels(browser, shot);
    expect(pageCounts.ink / pageCounts.total).toBeGreaterThan(0.03);

    const map = page.locator("figure.map").first();
    await map.scrollIntoViewIfNeeded();
    const mapShot = await map.screenshot();
    writeFileSync(join(tmpdir(), "maillage-report-map.png"), mapShot);
    const mapCounts = await countPixels(browser, mapShot);
    // Grey communes outside the zone, hatching, coloured communes and outlines: far from blank.
    expect(mapCounts.ink / mapCounts.total).toBeGreaterThan(0.2);
    expect(mapCounts.colour).toBeGreaterThan(500);

    // The table sorts when a header is clicked (the inline script runs).
    const firstJobs = () =>
      page.locator("table#candidates-table tbody tr:first-child td").nth(0).textContent();
    const before = await firstJobs();
    await page.locator("table#candidates-table thead th").first().locator("button").click();
    expect(await firstJobs()).not.toBe(before);

    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    await page.close();
  });
});
