/**
 * Building the page with vite (programmatically, with `vite.config.ts` of this folder) and finding a
 * build that is up to date: newer than every source file of the app.
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const VIZ_DIR = fileURLToPath(new URL(".", import.meta.url));
export const APP_DIR = join(VIZ_DIR, "app");
export const DEFAULT_DIST = join(VIZ_DIR, "dist");

function newestSource(): number {
  let newest = statSync(join(VIZ_DIR, "types.ts")).mtimeMs;
  newest = Math.max(newest, statSync(join(VIZ_DIR, "vite.config.ts")).mtimeMs);
  for (const name of readdirSync(APP_DIR)) newest = Math.max(newest, statSync(join(APP_DIR, name)).mtimeMs);
  return newest;
}

/** True when `outDir` holds a build newer than the app's sources. */
export function isBuilt(outDir = DEFAULT_DIST): boolean {
  const index = join(outDir, "index.html");
  return existsSync(index) && statSync(index).mtimeMs >= newestSource();
}

/** Build the page into `outDir` (default `viz/dist/`); returns the folder. */
export async function buildApp(outDir = DEFAULT_DIST): Promise<string> {
  const { build } = await import("vite");
  await build({
    configFile: join(VIZ_DIR, "vite.config.ts"),
    build: { outDir, emptyOutDir: true },
    logLevel: "error",
  });
  return outDir;
}

/** The built page's folder, building it first when missing or older than the sources. */
export async function ensureBuilt(outDir = DEFAULT_DIST): Promise<string> {
  if (!isBuilt(outDir)) await buildApp(outDir);
  return outDir;
}
