/**
 * Commune contiguity as the aggregation takes it: pairs of INSEE codes. `parseAdjacencyCsv` reads the
 * text of a CSV with columns `code_a,code_b` (any further column ignored), as shipped in
 * `datasets/rouen/geo/communes_76_adjacency.csv`; the caller reads the file. A malformed line is an
 * `InputError` naming the file, the line and the field.
 */
import { InputError } from "../io/errors.ts";
import { normalizeCommune } from "../model/commune.ts";
import type { AdjacencyPair } from "./types.ts";

export function parseAdjacencyCsv(text: string, file: string): AdjacencyPair[] {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  const header = (lines[0] ?? "").split(",").map((h) => h.trim().toLowerCase());
  const ia = header.indexOf("code_a");
  const ib = header.indexOf("code_b");
  if (ia < 0 || ib < 0)
    throw new InputError(`${file}: line 1: the adjacency table needs columns code_a and code_b`, {
      file,
      line: 1,
      field: ia < 0 ? "code_a" : "code_b",
    });
  const pairs: AdjacencyPair[] = [];
  for (let i = 1; i < lines.length; i++) {
    if (lines[i].trim() === "") continue;
    const cells = lines[i].split(",");
    const ends: string[] = [];
    for (const [index, field] of [
      [ia, "code_a"],
      [ib, "code_b"],
    ] as const) {
      const code = normalizeCommune(cells[index] ?? "");
      if (!code)
        throw new InputError(
          `${file}: line ${i + 1}: ${field} "${cells[index] ?? ""}" is not an INSEE commune code`,
          {
            file,
            line: i + 1,
            field,
          },
        );
      ends.push(code);
    }
    pairs.push({ a: ends[0], b: ends[1] });
  }
  return pairs;
}
