/**
 * Variation of information between two partitions (Meilă 2007): VI = H(A) + H(B) − 2 I(A;B), natural
 * logarithm, in [0, ln n]; 0 when both are the same grouping. A distance (symmetric, triangle
 * inequality). Equals igraph's `compare_communities(a, b, method="vi")`; checked to 1e-9 in
 * test/fixtures/community.
 */
import { partitionInformation } from "./contingency.ts";
import type { Labelling } from "./partition.ts";

export function variationOfInformation(a: Labelling, b: Labelling): number {
  const { entropyA, entropyB, mutual } = partitionInformation(a, b);
  return Math.max(0, entropyA + entropyB - 2 * mutual);
}
