/** Opinion leaders ranked with their evidence (brokerage and hub measures, size kept apart). */
export * from "./opinionLeaders.ts";
export * from "./percentile.ts";
