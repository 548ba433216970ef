/**
 * Partitions of a graph's nodes: a record `node → community id`. Helpers shared by detection and
 * evaluation: canonical numbering (so that the same grouping always prints the same ids), blocks,
 * and the check that a partition covers a graph.
 */
import type Graph from "graphology";

/** A community id per node. Ids are any labels for evaluation; detection returns 0..count-1. */
export type Partition = Record<string, number>;
/** A partition whose labels may be strings (e.g. a planted truth or an attribute). */
export type Labelling = Record<string, number | string>;

/**
 * Renumber a labelling 0..k-1 deterministically: communities by decreasing size, ties broken by the
 * position of their first member in `order` (the graph's node order). The returned record lists the
 * nodes in `order`, so its JSON is byte-identical for the same grouping whatever the input labels.
 */
export function canonicalPartition(order: readonly string[], labels: Labelling): Partition {
  const blockOf = new Map<number | string, number>();
  const sizes: number[] = [];
  const firstSeen: number[] = [];
  const block = new Int32Array(order.length);
  order.forEach((node, i) => {
    const label = labels[node];
    if (label === undefined) throw new RangeError(`partition has no community for node "${node}"`);
    let b = blockOf.get(label);
    if (b === undefined) {
      b = sizes.length;
      blockOf.set(label, b);
      sizes.push(0);
      firstSeen.push(i);
    }
    sizes[b] += 1;
    block[i] = b;
  });
  const ranked = sizes.map((_, b) => b).sort((a, b) => sizes[b] - sizes[a] || firstSeen[a] - firstSeen[b]);
  const newId = new Int32Array(sizes.length);
  ranked.forEach((b, rank) => {
    newId[b] = rank;
  });
  const out: Partition = {};
  order.forEach((node, i) => {
    out[node] = newId[block[i]];
  });
  return out;
}

/** The graph's nodes in its iteration order. */
export const nodeOrder = (graph: Graph): string[] => graph.nodes();

/** Members of each community, in `order`, keyed by community id. */
export function blocksOf(order: readonly string[], partition: Labelling): Map<number | string, string[]> {
  const blocks = new Map<number | string, string[]>();
  for (const node of order) {
    const label = partition[node];
    if (label === undefined) throw new RangeError(`partition has no community for node "${node}"`);
    const list = blocks.get(label);
    if (list) list.push(node);
    else blocks.set(label, [node]);
  }
  return blocks;
}

/** Number of distinct communities. */
export const communityCount = (partition: Labelling): number => new Set(Object.values(partition)).size;
