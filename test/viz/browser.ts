/**
 * Browser-test helpers: Debian's chromium driven by playwright-core with software WebGL (ANGLE on
 * SwiftShader), the page served from a fresh build, and a small PNG decoder to count pixels.
 */
import { inflateSync } from "node:zlib";
import { type Browser, chromium } from "playwright-core";
import { buildApp } from "../../viz/build.ts";
import { tempDir } from "../helpers.ts";

export const CHROMIUM = process.env.MAILLAGE_CHROMIUM ?? "/usr/bin/chromium";

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--use-angle=swiftshader",
      "--enable-unsafe-swiftshader",
      "--no-sandbox",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
    ],
  });
}

/** Build the page into a fresh temporary folder (tests never share or touch `viz/dist/`). */
export function buildTestApp(): Promise<string> {
  return buildApp(tempDir("maillage-viz-"));
}

export interface Image {
  width: number;
  height: number;
  /** RGBA, 4 bytes per pixel. */
  data: Uint8Array;
}

/** Decode an 8-bit, non-interlaced PNG (grey, RGB, RGBA, grey+alpha): what chromium writes. */
export function decodePng(png: Uint8Array): Image {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const signature = [137, 80, 78, 71, 13, 10, 26, 10];
  if (!signature.every((b, i) => png[i] === b)) throw new Error("not a PNG file");
  let offset = 8;
  let width = 0;
  let height = 0;
  let colorType = 0;
  const idat: Uint8Array[] = [];
  while (offset < png.length) {
    const length = view.getUint32(offset);
    const type = String.fromCharCode(...png.subarray(offset + 4, offset + 8));
    const body = png.subarray(offset + 8, offset + 8 + length);
    if (type === "IHDR") {
      width = view.getUint32(offset + 8);
      height = view.getUint32(offset + 12);
      if (body[8] !== 8 || body[12] !== 0) throw new Error("only 8-bit non-interlaced PNG is decoded here");
      colorType = body[9];
    } else if (type === "IDAT") idat.push(body);
    else if (type === "IEND") break;
    offset += 12 + length;
  }
  const channels = { 0: 1, 2: 3, 4: 2, 6: 4 }[colorType];
  if (!channels) throw new Error(`PNG colour type ${colorType} is not decoded here`);
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const pixels = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const out = pixels.subarray(y * stride, (y + 1) * stride);
    const prev = y > 0 ? pixels.subarray((y - 1) * stride, y * stride) : new Uint8Array(stride);
    for (let i = 0; i < stride; i++) {
      const a = i >= channels ? out[i - channels] : 0;
      const b = prev[i];
      const c = i >= channels ? prev[i - channels] : 0;
      let v = line[i];
      if (filter === 1) v += a;
      else if (filter === 2) v += b;
      else if (filter === 3) v += (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      out[i] = v & 0xff;
    }
  }
  const data = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    const px = pixels.subarray(i * channels, (i + 1) * channels);
    const [r, g, b, alpha] =
      channels === 1
        ? [px[0], px[0], px[0], 255]
        : channels === 2
          ? [px[0], px[0], px[0], px[1]]
          : channels === 3
            ? [px[0], px[1], px[2], 255]
            : [px[0], px[1], px[2], px[3]];
    data.set([r, g, b, alpha], i * 4);
  }
  return { width, height, data };
}

/** Pixels whose colour differs from the background by more than `tolerance` in some channel. */
export function countNonBackground(
  image: Image,
  background: [number, number, number] = [255, 255, 255],
  tolerance = 24,
): number {
  let n = 0;
  for (let i = 0; i < image.width * image.height; i++) {
    const d = image.data.subarray(i * 4, i * 4 + 3);
    if (
      Math.abs(d[0] - background[0]) > tolerance ||
      Math.abs(d[1] - background[1]) > tolerance ||
      Math.abs(d[2] - background[2]) > tolerance
    )
      n++;
  }
  return n;
}
