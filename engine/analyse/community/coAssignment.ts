/**
 * Co-assignment of node pairs over several partitions of the same graph (e.g. Louvain runs with
 * different seeds): the share of partitions that put both nodes in one community.
 */
import type Graph from "graphology";
import { normalizedMutualInformation } from "./nmi.ts";
import type { Labelling } from "./partition.ts";
import { variationOfInformation } from "./variationOfInformation.ts";

export interface LinkedPairShare {
  source: string;
  target: string;
  /** Share of partitions with source and target in the same community, in [0, 1]. */
  share: number;
}

/**
 * The sparse co-assignment: one entry per linked pair of the graph (parallel edges and both
 * directions counted once, in edge order; self-loops left out).
 */
export function coAssignment(graph: Graph, partitions: readonly Labelling[]): LinkedPairShare[] {
  if (partitions.length === 0) throw new RangeError("coAssignment needs at least one partition");
  const seen = new Set<string>();
  const out: LinkedPairShare[] = [];
  graph.forEachEdge((_key, _attributes, source, target) => {
    if (source === target) return;
    const pair = source < target ? JSON.stringify([source, target]) : JSON.stringify([target, source]);
    if (seen.has(pair)) return;
    seen.add(pair);
    let together = 0;
    for (const p of partitions) if (p[source] === p[target]) together++;
    out.push({ source, target, share: together / partitions.length });
  });
  return out;
}

/** The dense co-assignment matrix (n × n, row/column order = `nodes`); for small graphs only. */
export function coAssignmentMatrix(nodes: readonly string[], partitions: readonly Labelling[]): number[][] {
  if (partitions.length === 0) throw new RangeError("coAssignmentMatrix needs at least one partition");
  const n = nodes.length;
  const matrix = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (const p of partitions) {
    for (let i = 0; i < n; i++) {
      const ci = p[nodes[i]];
      for (let j = 0; j < n; j++) if (p[nodes[j]] === ci) matrix[i][j] += 1 / partitions.length;
    }
  }
  return matrix;
}

export interface PairAgreement {
  /** Node pairs in one community in every partition. */
  alwaysTogether: number;
  /** Node pairs in one community in at least one partition. */
  everTogether: number;
  /** alwaysTogether / everTogether; null when no pair is ever together. */
  share: number | null;
}

/**
 * Over all node pairs (linked or not): how many are always together, how many at least once.
 * Counted without listing pairs: nodes with the same community in every partition (a block of the
 * meet) share the same set of possible partners, so the cost is O(blocks of the meet × Σ community
 * sizes) rather than O(n²).
 */
export function pairAgreement(nodes: readonly string[], partitions: readonly Labelling[]): PairAgreement {
  if (partitions.length === 0) throw new RangeError("pairAgreement needs at least one partition");
  const n = nodes.length;
  const runs = partitions.map((p) => {
    const ids = new Map<number | string, number>();
    const block = new Int32Array(n);
    const members: number[][] = [];
    nodes.forEach((node, i) => {
      const label = p[node];
      if (label === undefined) throw new RangeError(`partition has no community for node "${node}"`);
      let id = ids.get(label);
      if (id === undefined) {
        id = members.length;
        ids.set(label, id);
        members.push([]);
      }
      block[i] = id;
      members[id].push(i);
    });
    return { block, members };
  });
  const meet = new Map<string, number[]>();
  for (let i = 0; i < n; i++) {
    const key = runs.map((r) => r.block[i]).join(",");
    const list = meet.get(key);
    if (list) list.push(i);
    else meet.set(key, [i]);
  }
  const mark = new Int32Array(n).fill(-1);
  let always = 0;
  let everTwice = 0;
  let b = 0;
  for (const group of meet.values()) {
    const s = group.length;
    always += (s * (s - 1)) / 2;
    const u = group[0];
    let union = 0;
    for (const r of runs) {
      for (const v of r.members[r.block[u]]) {
        if (mark[v] !== b) {
          mark[v] = b;
          union++;
        }
      }
    }
    everTwice += s * (union - 1);
    b++;
  }
  const ever = everTwice / 2;
  return { alwaysTogether: always, everTogether: ever, share: ever === 0 ? null : always / ever };
}

/** Mean NMI and mean VI over all pairs of partitions; null with fewer than two partitions. */
export function meanPairwiseAgreement(partitions: readonly Labelling[]): {
  nmi: number | null;
  vi: number | null;
} {
  let nmi = 0;
  let vi = 0;
  let pairs = 0;
  for (let i = 0; i < partitions.length; i++) {
    for (let j = i + 1; j < partitions.length; j++) {
      nmi += normalizedMutualInformation(partitions[i], partitions[j]);
      vi += variationOfInformation(partitions[i], partitions[j]);
      pairs++;
    }
  }
  return pairs === 0 ? { nmi: null, vi: null } : { nmi: nmi / pairs, vi: vi / pairs };
}
