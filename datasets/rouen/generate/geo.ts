/** Commune adjacency (2018 boundaries) for placing ties near one another and checking contiguity. */
import { parseRecords } from "./csv.ts";

export type Adjacency = Map<string, Set<string>>;

/** Symmetric neighbour sets from the `code_a,code_b,shared_vertices` file (each pair listed once). */
export function readAdjacency(text: string): Adjacency {
  const adj: Adjacency = new Map();
  const add = (a: string, b: string) => {
    let s = adj.get(a);
    if (!s) {
      s = new Set();
      adj.set(a, s);
    }
    s.add(b);
  };
  for (const r of parseRecords(text, "commune adjacency")) {
    add(r.code_a, r.code_b);
    add(r.code_b, r.code_a);
  }
  return adj;
}

/** Whether the communes form one connected patch of the adjacency graph. */
export function isContiguous(communes: readonly string[], adj: Adjacency): boolean {
  if (communes.length === 0) return false;
  const wanted = new Set(communes);
  const seen = new Set([communes[0]]);
  const queue = [communes[0]];
  while (queue.length > 0) {
    const c = queue.pop() as string;
    for (const n of adj.get(c) ?? []) {
      if (wanted.has(n) && !seen.has(n)) {
        seen.add(n);
        queue.push(n);
      }
    }
  }
  return seen.size === wanted.size;
}
