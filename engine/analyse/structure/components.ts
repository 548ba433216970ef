/**
 * Connected components with their sizes. Weak components ignore directions (every graph has them);
 * strong components follow directions (Tarjan 1972, iterative), an undirected link counting both
 * ways as in `adjacency.ts`; on an undirected reading strong = weak. Same partitions as networkx's
 * `connected_components` / `weakly_connected_components` / `strongly_connected_components`.
 *
 * Order (deterministic): components by size, largest first, ties by their first node in graph
 * order; members in graph order. An isolate is a component of size 1.
 */
import { type AnyGraph, buildAdjacency } from "./adjacency.ts";

export interface Components {
  count: number;
  /** Sizes, largest first. */
  sizes: number[];
  components: string[][];
  /** Node → index in `components`. */
  membership: Record<string, number>;
}

export interface ComponentsOptions {
  /** `weak` (default) or `strong`. */
  mode?: "weak" | "strong";
  /** Directed reading for `strong`. Default: true for a `directed` graph, else false (mixed: pass true). */
  directed?: boolean;
}

function assemble(ids: string[], label: Int32Array, count: number): Components {
  const groups: number[][] = Array.from({ length: count }, () => []);
  for (let u = 0; u < ids.length; u++) groups[label[u]].push(u);
  groups.sort((a, b) => b.length - a.length || a[0] - b[0]);
  const membership: Record<string, number> = {};
  const components = groups.map((members, c) =>
    members.map((u) => {
      membership[ids[u]] = c;
      return ids[u];
    }),
  );
  return { count, sizes: components.map((c) => c.length), components, membership };
}

function weak(graph: AnyGraph): Components {
  const adj = buildAdjacency(graph, { directed: false });
  const n = adj.ids.length;
  const label = new Int32Array(n).fill(-1);
  let count = 0;
  for (let s = 0; s < n; s++) {
    if (label[s] !== -1) continue;
    label[s] = count;
    const queue = [s];
    for (let i = 0; i < queue.length; i++) {
      for (const v of adj.out[queue[i]].keys()) {
        if (label[v] === -1) {
          label[v] = count;
          queue.push(v);
        }
      }
    }
    count++;
  }
  return assemble(adj.ids, label, count);
}

function strong(graph: AnyGraph, directed: boolean | undefined): Components {
  const adj = buildAdjacency(graph, { directed });
  const n = adj.ids.length;
  const successors = adj.out.map((m) => [...m.keys()]);
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const next = new Int32Array(n);
  const label = new Int32Array(n).fill(-1);
  const tarjan: number[] = [];
  let counter = 0;
  let count = 0;
  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue;
    const call = [root];
    index[root] = low[root] = counter++;
    tarjan.push(root);
    onStack[root] = 1;
    while (call.length > 0) {
      const u = call[call.length - 1];
      if (next[u] < successors[u].length) {
        const v = successors[u][next[u]++];
        if (index[v] === -1) {
          index[v] = low[v] = counter++;
          tarjan.push(v);
          onStack[v] = 1;
          call.push(v);
        } else if (onStack[v] && index[v] < low[u]) {
          low[u] = index[v];
        }
        continue;
      }
      call.pop();
      if (call.length > 0) {
        const p = call[call.length - 1];
        if (low[u] < low[p]) low[p] = low[u];
      }
      if (low[u] === index[u]) {
        let w: number;
        do {
          w = tarjan.pop() as number;
          onStack[w] = 0;
          label[w] = count;
        } while (w !== u);
        count++;
      }
    }
  }
  return assemble(adj.ids, label, count);
}

export function connectedComponents(graph: AnyGraph, options: ComponentsOptions = {}): Components {
  return options.mode === "strong" ? strong(graph, options.directed) : weak(graph);
}

/** Component index per node (weak by default). `.assign` writes attribute `component`. */
connectedComponents.assign = (graph: AnyGraph, options: ComponentsOptions & { attribute?: string } = {}) => {
  const { membership } = connectedComponents(graph, options);
  const name = options.attribute ?? "component";
  graph.forEachNode((id) => {
    graph.setNodeAttribute(id, name, membership[id]);
  });
};
