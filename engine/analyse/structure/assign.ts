/**
 * The `.assign` form of a per-node measure, as in graphology's standard library: the same call, its
 * values written to a node attribute (default: the measure's name) of the graph passed in. An
 * undefined value is written as null.
 */
import type { AnyGraph } from "./adjacency.ts";

export interface AssignOptions {
  /** Node attribute to write. Default: the measure's name. */
  attribute?: string;
}

export type PerNodeMeasure<O, V> = ((graph: AnyGraph, options?: O) => Record<string, V>) & {
  assign(graph: AnyGraph, options?: O & AssignOptions): void;
};

export function withAssign<O, V>(
  measure: (graph: AnyGraph, options?: O) => Record<string, V>,
  attribute: string,
): PerNodeMeasure<O, V> {
  const assign = (graph: AnyGraph, options?: O & AssignOptions) => {
    const values = measure(graph, options);
    const name = options?.attribute ?? attribute;
    graph.forEachNode((id) => {
      graph.setNodeAttribute(id, name, values[id] ?? null);
    });
  };
  return Object.assign(measure, { assign });
}
