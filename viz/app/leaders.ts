/**
 * Opinion leaders drawn as rings around their disc, on a canvas layer above the nodes: the role reads
 * from the ring's pattern rather than its colour, so it stays legible whatever the colour encoding.
 * Broker: dashed ring; hub: solid ring; broker and hub: double ring. A pivot firm (engine/classify)
 * gets a thick red ring outside those.
 */
import type Sigma from "sigma";
import type { LeaderRole } from "../types.ts";
import { addCanvasLayer } from "./canvasLayer.ts";

export const RING_COLOR = "#1b1b1b";
export const PIVOT_COLOR = "#c2185b";
const GAP = 2.5;
const PIVOT_GAP = 10;

/** The pivot's ring around (x, y) with the disc's radius r (pixels). */
export function drawPivotRing(ctx: CanvasRenderingContext2D, x: number, y: number, r: number) {
  ctx.strokeStyle = PIVOT_COLOR;
  ctx.lineWidth = 2.5;
  ctx.setLineDash([]);
  ctx.beginPath();
  ctx.arc(x, y, r + PIVOT_GAP, 0, 2 * Math.PI);
  ctx.stroke();
}

export function pivotRingSvg(x: number, y: number, r: number): string {
  return `<circle class="pivot-ring" cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="${(r + PIVOT_GAP).toFixed(1)}" fill="none" stroke="${PIVOT_COLOR}" stroke-width="2.5"/>`;
}

export function pivotSample(): string {
  return `<svg width="22" height="18" viewBox="0 0 22 18" aria-hidden="true"><circle cx="11" cy="9" r="3.5" fill="#9a9a9a"/><circle cx="11" cy="9" r="7" fill="none" stroke="${PIVOT_COLOR}" stroke-width="2.5"/></svg>`;
}

/** Draw one ring of the role's pattern around (x, y) with the disc's radius r (pixels). */
export function drawRing(ctx: CanvasRenderingContext2D, x: number, y: number, r: number, role: LeaderRole) {
  ctx.strokeStyle = RING_COLOR;
  ctx.lineWidth = 1.8;
  ctx.setLineDash(role === "broker" ? [3, 2.5] : []);
  ctx.beginPath();
  ctx.arc(x, y, r + GAP, 0, 2 * Math.PI);
  ctx.stroke();
  if (role === "broker_hub") {
    ctx.beginPath();
    ctx.arc(x, y, r + GAP + 3, 0, 2 * Math.PI);
    ctx.stroke();
  }
  ctx.setLineDash([]);
}

/** The same ring as SVG. */
export function ringSvg(x: number, y: number, r: number, role: LeaderRole): string {
  const dash = role === "broker" ? ' stroke-dasharray="3 2.5"' : "";
  const ring = (radius: number) =>
    `<circle class="leader-ring" cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="${radius.toFixed(1)}" fill="none" stroke="${RING_COLOR}" stroke-width="1.8"${dash}/>`;
  return role === "broker_hub" ? ring(r + GAP) + ring(r + GAP + 3) : ring(r + GAP);
}

/** A small legend sample of the ring (inline SVG). */
export function ringSample(role: LeaderRole): string {
  return `<svg width="22" height="18" viewBox="0 0 22 18" aria-hidden="true"><circle cx="11" cy="9" r="3.5" fill="#9a9a9a"/>${ringSvg(11, 9, role === "broker_hub" ? 1.2 : 2.5, role)}</svg>`;
}

/**
 * Rings around the visible leaders and pivots after each render. `roleOf` gives a node's role when it
 * is a highlighted leader and shown, else null; `pivotShown` whether it is a pivot shown.
 */
export function addLeaderLayer(
  renderer: Sigma,
  roleOf: (node: string) => LeaderRole | null,
  pivotShown: (node: string) => boolean = () => false,
): void {
  addCanvasLayer(renderer, "leaders", { afterLayer: "nodes" }, (ctx, width, height) => {
    renderer.getGraph().forEachNode((node) => {
      const role = roleOf(node);
      const pivot = pivotShown(node);
      if (role === null && !pivot) return;
      const data = renderer.getNodeDisplayData(node);
      if (!data || data.hidden) return;
      const p = renderer.framedGraphToViewport(data);
      if (p.x < -40 || p.y < -40 || p.x > width + 40 || p.y > height + 40) return;
      const r = renderer.scaleSize(data.size);
      if (role !== null) drawRing(ctx, p.x, p.y, r, role);
      if (pivot) drawPivotRing(ctx, p.x, p.y, r);
    });
  });
}
