/** Communities: detection (Louvain + refinement) apart from evaluation (modularity, NMI, VI, stability) and profiles. */

export * from "./coAssignment.ts";
export * from "./consensus.ts";
export * from "./leiden.ts";
export * from "./louvain.ts";
export * from "./modularity.ts";
export * from "./nmi.ts";
export * from "./partition.ts";
export * from "./profiles.ts";
export * from "./refine.ts";
export * from "./stability.ts";
export * from "./variationOfInformation.ts";
