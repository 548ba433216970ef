/**
 * Vite configuration of the visualiser, kept in `viz/` so that vitest (configured at the root) does not
 * pick it up. One JS bundle and one stylesheet, relative URLs: the same build is served by
 * `maillage serve` and inlined into the self-contained page of `maillage export --format html`.
 */
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

const here = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  root: `${here}app`,
  base: "./",
  logLevel: "warn",
  build: {
    outDir: `${here}dist`,
    emptyOutDir: true,
    target: "es2022",
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 2000,
    modulePreload: false,
  },
});
