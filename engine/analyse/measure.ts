/**
 * What every per-node measure of the analytics core shares: it takes any graphology graph and returns
 * a plain record node → value, and has graphology's `.assign` form, the same call with its values
 * written to a node attribute (default: the measure's name; an undefined value is written as null).
 */
import type { AbstractGraph, Attributes } from "graphology-types";

/** Any graphology graph, whatever its attribute types. */
// biome-ignore lint/suspicious/noExplicitAny: any node/edge attributes are accepted
export type AnyGraph = AbstractGraph<any, any, Attributes>;

export interface AssignOptions {
  /** Node attribute to write. Default: the measure's name. */
  attribute?: string;
}

export type PerNodeMeasure<O, V> = ((graph: AnyGraph, options?: O) => Record<string, V>) & {
  /** Compute, then write each node's value to the node attribute `options.attribute`. */
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
