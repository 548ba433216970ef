/**
 * What every centrality function shares: the weight and distance options, the optional shared CSR
 * (`csrOf`), the `.assign` form and the error thrown when an iterative measure does not converge.
 */
import { InputError } from "../../io/errors.ts";
import { type AnyGraph, buildCsr, type Csr } from "../kernels/csr.ts";
import { type AssignOptions, withAssign } from "../measure.ts";

/**
 * Per-node values keyed by node, every node of the graph present: serialisable as it is. (Records list
 * integer-like keys first in ascending order: iterate the graph's nodes when order matters.)
 */
export type NodeValues = Record<string, number>;

export interface WeightOptions {
  /**
   * Edge attribute holding the weight; null (default) = every edge weighs 1. On a graph made by
   * `analysisGraph`, the attribute is `weight` (the sum of the collapsed links' weights, or their count).
   */
  weight?: string | null;
  /**
   * A CSR already built from this graph with `buildCsr(graph, { weight })` (same weight attribute), to
   * share one build between several measures on a large graph: building it from graphology's objects
   * costs more than PageRank itself (bench/analytics.ts). Checked against the graph's order and the
   * weight option, not against later changes to the graph.
   */
  csr?: Csr;
}

/** The CSR a measure runs on: the one given (checked) or a new one. */
export function csrOf(graph: AnyGraph, weight: string | null, given: Csr | undefined): Csr {
  if (given === undefined) return buildCsr(graph, { weight });
  if (given.order !== graph.order) {
    throw new RangeError(`the CSR given has ${given.order} nodes, the graph ${graph.order}`);
  }
  if ((given.weights === null) !== (weight === null)) {
    throw new RangeError(
      weight === null
        ? "the CSR given is weighted but the measure is asked unweighted: build it without `weight`"
        : `the CSR given is unweighted but the measure is asked weight "${weight}": build it with that weight`,
    );
  }
  return given;
}

export interface PathOptions extends WeightOptions {
  /**
   * How a weight becomes a length for shortest paths (used only with `weight`): `inverse` (default,
   * length 1/w: a strong tie is a short one) or `weight` (length w, e.g. a cost or a distance).
   */
  distance?: "inverse" | "weight";
}

/** A measure `fn(graph, options)` with its `fn.assign(graph, options)` form (graphology's style). */
export type NodeMeasure<O> = ((graph: AnyGraph, options?: O) => NodeValues) & {
  /** Compute, then write each node's value to the node attribute `options.attribute`. */
  assign(graph: AnyGraph, options?: O & AssignOptions): void;
};

/** Wrap a centrality computation with its `.assign` form (default attribute: the measure's name). */
export function nodeMeasure<O>(
  compute: (graph: AnyGraph, options?: O) => NodeValues,
  defaultAttribute: string,
): NodeMeasure<O> {
  return withAssign<O, number>(compute, defaultAttribute);
}

/**
 * An iterative measure stopped before meeting its tolerance. It is an input error (the CLI prints
 * the message, no stack trace): the graph's structure is what prevents convergence.
 */
export class ConvergenceError extends InputError {
  constructor(measure: string, iterations: number, change: number, hint: string) {
    super(
      `${measure} did not converge in ${iterations} iterations (last L1 change ${change.toExponential(2)}): ${hint}`,
      { field: measure },
    );
    this.name = "ConvergenceError";
  }
}

/** Check a tolerance and an iteration cap given by a caller. */
export function checkIterationOptions(measure: string, tolerance: number, maxIterations: number): void {
  if (!(tolerance > 0) || !Number.isFinite(tolerance)) {
    throw new RangeError(`${measure}: tolerance must be a finite number > 0, got ${tolerance}`);
  }
  if (!Number.isInteger(maxIterations) || maxIterations < 1) {
    throw new RangeError(`${measure}: maxIterations must be an integer ≥ 1, got ${maxIterations}`);
  }
}
