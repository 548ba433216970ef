/**
 * Commune geography for the commands that draw or aggregate communes (diagnose, networks report): the
 * adjacency file given by the user, or the built-in datasets' geography when it holds every commune
 * of the table.
 */
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { DATASETS } from "../../datasets/index.ts";
import { readCsv } from "../io/csvRead.ts";
import { InputError } from "../io/errors.ts";
import { parseAdjacencyCsv } from "../territory/adjacency.ts";
import type { AdjacencyPair } from "../territory/types.ts";

/** Contiguous commune pairs from a CSV with columns `code_a,code_b`; an unreadable file names itself. */
export function readAdjacency(file: string): AdjacencyPair[] {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message;
    throw new InputError(`${file}: cannot be read (${reason}).`, { file });
  }
  return parseAdjacencyCsv(text, file);
}

/** The geography of a built-in dataset when its boundaries hold every commune of the table. */
export function builtInGeography(communes: readonly string[]) {
  if (communes.length === 0) return null;
  for (const dataset of DATASETS) {
    const geo = dataset.files.geo;
    if (!geo) continue;
    const codes = new Set(readCsv(geo.centroids).records.map((r) => r.cells[0]));
    if (communes.every((c) => codes.has(c)))
      return { label: `${dataset.name} geography (${basename(geo.boundaries)})`, ...geo };
  }
  return null;
}
