/** The network of networks: the registry's shapes and what is computed from it (DOMAIN.md §8). */
export * from "./activities.ts";
export * from "./bridgeFirms.ts";
export * from "./context.ts";
export * from "./coverageGaps.ts";
export * from "./indicatorSeries.ts";
export * from "./interNetworkMeetings.ts";
export * from "./membershipOverlap.ts";
export * from "./networkOfNetworks.ts";
export * from "./pilotIndicators.ts";
export * from "./redundantNetworks.ts";
export * from "./registryComparison.ts";
export * from "./registrySummary.ts";
export * from "./types.ts";
