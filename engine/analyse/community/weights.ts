/** Reading edge weights the same way in every community measure. */
import type Graph from "graphology";
import type { Attributes } from "graphology-types";

/**
 * `weight` option of the community functions: the edge attribute holding the weight (default
 * `"weight"`; a missing attribute counts 1, as in networkx), or `null` to ignore weights.
 */
export type WeightOption = string | null | undefined;

/** A getter that returns each edge's weight; throws on a negative or non-finite weight. */
export function weightReader(weight: WeightOption): (key: string, attributes: Attributes) => number {
  const name = weight === undefined ? "weight" : weight;
  if (name === null) return () => 1;
  return (key, attributes) => {
    const raw = attributes[name];
    if (raw === undefined || raw === null) return 1;
    const w = typeof raw === "number" ? raw : Number(raw);
    if (!Number.isFinite(w) || w < 0) {
      throw new RangeError(
        `edge ${key}: weight "${name}" must be a finite number ≥ 0 for modularity (got ${String(raw)})`,
      );
    }
    return w;
  };
}

/** Modularity is defined for an undirected or a directed graph, not a mixed one. */
export function assertNotMixed(graph: Graph, what: string): void {
  if (graph.type === "mixed" && graph.directedSize > 0 && graph.undirectedSize > 0) {
    throw new TypeError(
      `${what} needs an undirected or a directed graph; this one mixes both: run it on simpleView(network) (engine/model/views.ts)`,
    );
  }
}
