/**
 * A plain 2D canvas layer of a sigma renderer, redrawn after each render: sigma sizes its style, its
 * pixel size follows the viewport and the device pixel ratio here, and `draw` paints in CSS pixels.
 */
import type Sigma from "sigma";

export function addCanvasLayer(
  renderer: Sigma,
  name: string,
  placement: { beforeLayer?: string; afterLayer?: string },
  draw: (ctx: CanvasRenderingContext2D, width: number, height: number) => void,
): void {
  const canvas = renderer.createCanvas(name, placement);
  renderer.on("afterRender", () => {
    const ctx = canvas.getContext("2d");
    if (!ctx) return;
    const { width, height } = renderer.getDimensions();
    const ratio = window.devicePixelRatio || 1;
    if (canvas.width !== Math.round(width * ratio) || canvas.height !== Math.round(height * ratio)) {
      canvas.width = Math.round(width * ratio);
      canvas.height = Math.round(height * ratio);
      canvas.style.width = `${width}px`;
      canvas.style.height = `${height}px`;
    }
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, width, height);
    draw(ctx, width, height);
  });
}
