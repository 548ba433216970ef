/** Typed-array kernels: the CSR view of a graph and the hot loops that run on it. */
export * from "./brandes.ts";
export * from "./components.ts";
export * from "./csr.ts";
export * from "./heap.ts";
export * from "./powerIteration.ts";
export * from "./shortestPaths.ts";
