/**
 * Burt's proportional tie strengths, shared by effective size, constraint and hierarchy, defined as
 * networkx does (`networkx/algorithms/structuralholes.py`): the mutual weight of u and v is
 * a_uv + a_vu (the weights of the links u → v and v → u; in an undirected reading the edge weight, the
 * factor 2 cancelling out below); N(u) is the set of distinct neighbours in either direction;
 * p_uv = mw(u, v) / Σ_{w ∈ N(u)} mw(u, w) (Burt's proportional investment of u in v) and
 * m_uv = mw(u, v) / max_{w ∈ N(u)} mw(u, w) (the marginal strength).
 */
import { type Adjacency, neighbourSet } from "./adjacency.ts";

export interface MutualWeights {
  /** Distinct neighbours of each node, in adjacency order. */
  neighbours: number[][];
  /** mw[u]: neighbour → mutual weight. */
  mw: Array<Map<number, number>>;
  sum: Float64Array;
  max: Float64Array;
}

export function mutualWeights(adj: Adjacency): MutualWeights {
  const n = adj.ids.length;
  const neighbours: number[][] = [];
  const mw: Array<Map<number, number>> = [];
  const sum = new Float64Array(n);
  const max = new Float64Array(n);
  for (let u = 0; u < n; u++) {
    const nbrs = [...neighbourSet(adj, u)];
    const weights = new Map<number, number>();
    let s = 0;
    let m = 0;
    for (const v of nbrs) {
      const w = adj.directed ? (adj.out[u].get(v) ?? 0) + (adj.out[v].get(u) ?? 0) : (adj.out[u].get(v) ?? 0);
      weights.set(v, w);
      s += w;
      if (w > m) m = w;
    }
    neighbours.push(nbrs);
    mw.push(weights);
    sum[u] = s;
    max[u] = m;
  }
  return { neighbours, mw, sum, max };
}

/** p_uv: u's proportional investment in v (0 when v is not a neighbour). */
export function proportional(m: MutualWeights, u: number, v: number): number {
  const w = m.mw[u].get(v);
  return w === undefined ? 0 : w / m.sum[u];
}

/** m_uv: the strength of u's tie to v relative to u's strongest tie (0 when v is not a neighbour). */
export function marginal(m: MutualWeights, u: number, v: number): number {
  const w = m.mw[u].get(v);
  return w === undefined ? 0 : w / m.max[u];
}

/** Local constraints c_uv of u on each neighbour v, in `neighbours[u]` order: (p_uv + Σ_q p_uq p_qv)². */
export function localConstraints(m: MutualWeights, u: number): number[] {
  const nbrs = m.neighbours[u];
  return nbrs.map((v) => {
    let indirect = 0;
    for (const q of nbrs) if (q !== v) indirect += proportional(m, u, q) * proportional(m, q, v);
    const total = proportional(m, u, v) + indirect;
    return total * total;
  });
}
