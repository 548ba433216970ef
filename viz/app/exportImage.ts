/**
 * PNG and SVG of the current view. PNG: sigma's layers (WebGL and 2D canvases, drawn right after a
 * synchronous render, while the WebGL buffers still hold the frame) composed on a white canvas. SVG:
 * the visible links, actors and displayed labels redrawn as vector shapes at their viewport places.
 */
import type Sigma from "sigma";
import type { LeaderRole, VizOutline } from "../types.ts";
import { BACKGROUND } from "./encodings.ts";
import { pivotRingSvg, ringSvg } from "./leaders.ts";
import { outlinesSvg } from "./outlines.ts";

export function viewToPngCanvas(renderer: Sigma): HTMLCanvasElement {
  renderer.refresh();
  const { width, height } = renderer.getDimensions();
  const ratio = window.devicePixelRatio || 1;
  const out = document.createElement("canvas");
  out.width = Math.round(width * ratio);
  out.height = Math.round(height * ratio);
  const ctx = out.getContext("2d") as CanvasRenderingContext2D;
  ctx.fillStyle = BACKGROUND;
  ctx.fillRect(0, 0, out.width, out.height);
  for (const canvas of renderer.getContainer().querySelectorAll("canvas"))
    ctx.drawImage(canvas, 0, 0, out.width, out.height);
  return out;
}

export function viewToPngBlob(renderer: Sigma): Promise<Blob> {
  const canvas = viewToPngCanvas(renderer);
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("PNG encoding failed"))), "image/png"),
  );
}

const escapeXml = (s: string) =>
  s.replace(/[<>&"]/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;" })[c] as string);

export function viewToSvg(
  renderer: Sigma,
  outlines: readonly VizOutline[] | null,
  leaderRole: (node: string) => LeaderRole | null = () => null,
  shownLabels?: ReadonlySet<string>,
  pivotShown: (node: string) => boolean = () => false,
): string {
  const { width, height } = renderer.getDimensions();
  const graph = renderer.getGraph();
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<rect width="100%" height="100%" fill="${BACKGROUND}"/>`,
  ];
  if (outlines) parts.push(outlinesSvg(renderer, outlines));
  const markers = new Map<string, string>();
  const edges: string[] = [];
  graph.forEachEdge((edge, _a, source, target) => {
    const data = renderer.getEdgeDisplayData(edge);
    const s = renderer.getNodeDisplayData(source);
    const t = renderer.getNodeDisplayData(target);
    if (!data || data.hidden || !s || !t || s.hidden || t.hidden) return;
    const p = renderer.framedGraphToViewport(s);
    const q = renderer.framedGraphToViewport(t);
    let marker = "";
    if (data.type === "arrow") {
      const id = `arrow${markers.size}`;
      if (!markers.has(data.color)) markers.set(data.color, id);
      marker = ` marker-end="url(#${markers.get(data.color)})"`;
    }
    edges.push(
      `<line x1="${p.x.toFixed(1)}" y1="${p.y.toFixed(1)}" x2="${q.x.toFixed(1)}" y2="${q.y.toFixed(1)}" stroke="${data.color}" stroke-width="${Math.max(0.5, renderer.scaleSize(data.size)).toFixed(1)}"${marker}/>`,
    );
  });
  parts.push(
    "<defs>",
    ...[...markers].map(
      ([color, id]) =>
        `<marker id="${id}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="6" markerHeight="6" orient="auto"><path d="M0,0L10,5L0,10z" fill="${color}"/></marker>`,
    ),
    "</defs>",
    ...edges,
  );
  const labels = shownLabels ?? new Set(renderer.getNodeDisplayedLabels());
  const texts: string[] = [];
  graph.forEachNode((node) => {
    const data = renderer.getNodeDisplayData(node);
    if (!data || data.hidden) return;
    const p = renderer.framedGraphToViewport(data);
    const r = renderer.scaleSize(data.size);
    parts.push(
      `<circle cx="${p.x.toFixed(1)}" cy="${p.y.toFixed(1)}" r="${r.toFixed(1)}" fill="${data.color}"/>`,
    );
    const role = leaderRole(node);
    if (role) parts.push(ringSvg(p.x, p.y, r, role));
    if (pivotShown(node)) parts.push(pivotRingSvg(p.x, p.y, r));
    if (labels.has(node) && data.label)
      texts.push(
        `<text x="${(p.x + r + 3).toFixed(1)}" y="${(p.y + 4).toFixed(1)}" font-family="sans-serif" font-size="12">${escapeXml(data.label)}</text>`,
      );
  });
  parts.push(...texts, "</svg>");
  return parts.join("\n");
}

export function download(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
