/**
 * Normalised mutual information of two partitions, arithmetic normalisation (Danon et al. 2005):
 * NMI = 2 I(A;B) / (H(A) + H(B)), in [0, 1]; 1 when both are the same grouping. When both partitions
 * are a single block (H(A) + H(B) = 0) NMI is 1, as in igraph. Equals igraph's
 * `compare_communities(a, b, method="nmi")` and scikit-learn's `normalized_mutual_info_score`
 * (default `average_method="arithmetic"`); checked to 1e-9 against igraph in test/fixtures/community.
 */
import { partitionInformation } from "./contingency.ts";
import type { Labelling } from "./partition.ts";

export function normalizedMutualInformation(a: Labelling, b: Labelling): number {
  const { entropyA, entropyB, mutual } = partitionInformation(a, b);
  const h = entropyA + entropyB;
  if (h === 0) return 1;
  // Rounding can push I a hair above (H(A)+H(B))/2 for identical partitions.
  return Math.min(1, Math.max(0, (2 * mutual) / h));
}
