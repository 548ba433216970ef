/**
 * Closeness centrality, networkx's `closeness_centrality` convention.
 *
 * Definition: with r(u) the number of other nodes that reach u and D(u) the sum of their shortest-path
 * distances to u, C(u) = (r(u) / D(u)) · (r(u) / (n − 1)). The second factor is Wasserman & Faust's
 * correction (1994, p. 201; networkx `wf_improved=True`, default `wassermanFaust: true`): on a
 * connected graph r(u) = n − 1 and C(u) = (n − 1) / D(u) (Freeman 1979; Bavelas), on a disconnected
 * one it scales down nodes of small components instead of letting them look central. Without the
 * correction C(u) = r(u) / D(u) on u's component only (igraph's `closeness`, which also ignores
 * unreachable nodes).
 * Direction: on a directed graph the distances are incoming, d(v → u), as networkx does (it reverses
 * the graph); for outgoing closeness pass the reversed graph. Weights: as betweenness (`distance`
 * 1/w by default when `weight` is set).
 * Edge cases: an isolate, or a node nobody reaches, gets 0 (networkx); a one-node graph 0; self-loops
 * ignored; parallel edges merged; bad weights throw naming the edge.
 * Implementation: ours on the CSR. graphology-metrics' closeness equals networkx on the unweighted
 * fixtures (checked) but has no weights.
 */
import { toRecord } from "../kernels/csr.ts";
import { incomingDistanceSums } from "./distanceSums.ts";
import { csrOf, type NodeMeasure, nodeMeasure, type PathOptions } from "./options.ts";

export interface ClosenessOptions extends PathOptions {
  /** Wasserman–Faust correction for disconnected graphs (networkx `wf_improved`). Default true. */
  wassermanFaust?: boolean;
}

export const closenessCentrality: NodeMeasure<ClosenessOptions> = nodeMeasure((graph, options = {}) => {
  const csr = csrOf(graph, options.weight ?? null, options.csr);
  const n = csr.order;
  const distance = options.weight ? (options.distance ?? "inverse") : null;
  const { total, reached } = incomingDistanceSums(csr, distance);
  const wf = options.wassermanFaust ?? true;
  const values = new Float64Array(n);
  for (let u = 0; u < n; u++) {
    if (total[u] > 0 && n > 1) {
      values[u] = reached[u] / total[u];
      if (wf) values[u] *= reached[u] / (n - 1);
    }
  }
  return toRecord(csr, values);
}, "closeness");
