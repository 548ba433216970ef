/**
 * Labels without overlaps. Sigma draws every label its grid selects plus every forced one, on top of
 * each other; here the priority actors (the selection, then the leaders by rank) claim their label
 * boxes first, greedily, and any other label is drawn only where it overlaps nothing already claimed.
 */
import type Sigma from "sigma";
import { drawDiscNodeLabel } from "sigma/rendering";
import type { NodeDisplayData } from "sigma/types";

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

const overlaps = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

export interface LabelDeclutter {
  /** Labels drawn in the last frame (for the SVG export). */
  readonly shown: Set<string>;
}

/**
 * Install the drawer. `priority()` lists the actors whose label is forced, best first; a forced
 * label that would overlap a better one is left out.
 */
export function declutterLabels(renderer: Sigma, priority: () => readonly string[]): LabelDeclutter {
  const shown = new Set<string>();
  const drawn: Box[] = [];
  let reserved: Map<string, Box> | null = null;
  const measure = document.createElement("canvas").getContext("2d") as CanvasRenderingContext2D;

  const boxOf = (ctx: CanvasRenderingContext2D, label: string, x: number, y: number, r: number): Box => {
    const { labelSize, labelFont, labelWeight } = renderer.getSettings();
    ctx.font = `${labelWeight} ${labelSize}px ${labelFont}`;
    // A little margin so neighbouring labels do not touch.
    return { x: x + r + 2, y: y - labelSize * 0.75, w: ctx.measureText(label).width + 4, h: labelSize * 1.1 };
  };

  const reserve = (): Map<string, Box> => {
    const claimed = new Map<string, Box>();
    const { width, height } = renderer.getDimensions();
    for (const node of priority()) {
      const data = renderer.getNodeDisplayData(node);
      if (!data || data.hidden || !data.label) continue;
      const p = renderer.framedGraphToViewport(data);
      if (p.x < -200 || p.y < -20 || p.x > width + 20 || p.y > height + 20) continue;
      const box = boxOf(measure, data.label, p.x, p.y, renderer.scaleSize(data.size));
      if ([...claimed.values()].some((b) => overlaps(b, box))) continue;
      claimed.set(node, box);
    }
    return claimed;
  };

  renderer.on("beforeRender", () => {
    reserved = null;
    drawn.length = 0;
    shown.clear();
  });
  renderer.setSetting("defaultDrawNodeLabel", (context, data, settings) => {
    if (!data.label) return;
    reserved ??= reserve();
    const key = (data as NodeDisplayData & { key: string }).key;
    const own = reserved.get(key);
    if (!own) {
      if (data.forceLabel) return; // a forced label that lost to a better one
      const box = boxOf(context, data.label, data.x, data.y, data.size);
      if (drawn.some((b) => overlaps(b, box))) return;
      for (const b of reserved.values()) if (overlaps(b, box)) return;
      drawn.push(box);
    }
    shown.add(key);
    drawDiscNodeLabel(context, data, settings);
  });
  return { shown };
}
