/** The model: vocabularies, records, the network graph and its views. Depends on nothing else. */
export * from "./bipartite.ts";
export * from "./commune.ts";
export * from "./counts.ts";
export * from "./dates.ts";
export * from "./graph.ts";
export * from "./naf.ts";
export * from "./nafLabels.ts";
export * from "./orientation.ts";
export * from "./sizeClass.ts";
export * from "./types.ts";
export * from "./views.ts";
export * from "./vocabulary.ts";
