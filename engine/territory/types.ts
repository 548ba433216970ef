/**
 * The result types of the territorial diagnostic (DOMAIN §5, formulas §9) and the signature of its
 * entry point. Every result is plain data (records and arrays, absent values `null`, never `NaN`), so
 * it serialises as it is and the report reads it without computing anything.
 *
 * Vocabulary: a *cell* is one commune × one activity (a NAF code at one level) in one year; *jobs* are
 * salaried jobs, *establishments* the count of establishments. A cell is *published* for a measure when
 * at least one of the table rows it sums has that measure published (not blank); a blank counts as 0 in
 * every sum and a cell with nothing published gets no index of its own (DOMAIN §9 "Blank cells").
 */

import type { NetworkGraph } from "../model/graph.ts";
import type { NafLevel } from "../model/nafLabels.ts";
import type { Actor } from "../model/types.ts";
import type { Store } from "../store/connection.ts";
import type { EstablishmentRow } from "../store/loadEstablishments.ts";

export type { NafLevel };

/** The five NAF levels, finest first. */
export const NAF_LEVELS: readonly NafLevel[] = ["subclass", "class", "group", "division", "section"];

/**
 * Where the establishment rows come from: rows already in memory (`loadEstablishments`), or an open
 * store whose `establishments` table DuckDB reads in place (the national table: never materialised in JS).
 */
export type EstablishmentSource = readonly EstablishmentRow[] | Store;

/** One pair of contiguous communes (order irrelevant; any vintage, mapped like the data). */
export interface AdjacencyPair {
  a: string;
  b: string;
}

/** Measures an index is computed on. */
export type Measure = "jobs" | "establishments";

export interface DiagnosticOptions {
  /** Year of the diagnostic (default: the latest year in the table). */
  year?: number;
  /** Year the "historical construct" is measured from (default: the first year in the table). */
  baseYear?: number;
  /** NAF levels computed (default: all five, `NAF_LEVELS`). */
  levels?: readonly NafLevel[];
  /**
   * Reference territory for LQ and Krugman (E_j, E): default the study zone itself; a national (or any
   * wider) table otherwise, read with the same blank-cell rule and the same commune mapping.
   */
  reference?: EstablishmentSource;
  /** Commune contiguity for the successive aggregation (default: none, so every group is one commune). */
  adjacency?: readonly AdjacencyPair[];
  /** Map commune codes to one vintage with `@etalab/decoupage-administratif` (default true). */
  mapCommunes?: boolean;
  /** Seed cell: LQ of jobs ≥ minLq (default 1.5). Also the growth threshold of an aggregate. */
  minLq?: number;
  /** A commune joins a growing group only if its own LQ of jobs in the activity is ≥ this (default 1). */
  minNeighbourLq?: number;
  /** Seed cell: ≥ minJobs jobs (default 50). Also the single-plant threshold. */
  minJobs?: number;
  /** Seed cell: ≥ minEstablishments establishments (default 3). */
  minEstablishments?: number;
  /** A candidate district/SPL has ≥ this many establishments of its activity (default 5). */
  minCandidateEstablishments?: number;
  /** A single-plant concentration has at most this many establishments (default 2). */
  maxPlantEstablishments?: number;
  /** Size classes counted as SME when the table has size classes (default: see `smeShare.ts`). */
  smeClasses?: readonly string[];
  /** Star-rating thresholds (defaults in `STAR_THRESHOLDS`). */
  stars?: Partial<StarThresholds>;
  /** Activities listed per candidate and per commune as "main activities" (default 5). */
  mainActivities?: number;
  /** Called after each step (progress bars); the step names are those of `DiagnosticStep`. */
  onStep?: (step: DiagnosticStep, level: NafLevel | null) => void | Promise<void>;
}

export type DiagnosticStep = "load" | "communes" | "indices" | "aggregation" | "candidates" | "done";

/** Options after defaults, as stated in the result. */
export interface ResolvedDiagnosticOptions {
  year: number;
  baseYear: number;
  levels: NafLevel[];
  reference: "zone" | "external";
  mapCommunes: boolean;
  minLq: number;
  /** Always set by `territorialDiagnostic`; optional only so that results written before it existed still type-check. */
  minNeighbourLq?: number;
  minJobs: number;
  minEstablishments: number;
  minCandidateEstablishments: number;
  maxPlantEstablishments: number;
  smeClasses: string[];
  stars: StarThresholds;
  mainActivities: number;
}

/** One commune × activity cell in the diagnostic year, with its indices. */
export interface CellIndex {
  commune: string;
  activity: string;
  /** Sum of the published jobs; null when no job count is published for the cell. */
  jobs: number | null;
  /** Sum of the published establishment counts; null when none is published. */
  establishments: number | null;
  /** LQ of jobs, DOMAIN §9; null when the cell's jobs are blank or e_i = 0. */
  lqJobs: number | null;
  /** LQ of establishments; null when the cell's establishments are blank or e_i = 0. */
  lqEstablishments: number | null;
  /** jobs / establishments; null when either is not published or establishments = 0. */
  averageSize: number | null;
  /** Share of the cell's jobs in SME size classes; null when the table has no size classes. */
  smeShare: number | null;
  /** LQ of jobs in the base year; null when not computable then. */
  lqJobsBase: number | null;
  /** lqJobs − lqJobsBase ("historical construct"); null when either is null. */
  lqChange: number | null;
  /** Jobs in the base year (null when blank then). */
  jobsBase: number | null;
  /** Rows of the cell with establishments published and jobs blank (truly secret; 0 at the sub-class level unless the cell is itself secret). */
  secretRows: number;
}

/** One commune (after vintage mapping), all activities of the level. */
export interface CommuneIndex {
  commune: string;
  name: string | null;
  /** e_i: published jobs summed over activities (blanks as 0). */
  jobs: number;
  establishments: number;
  /** Krugman K_i against the reference (0–2); null when e_i = 0. */
  krugman: number | null;
  /** Krugman against the rest of the reference territory; null when e_i = 0 or E − e_i = 0. */
  krugmanRest: number | null;
  /** Activities with the highest jobs LQ among those with ≥ minJobs jobs (at most `mainActivities`). */
  mainActivities: ActivityShare[];
}

/** One activity across the communes of the zone. */
export interface ActivityIndex {
  activity: string;
  label: string | null;
  /** E_j in the zone (published jobs, blanks as 0). */
  jobs: number;
  establishments: number;
  /** Communes with a published cell of the activity. */
  communes: number;
  /** Hoover localisation (0–1) of jobs over the zone's communes with e_i > 0; null when E_j = 0. */
  hoover: number | null;
  /** Locational Gini (Krugman 1991) of jobs; null when E_j = 0. */
  gini: number | null;
  /** Herfindahl of the activity's jobs across communes; null when E_j = 0. */
  herfindahl: number | null;
  /** Ellison–Glaeser γ with the equal-size plant approximation; null when E_j = 0 or HP_j = 1. */
  ellisonGlaeser: number | null;
  /** The approximate plant Herfindahl used: Σ_i n_ij (e_ij / (n_ij E_j))². */
  plantHerfindahl: number | null;
  /** E_j / establishments; null when establishments = 0. */
  averageSize: number | null;
  smeShare: number | null;
  /** Truly secret cells of the activity (establishments published, jobs blank). */
  secretCells: number;
}

export interface ActivityShare {
  activity: string;
  label: string | null;
  jobs: number;
  /** Share of the area's jobs. */
  share: number;
  lqJobs: number | null;
}

/** A cluster-observatory-style star rating: one star each for size, specialisation and focus. */
export interface StarRating {
  stars: 0 | 1 | 2 | 3;
  size: boolean;
  specialisation: boolean;
  focus: boolean;
}

/**
 * Thresholds of the star rating (after the European Cluster Observatory): size = the area's jobs of the
 * activity reach the `sizeQuantile` of the published commune × activity cells' jobs (of the level);
 * specialisation = LQ of jobs ≥ `minLq`; focus = the activity's share of the area's jobs reaches the
 * `focusQuantile` of the cells' shares.
 */
export interface StarThresholds {
  sizeQuantile: number;
  minLq: number;
  focusQuantile: number;
}

/** A candidate district / SPL: a contiguous group of communes specialised in one activity. */
export interface Candidate {
  /** `activity@first commune` (stable id). */
  id: string;
  /** 1 = first in the ranking (jobs descending, then LQ descending, then id). */
  rank: number;
  level: NafLevel;
  activity: string;
  label: string | null;
  communes: string[];
  communeNames: (string | null)[];
  /** Seed cells the group grew from. */
  seeds: string[];
  /** Jobs of the activity in the group (published, blanks as 0). */
  jobs: number;
  establishments: number;
  /** Aggregate LQ of jobs (group as one area). */
  lqJobs: number | null;
  lqEstablishments: number | null;
  /** Share of the zone's jobs (all activities) the group's activity jobs make. */
  shareOfZoneJobs: number;
  /** Share of the activity's jobs in the zone (or the reference) that the group holds. */
  shareOfActivityJobs: number;
  /** All jobs of the group's communes (all activities). */
  totalJobs: number;
  averageSize: number | null;
  smeShare: number | null;
  baseYear: number;
  jobsBase: number | null;
  lqJobsBase: number | null;
  lqChange: number | null;
  /** Krugman of the group as one area (both variants). */
  krugman: number | null;
  krugmanRest: number | null;
  /** Top activities of the group by jobs. */
  mainActivities: ActivityShare[];
  stars: StarRating;
  /** Truly secret cells of the activity inside the group (jobs unknown: the counts are lower bounds). */
  secretCells: number;
}

/** A cell with LQ ≥ minLq and ≥ minJobs jobs carried by one or two establishments: a possible pivot firm. */
export interface SinglePlantConcentration {
  commune: string;
  communeName: string | null;
  activity: string;
  label: string | null;
  jobs: number;
  establishments: number;
  lqJobs: number;
  shareOfActivityJobs: number;
  stars: StarRating;
}

/** Blank cells and truly secret cells (DOMAIN §9), for the diagnostic year at the sub-class level. */
export interface SecretCellReport {
  /** Long rows read for the year. */
  rows: number;
  /** Rows with establishments published and jobs blank. */
  secretRows: number;
  /** Establishments in those rows (their jobs are unknown and count as 0). */
  secretEstablishments: number;
  /** Rows with jobs published and establishments blank (should not happen in URSSAF data). */
  establishmentsBlankRows: number;
  /** Per activity (sub-class) with secret rows: how many, and their establishments; by count desc. */
  byActivity: { activity: string; label: string | null; rows: number; establishments: number }[];
  /** How blanks were treated, in one sentence for the report. */
  rule: string;
}

/** Commune codes mapped to the vintage of the installed `@etalab/decoupage-administratif`. */
export interface CommuneMappingReport {
  /** Package version (the vintage). */
  vintage: string;
  mapped: {
    from: string;
    to: string;
    reason: "ancien-code" | "commune-deleguee" | "commune-associee";
    rows: number;
  }[];
  /** Codes found nowhere in the COG: their rows are left out of every index. */
  unknown: { code: string; rows: number }[];
  /** Adjacency pairs mapped or dropped (both ends in the same commune after mapping). */
  adjacency: { pairs: number; mapped: number; selfLoopsDropped: number; unknownCodes: string[] };
}

/** All results at one NAF level. */
export interface LevelDiagnostic {
  level: NafLevel;
  /** Published cells of the diagnostic year (a cell with nothing published is absent). */
  cells: CellIndex[];
  communes: CommuneIndex[];
  activities: ActivityIndex[];
  candidates: Candidate[];
  singlePlant: SinglePlantConcentration[];
}

export interface DiagnosticResult {
  options: ResolvedDiagnosticOptions;
  years: number[];
  /** Zone totals in the diagnostic year. */
  totals: { communes: number; jobs: number; establishments: number };
  levels: LevelDiagnostic[];
  secret: SecretCellReport;
  communeMapping: CommuneMappingReport;
  /** The exact rules used, in sentences for the report (growth, merge, stars, EG approximation…). */
  notes: string[];
}

/** The entry point (implemented in `diagnostic.ts`). */
export type TerritorialDiagnostic = (
  table: EstablishmentSource,
  options?: DiagnosticOptions,
) => Promise<DiagnosticResult>;

/** A firm of the loaded network inside a candidate. */
export interface CandidateFirm {
  id: string;
  name: string | null;
  naf: string | null;
  commune: string | null;
  headcount: number | null;
  size_class: Actor["size_class"];
}

/**
 * One leader among a candidate's firms, with its evidence: its place in the loaded network's
 * opinion-leader ranking (`opinionLeaders`), its role there and the measures behind the score.
 */
export interface CandidateLeader {
  id: string;
  /** Rank among the candidate's firms (1 = its first leader). */
  rank: number;
  /** Rank in the whole network's ranking (1 = the network's first leader). */
  networkRank: number;
  /** Profile in the network: brokerage above hub measures, the reverse, or both. */
  role: "broker" | "hub" | "broker_hub";
  /** Opinion-leader score in [0, 1] (mean percentile of the brokerage and hub measures). */
  score: number;
  /** Distinct neighbours in the network. */
  degree: number;
  /** Betweenness inside its network (networkx normalisation); null below the minimum network size. */
  betweenness: number | null;
  /** Burt constraint; null for an isolated actor. */
  constraint: number | null;
  /** The evidence in words (rank, degree, betweenness, constraint, cross-group brokerage, reach). */
  evidence: string;
}

/** Optional hook: given the network and the candidate's firm ids, rank the leaders among them. */
export type LeaderRanker = (graph: NetworkGraph, firmIds: readonly string[]) => CandidateLeader[];

export interface CandidateFirms {
  candidateId: string;
  firms: CandidateFirm[];
  /** Present only when a `LeaderRanker` was given: the candidate's leaders, best first. */
  leaders?: CandidateLeader[];
  /**
   * Present only when the networks were classified: the organisational form of each firm-to-firm
   * network (component) the candidate's firms belong to, largest share of the firms first.
   */
  forms?: CandidateForm[];
}

/** The organisational-form verdict of one network holding some of a candidate's firms. */
export interface CandidateForm {
  network: string;
  /** Actors of that network. */
  size: number;
  /** The candidate's firms in that network. */
  firms: number;
  label: string;
  score: number | null;
  /** The network's first-ranked pivot firm (id and name), if any. */
  pivot: { id: string; name: string | null } | null;
}
