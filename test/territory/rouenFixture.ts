/** The Rouen URSSAF table imported once into an in-memory store, and the diagnostic run on it. */
import { readFileSync } from "node:fs";
import { findDataset } from "../../datasets/index.ts";
import { importEstablishments, openStore, type Store } from "../../engine/store/index.ts";
import {
  type DiagnosticOptions,
  type DiagnosticResult,
  parseAdjacencyCsv,
  territorialDiagnostic,
} from "../../engine/territory/index.ts";

const found = findDataset("rouen");
if (!found) throw new Error("the built-in rouen dataset is missing");
export const rouen = found;

export function rouenAdjacency() {
  const file = rouen.files.geo?.adjacency as string;
  return parseAdjacencyCsv(readFileSync(file, "utf8"), file);
}

export async function rouenStore(): Promise<Store> {
  const store = await openStore();
  await importEstablishments(store, rouen.files.establishments as string);
  return store;
}

export async function rouenDiagnostic(
  options: DiagnosticOptions = {},
): Promise<{ store: Store; result: DiagnosticResult }> {
  const store = await rouenStore();
  const result = await territorialDiagnostic(store, { adjacency: rouenAdjacency(), ...options });
  return { store, result };
}
