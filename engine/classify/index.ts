/** Organisational form: pivot firms, firme-réseau vs réseau de firmes, Defélix typology. */
export * from "./classify.ts";
export * from "./formScore.ts";
export * from "./indicators.ts";
export * from "./linkShares.ts";
export * from "./pivots.ts";
export * from "./projection.ts";
export * from "./removal.ts";
export * from "./scopes.ts";
export * from "./territory.ts";
export * from "./typology.ts";
