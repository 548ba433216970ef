/**
 * Moving the last full frame instead of redrawing while the camera moves. Drawing tens of thousands of
 * links and nodes takes a software WebGL rasteriser (SwiftShader, what a machine without a GPU uses)
 * a second or more, and 10,000 node discs alone about 0.4 s; a pan or a zoom then freezes the page.
 * While the camera is animated, dragged or wheeled, the render call draws nothing: the layers keep the
 * image drawn at rest and a CSS transform moves and scales them to follow the camera (what map viewers
 * do with their tiles), which costs the compositor alone. When the camera rests, the graph is drawn
 * again at full quality. Parts that enter the view while moving stay blank until then, and a zoom-in is
 * blurred until then: the price of keeping the motion fluid.
 *
 * Whether it is worth it is measured, not assumed from the graph's size: `measure()` draws one full frame
 * and waits for the rasteriser to finish it (a one-pixel read of each WebGL layer); above
 * `FRAME_BUDGET_MS` the page moves snapshots. On a machine with a GPU a graph of 100,000 links draws
 * in a few milliseconds and keeps being drawn while moving.
 *
 * The transform is exact for pans and zooms (an affine map of the viewport, read from sigma's own
 * framedGraphToViewport under the rest and current cameras); the page never rotates the camera.
 */
import type Sigma from "sigma";
import type { CameraState } from "sigma/types";

/** How long after the last skipped frame a full frame is drawn anyway, should no render follow. */
const SETTLE_MS = 150;

/** A full frame slower than this (10 frames a second) is moved rather than drawn while the camera moves. */
export const FRAME_BUDGET_MS = 100;

export interface MovingSnapshot {
  /** Frames moved rather than drawn since the page opened (for tests and the benchmark). */
  readonly moved: number;
  /** Milliseconds of the last measured full frame (null before `measure`). */
  readonly frameMs: number | null;
  /** Whether moving frames are snapshots (the measured frame was over budget). */
  readonly active: boolean;
  /** The budget a full frame is compared with (default `FRAME_BUDGET_MS`; 0 moves snapshots always). */
  budgetMs: number;
  /** Draw one full frame, wait for it, and decide. */
  measure(): number;
}

export function moveSnapshotWhileMoving(renderer: Sigma, enabled: () => boolean): MovingSnapshot {
  const state = { moved: 0, frameMs: null as number | null, budgetMs: FRAME_BUDGET_MS };
  // Sigma has no hook to skip a frame: its (private) render method is wrapped, and a skipped frame
  // releases the scheduled frame as sigma's render does, so that the next camera update schedules one.
  const open = renderer as unknown as {
    render: () => Sigma;
    renderFrame: number | null;
    webGLContexts: Record<string, WebGLRenderingContext>;
  };
  const draw = open.render.bind(renderer);
  const container = renderer.getContainer();
  let rest: CameraState | null = null;
  let settle: number | undefined;

  const layers = () => container.querySelectorAll<HTMLCanvasElement>("canvas");
  const setTransform = (value: string) => {
    for (const canvas of layers()) {
      canvas.style.transformOrigin = "0 0";
      canvas.style.transform = value;
    }
  };
  const moving = () => {
    const captor = renderer.getMouseCaptor();
    return (
      renderer.getCamera().isAnimated() ||
      captor.isMoving ||
      captor.draggedEvents > 0 ||
      captor.currentWheelDirection !== 0
    );
  };

  open.render = () => {
    if (rest && active() && moving()) {
      if (open.renderFrame) {
        cancelAnimationFrame(open.renderFrame);
        open.renderFrame = null;
      }
      const now = renderer.getCamera().getState();
      const at = (cameraState: CameraState, p: { x: number; y: number }) =>
        renderer.framedGraphToViewport(p, { cameraState });
      const a0 = at(rest, { x: 0, y: 0 });
      const b0 = at(rest, { x: 1, y: 1 });
      const a1 = at(now, { x: 0, y: 0 });
      const b1 = at(now, { x: 1, y: 1 });
      const scale = (b1.x - a1.x) / (b0.x - a0.x);
      setTransform(`translate(${a1.x - scale * a0.x}px, ${a1.y - scale * a0.y}px) scale(${scale})`);
      state.moved++;
      window.clearTimeout(settle);
      settle = window.setTimeout(() => renderer.scheduleRender(), SETTLE_MS);
      return renderer;
    }
    window.clearTimeout(settle);
    setTransform("");
    draw();
    rest = renderer.getCamera().getState();
    return renderer;
  };
  const active = () => state.frameMs !== null && state.frameMs > state.budgetMs && enabled();
  return {
    get moved() {
      return state.moved;
    },
    get frameMs() {
      return state.frameMs;
    },
    get active() {
      return active();
    },
    get budgetMs() {
      return state.budgetMs;
    },
    set budgetMs(ms: number) {
      state.budgetMs = ms;
    },
    measure() {
      const pixel = new Uint8Array(4);
      const t0 = performance.now();
      open.render();
      for (const gl of Object.values(open.webGLContexts))
        gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, pixel);
      state.frameMs = performance.now() - t0;
      return state.frameMs;
    },
  };
}
