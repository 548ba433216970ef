/** The CSR and arc lengths that the path-based measures (betweenness, closeness, harmonic) run on. */
import type { AnyGraph, Csr } from "../kernels/csr.ts";
import { arcLengths } from "../kernels/shortestPaths.ts";
import { csrOf, type PathOptions } from "./options.ts";

/** `lengths` is null when unweighted (breadth-first search), else 1/w or w per arc. */
export function pathCsr(graph: AnyGraph, options: PathOptions): { csr: Csr; lengths: Float64Array | null } {
  const weight = options.weight ?? null;
  const csr = csrOf(graph, weight, options.csr);
  return { csr, lengths: weight === null ? null : arcLengths(csr, options.distance ?? "inverse") };
}
