/**
 * Closeness of two communes: the same INSEE code, or adjacent in a contiguity table (pairs of codes,
 * as `parseAdjacencyCsv` in `engine/territory/adjacency.ts` reads `communes_76_adjacency.csv`).
 * Codes are compared as given (no vintage mapping: actors and table should use the same vintage).
 */
export type Proximity = "same_commune" | "adjacent";

export interface CommunePair {
  a: string;
  b: string;
}

export function adjacencySets(pairs: Iterable<CommunePair>): Map<string, Set<string>> {
  const sets = new Map<string, Set<string>>();
  const add = (x: string, y: string) => {
    let s = sets.get(x);
    if (!s) {
      s = new Set();
      sets.set(x, s);
    }
    s.add(y);
  };
  for (const { a, b } of pairs) {
    if (a === b) continue;
    add(a, b);
    add(b, a);
  }
  return sets;
}

export function communeProximity(
  a: string | null,
  b: string | null,
  adjacency: ReadonlyMap<string, ReadonlySet<string>>,
): Proximity | null {
  if (!a || !b) return null;
  if (a === b) return "same_commune";
  return adjacency.get(a)?.has(b) ? "adjacent" : null;
}
