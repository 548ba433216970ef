/**
 * Membership overlap between every pair of registered networks at asOf, one row per unordered pair in
 * registry order (a matrix-friendly list: row i, column j > i). For member sets A and B at asOf:
 * `shared` = |A ∩ B|; `jaccard` = |A ∩ B| / |A ∪ B| (null when both are empty); `overlap` (overlap or
 * Szymkiewicz–Simpson coefficient) = |A ∩ B| / min(|A|, |B|) (null when either is empty: 1 would
 * mean the small network lies inside the large one).
 */
import { type Measured, measured } from "./context.ts";

export interface OverlapPair {
  a: string;
  b: string;
  sizeA: number;
  sizeB: number;
  shared: number;
  jaccard: Measured;
  overlap: Measured;
}

/** Jaccard index and overlap coefficient of two sets. */
export function setOverlap(
  a: ReadonlySet<string>,
  b: ReadonlySet<string>,
): { shared: string[]; jaccard: Measured; overlap: Measured } {
  const shared = [...a].filter((x) => b.has(x));
  const union = a.size + b.size - shared.length;
  return {
    shared,
    jaccard: measured(union > 0 ? shared.length / union : null, "both sets are empty"),
    overlap: measured(
      Math.min(a.size, b.size) > 0 ? shared.length / Math.min(a.size, b.size) : null,
      "one set is empty",
    ),
  };
}

/** Every unordered pair of networks, in the order of `order` (the registry order). */
export function membershipOverlap(
  order: readonly string[],
  memberSets: ReadonlyMap<string, ReadonlySet<string>>,
): OverlapPair[] {
  const pairs: OverlapPair[] = [];
  const empty = new Set<string>();
  for (let i = 0; i < order.length; i++)
    for (let j = i + 1; j < order.length; j++) {
      const a = memberSets.get(order[i]) ?? empty;
      const b = memberSets.get(order[j]) ?? empty;
      const { shared, jaccard, overlap } = setOverlap(a, b);
      pairs.push({
        a: order[i],
        b: order[j],
        sizeA: a.size,
        sizeB: b.size,
        shared: shared.length,
        jaccard,
        overlap,
      });
    }
  return pairs;
}
