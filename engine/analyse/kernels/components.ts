/**
 * Connected components of a CSR (weak components when it is directed: arc direction is ignored), by
 * union–find with path halving and union by size over the arc list. Labels are numbered 0, 1, … in
 * the order of each component's first node, so the same graph always gets the same labels.
 */
import type { Csr } from "./csr.ts";

export interface ComponentLabels {
  /** Component of each node. */
  labels: Int32Array;
  /** Number of components (isolates count, one each). */
  count: number;
  /** Size of each component, by label. */
  sizes: Int32Array;
}

export function componentLabels(csr: Csr): ComponentLabels {
  const n = csr.order;
  const { offsets, targets } = csr;
  const parent = new Int32Array(n);
  const size = new Int32Array(n).fill(1);
  for (let i = 0; i < n; i++) parent[i] = i;
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  };
  for (let u = 0; u < n; u++) {
    for (let p = offsets[u], end = offsets[u + 1]; p < end; p++) {
      const v = targets[p];
      // An undirected CSR holds each edge twice: one direction is enough.
      if (!csr.directed && v < u) continue;
      let a = find(u);
      let b = find(v);
      if (a === b) continue;
      if (size[a] < size[b]) {
        const t = a;
        a = b;
        b = t;
      }
      parent[b] = a;
      size[a] += size[b];
    }
  }
  const labels = new Int32Array(n).fill(-1);
  const rootLabel = new Int32Array(n).fill(-1);
  let count = 0;
  for (let i = 0; i < n; i++) {
    const r = find(i);
    if (rootLabel[r] < 0) rootLabel[r] = count++;
    labels[i] = rootLabel[r];
  }
  const sizes = new Int32Array(count);
  for (let i = 0; i < n; i++) sizes[labels[i]]++;
  return { labels, count, sizes };
}
