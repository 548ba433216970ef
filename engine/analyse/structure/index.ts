/**
 * Brokerage and structure: Burt's structural holes, Gould–Fernandez brokerage roles, cores, cut
 * points, components, density, clustering, transitivity, assortativity and the bridges between two
 * networks. Every function takes any graphology graph (a maillage network, a view of it, or a plain
 * graph) and reads it through `adjacency.ts`, built on the CSR view of `kernels/csr.ts` (its rules:
 * parallel links collapsed with summed weights, self-loops dropped, isolates kept).
 */
export {
  type BipartiteGraph,
  bipartiteView,
  membershipProjection,
  type ProjectionOptions,
  type ProjectionWeighting,
  projectBipartite,
} from "../../model/bipartite.ts";
export * from "../measure.ts";
export * from "./adjacency.ts";
export * from "./assortativity.ts";
export * from "./brokerage.ts";
export * from "./clustering.ts";
export * from "./components.ts";
export * from "./constraint.ts";
export * from "./coreNumber.ts";
export * from "./cutPoints.ts";
export * from "./density.ts";
export * from "./effectiveSize.ts";
export * from "./hierarchy.ts";
export * from "./networkBridges.ts";
export * from "./structuralHoles.ts";
export * from "./transitivity.ts";
