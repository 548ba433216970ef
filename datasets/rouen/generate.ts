/**
 * Generates the synthetic part of the `rouen` dataset on top of its real files. Run from the
 * repository root:
 *
 *   npx tsx datasets/rouen/generate.ts [--seed SEED] [--out DIR]
 *
 * It reads `establishments/` and `geo/` in this folder and writes actors.csv, links.csv,
 * contacts/contacts.csv, contacts/interactions.csv, networks/registry.csv, networks/actions.csv and
 * truth.json to DIR (default: this folder).
 * A given seed gives byte-identical files (the tests regenerate them into a temporary folder and
 * compare); the committed files use the default seed of `generate/config.ts`.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { DEFAULT_SEED } from "./generate/config.ts";
import { GENERATED_FILES, type GeneratedFiles, generateRouenDataset } from "./generate/dataset.ts";

export const DATASET_DIR = fileURLToPath(new URL(".", import.meta.url));
export const REAL_INPUTS = {
  establishments: join(DATASET_DIR, "establishments", "urssaf_commune_ape_2006_2022_rouen.csv"),
  adjacency: join(DATASET_DIR, "geo", "communes_76_adjacency.csv"),
} as const;

/** Generate from the real files of this folder and write the result into `outDir`. */
export function writeRouenDataset(outDir: string = DATASET_DIR, seed: string = DEFAULT_SEED): GeneratedFiles {
  const files = generateRouenDataset(
    {
      establishments: readFileSync(REAL_INPUTS.establishments, "utf8"),
      adjacency: readFileSync(REAL_INPUTS.adjacency, "utf8"),
    },
    seed,
  );
  for (const rel of Object.values(GENERATED_FILES)) {
    const path = join(outDir, rel);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, files[rel]);
  }
  return files;
}

function usage(): never {
  process.stderr.write("usage: npx tsx datasets/rouen/generate.ts [--seed SEED] [--out DIR]\n");
  process.exit(2);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const args = process.argv.slice(2);
  let seed = DEFAULT_SEED;
  let out = DATASET_DIR;
  for (let i = 0; i < args.length; i++) {
    const value = args[i + 1];
    if (args[i] === "--seed" && value) seed = value;
    else if (args[i] === "--out" && value) out = resolve(value);
    else usage();
    i++;
  }
  writeRouenDataset(out, seed);
  process.stderr.write(`rouen dataset generated with seed "${seed}" in ${out}\n`);
}
