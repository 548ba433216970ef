/**
 * The self-contained page of `maillage export --format html`: the built page with its script,
 * stylesheet and the document inlined, so the file opens from disk without a server or a network.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { findDataset } from "../datasets/index.ts";
import { InputError } from "../engine/io/errors.ts";
import type { NetworkGraph } from "../engine/model/graph.ts";
import { ensureBuilt } from "./build.ts";
import { type VizDocumentOptions, vizDocument } from "./data.ts";
import type { VizDocument } from "./types.ts";

/** JSON safe inside a `<script>` element: `<` escaped so no `</script>` can close it early. */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

export function selfContainedHtml(appDir: string, doc: VizDocument): string {
  let html = readFileSync(join(appDir, "index.html"), "utf8");
  const script = html.match(/<script type="module"[^>]*src="\.\/([^"]+)"[^>]*><\/script>/);
  const style = html.match(/<link rel="stylesheet"[^>]*href="\.\/([^"]+)"[^>]*>/);
  if (!script) throw new InputError(`${appDir}/index.html: no module script to inline (rebuild the page).`);
  // The bundle never holds "</script" in code position; inside strings "<\/script" is the same text.
  const js = readFileSync(join(appDir, script[1]), "utf8").replace(/<\/script/gi, "<\\/script");
  const data = `<script type="application/json" id="maillage-data">${scriptSafeJson(doc)}</script>`;
  // Function replacers: `$` in the inlined code must not be read as a replacement pattern.
  html = html.replace(script[0], () => `${data}\n<script type="module">${js}</script>`);
  if (style) {
    const css = readFileSync(join(appDir, style[1]), "utf8").replace(/<\/style/gi, "<\\/style");
    html = html.replace(style[0], () => `<style>${css}</style>`);
  }
  return html;
}

/** Commune geometry shipped with the project (département 76), used when no other is given. */
export function defaultGeo(): VizDocumentOptions["geo"] {
  return findDataset("rouen")?.files.geo;
}

/**
 * The self-contained page of a network: builds the document (`vizDocument`, with the shipped commune
 * geometry unless `options.geo` is given) and inlines it with the page, building the page if needed.
 */
export async function vizHtml(
  graph: NetworkGraph,
  options: VizDocumentOptions & { appDir?: string } = {},
): Promise<string> {
  const appDir = await ensureBuilt(options.appDir);
  return selfContainedHtml(appDir, vizDocument(graph, { geo: defaultGeo(), ...options }));
}
