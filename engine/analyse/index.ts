/** The analytics core: one family per folder, plus the metrics table of `maillage analyse`. */
export * from "./analysisGraph.ts";
export * from "./centrality/index.ts";
export * from "./community/index.ts";
export * from "./dynamics/index.ts";
export * from "./leaders/index.ts";
export * from "./nodeMetrics.ts";
export * from "./structure/index.ts";
