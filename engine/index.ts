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
export * from "./random/index.ts";
export * from "./store/index.ts";
export * from "./territory/index.ts";
