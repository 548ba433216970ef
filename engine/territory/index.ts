/**
 * The territorial diagnostic: specialisation and localisation indices of an establishment table at every
 * NAF level, candidate districts / SPLs by successive aggregation of contiguous communes, single-plant
 * concentrations, star ratings, and the firms of the loaded network in each candidate.
 */
export { parseAdjacencyCsv } from "./adjacency.ts";
export { type CandidateFirmsOptions, candidateFirms } from "./candidateFirms.ts";
export { type CandidateLeaderOptions, candidateLeaderRanker, leaderEvidence } from "./candidateLeaders.ts";
export { findCandidates, jobsByActivity, mainActivitiesOf } from "./candidates.ts";
export {
  type CommuneResolution,
  type CommuneVintage,
  communeVintage,
  IDENTITY_VINTAGE,
  mapAdjacency,
  mapCommuneCodes,
} from "./communeVintage.ts";
export { DIAGNOSTIC_DEFAULTS, growthRule, territorialDiagnostic } from "./diagnostic.ts";
export { ELLISON_GLAESER_APPROXIMATION } from "./ellisonGlaeser.ts";
export { type DiagnosticImport, importEstablishmentFile } from "./establishmentFile.ts";
export { type KrugmanPair, krugmanOfArea } from "./krugman.ts";
export { locationQuotient } from "./locationQuotient.ts";
export { BLANK_CELL_RULE } from "./secretCells.ts";
export { DEFAULT_SME_CLASSES } from "./smeClasses.ts";
export { STAR_THRESHOLDS, starRating } from "./starRating.ts";
export { type ActivityCells, aggregateActivity, type Group, growGroup } from "./successiveAggregation.ts";
export * from "./types.ts";
