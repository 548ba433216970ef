/**
 * maillage's public API: what notebooks and programs import. The path follows the diagnostic —
 * load (io, store) → model → analyse → report — and each part is also importable alone.
 */
export { DATASET_NAMES, DATASETS, type Dataset, findDataset } from "../datasets/index.ts";
export * from "./analyse/index.ts";
export {
  type ClassifyOptions,
  classify,
  classifyNetwork,
  contribution,
  DEFAULT_ANCHORS,
  DEFAULT_THRESHOLD,
  DEFAULT_WEIGHTS,
  type FormLabel,
  type FormScore,
  formScore,
  INDICATORS,
  type Indicator,
  type IndicatorName,
  measureIndicators,
  type NetworkClassification,
  networkScopes,
  type Pivot,
  type PivotEvidence,
  pivotFirms,
  type Typology,
  typology,
} from "./classify/index.ts";
export * from "./contacts/index.ts";
export * from "./io/index.ts";
export * from "./model/index.ts";
// The network of networks. Its series point and window types keep their module names apart from the
// dynamics ones (import them from "./networks/index.ts" when needed).
export {
  type BridgeFirm,
  bridgeFirms,
  type CandidateCoverage,
  type CommuneGap,
  type CommuneGaps,
  candidateCoverage,
  communeGaps,
  type IndicatorSeries,
  indicatorSeries,
  interNetworkMeetings,
  type MeetingSuggestion,
  membershipOverlap,
  type NetworkAction,
  type NetworkOfNetworks,
  type NetworkOfNetworksOptions,
  type NetworkType,
  networkOfNetworks,
  type OverlapPair,
  type PilotIndicators,
  pilotIndicators,
  type RedundantPair,
  type RegisteredNetwork,
  type Registry,
  type RegistryComparison,
  redundantNetworks,
  registryComparison,
  registryContext,
} from "./networks/index.ts";
export { parseRegistryFiles, type RegistryRead, readRegistryFiles } from "./networks/readRegistry.ts";
export * from "./random/index.ts";
export {
  type ChoroplethOptions,
  choropleth,
  lqScale,
  type Outline,
  type ThresholdScale,
} from "./report/choropleth.ts";
export { type CommuneFeature, readCommuneFeatures } from "./report/geo.ts";
export { candidateTrends } from "./report/trends.ts";
export * from "./store/index.ts";
export { candidateForms, networkFormIndex } from "./territory/candidateForms.ts";
export * from "./territory/index.ts";
