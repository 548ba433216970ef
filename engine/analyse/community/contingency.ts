/**
 * Entropies and mutual information of two partitions of the same nodes, from their contingency table
 * (natural logarithms, as igraph's `compare_communities`).
 */
import type { Labelling } from "./partition.ts";

export interface PartitionInformation {
  /** Entropy of the first partition, H(A) = −Σ p_a ln p_a. */
  entropyA: number;
  entropyB: number;
  /** Mutual information I(A;B) = Σ p_ab ln(p_ab / (p_a p_b)). */
  mutual: number;
  /** Number of nodes. */
  n: number;
}

function entropy(counts: Iterable<number>, n: number): number {
  let h = 0;
  for (const c of counts) if (c > 0) h -= (c / n) * Math.log(c / n);
  return h;
}

/** Both partitions must label exactly the same nodes; throws otherwise. */
export function partitionInformation(a: Labelling, b: Labelling): PartitionInformation {
  const nodes = Object.keys(a);
  if (nodes.length !== Object.keys(b).length) {
    throw new RangeError("the two partitions do not cover the same nodes");
  }
  const countA = new Map<number | string, number>();
  const countB = new Map<number | string, number>();
  // Joint cell key: JSON of the pair, so string and number labels never collide.
  const joint = new Map<string, [number | string, number | string, number]>();
  for (const node of nodes) {
    const la = a[node];
    const lb = b[node];
    if (lb === undefined) throw new RangeError(`node "${node}" is in the first partition only`);
    countA.set(la, (countA.get(la) ?? 0) + 1);
    countB.set(lb, (countB.get(lb) ?? 0) + 1);
    const key = JSON.stringify([la, lb]);
    const cell = joint.get(key);
    if (cell) cell[2] += 1;
    else joint.set(key, [la, lb, 1]);
  }
  const n = nodes.length;
  let mutual = 0;
  for (const [la, lb, c] of joint.values()) {
    const pa = (countA.get(la) ?? 0) / n;
    const pb = (countB.get(lb) ?? 0) / n;
    mutual += (c / n) * Math.log(c / n / (pa * pb));
  }
  return { entropyA: entropy(countA.values(), n), entropyB: entropy(countB.values(), n), mutual, n };
}
