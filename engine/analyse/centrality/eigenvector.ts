/**
 * Eigenvector centrality (Bonacich 1972), networkx's `eigenvector_centrality` convention.
 *
 * Definition: x is the leading eigenvector of the adjacency matrix, x_u ∝ Σ_{v→u} w_vu x_v, scaled to
 * unit Euclidean length (Σ x² = 1, networkx). igraph scales to max = 1 instead (`scale=True`): divide
 * our values by their maximum to get igraph's.
 * Computation: networkx's power iteration on A + I from the uniform vector (the shift converges on
 * bipartite graphs too), stopping when the L1 change is below n · tolerance. Defaults are tighter than
 * networkx's (tol 1e-6, 100 iterations), whose result can sit ~1e-6 per node from the eigenvector:
 * here tolerance 1e-10, up to 1000 iterations.
 * Direction: in-links, as networkx (a node is central when central nodes point to it); for out-links
 * pass the reversed graph. Weights: unweighted by default; with `weight`, w_vu is the edge weight.
 * Disconnected graphs: the result is the leading eigenvector of the whole matrix, as in networkx:
 * components whose own leading eigenvalue is smaller tend to 0 (an isolate gets 0 in the limit).
 * Components with nearly equal leading eigenvalues make the iteration slow; a directed graph without
 * cycles has no positive eigenvalue at all. When the tolerance is not met within `maxIterations` a
 * `ConvergenceError` is thrown: never a silent approximate or NaN value. A graph without edges gives
 * 1/√n to every node (the uniform start is already a fixed point), the empty graph an empty record.
 * Self-loops ignored, parallel edges merged, bad weights throw naming the edge.
 * Implementation: ours on the CSR (`kernels/powerIteration.ts`). graphology-metrics' eigenvector runs
 * the same iteration and agrees with networkx on the fixtures (checked, 1e-16); ours shares the CSR and
 * the typed-array loop of PageRank, and says why it stopped (graphology-metrics: "failed to converge").
 */
import { toRecord, transposeCsr } from "../kernels/csr.ts";
import { eigenvectorKernel } from "../kernels/powerIteration.ts";
import {
  ConvergenceError,
  checkIterationOptions,
  csrOf,
  type NodeMeasure,
  nodeMeasure,
  type WeightOptions,
} from "./options.ts";

export interface EigenvectorOptions extends WeightOptions {
  /** Stop when the L1 change is below n · tolerance. Default 1e-10. */
  tolerance?: number;
  /** Default 1000. */
  maxIterations?: number;
}

export const eigenvectorCentrality: NodeMeasure<EigenvectorOptions> = nodeMeasure((graph, options = {}) => {
  const tolerance = options.tolerance ?? 1e-10;
  const maxIterations = options.maxIterations ?? 1000;
  checkIterationOptions("eigenvector centrality", tolerance, maxIterations);
  const csr = csrOf(graph, options.weight ?? null, options.csr);
  if (csr.order === 0) return {};
  const result = eigenvectorKernel(transposeCsr(csr), { tolerance, maxIterations });
  if (!result.converged) {
    throw new ConvergenceError(
      "eigenvector centrality",
      result.iterations,
      result.change,
      "components with close leading eigenvalues or a directed graph without cycles; raise maxIterations or tolerance, or analyse the largest component alone",
    );
  }
  return toRecord(csr, result.values);
}, "eigenvector");
