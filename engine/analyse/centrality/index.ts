/**
 * Centrality: degree and strength, betweenness (exact and sampled), closeness and harmonic closeness,
 * eigenvector, PageRank, Freeman centralization. Each `fn(graph, options)` returns a plain record
 * node → value over every node of the graph, and `fn.assign(graph, options)` writes it as a node
 * attribute. Maillage networks go through `analysisGraph` first (a simple graph; see its doc).
 */
export * from "./betweenness.ts";
export * from "./centralization.ts";
export * from "./closeness.ts";
export * from "./degree.ts";
export * from "./eigenvector.ts";
export * from "./harmonic.ts";
export * from "./options.ts";
export * from "./pagerank.ts";
export * from "./sampledBetweenness.ts";
