/** Commune outlines drawn on a canvas layer under the links, in the geographic view only. */
import type Sigma from "sigma";
import type { VizOutline } from "../types.ts";
import { addCanvasLayer } from "./canvasLayer.ts";

export const OUTLINE_FILL = "#f1efe9";
export const OUTLINE_STROKE = "#cfc9bb";

export function addOutlineLayer(
  renderer: Sigma,
  outlines: readonly VizOutline[],
  shown: () => boolean,
): void {
  addCanvasLayer(renderer, "outlines", { beforeLayer: "edges" }, (ctx) => {
    if (shown()) drawOutlines(ctx, renderer, outlines);
  });
}

export function drawOutlines(
  ctx: CanvasRenderingContext2D,
  renderer: Sigma,
  outlines: readonly VizOutline[],
) {
  ctx.fillStyle = OUTLINE_FILL;
  ctx.strokeStyle = OUTLINE_STROKE;
  ctx.lineWidth = 1;
  for (const outline of outlines) {
    ctx.beginPath();
    for (const ring of outline.rings) {
      ring.forEach(([x, y], i) => {
        const p = renderer.graphToViewport({ x, y });
        if (i === 0) ctx.moveTo(p.x, p.y);
        else ctx.lineTo(p.x, p.y);
      });
      ctx.closePath();
    }
    ctx.fill("evenodd");
    ctx.stroke();
  }
}

/** The outlines as SVG paths in viewport coordinates. */
export function outlinesSvg(renderer: Sigma, outlines: readonly VizOutline[]): string {
  return outlines
    .map((outline) => {
      const d = outline.rings
        .map(
          (ring) =>
            `M${ring
              .map(([x, y]) => {
                const p = renderer.graphToViewport({ x, y });
                return `${p.x.toFixed(1)},${p.y.toFixed(1)}`;
              })
              .join("L")}Z`,
        )
        .join("");
      return `<path d="${d}" fill="${OUTLINE_FILL}" stroke="${OUTLINE_STROKE}" fill-rule="evenodd"/>`;
    })
    .join("\n");
}
