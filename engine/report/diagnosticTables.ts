/**
 * The tables of the territorial diagnostic, defined once for the report's HTML tables and for the CSV
 * and Parquet files `maillage diagnose` writes: same columns, same order, definitions as header tooltips.
 * Shares are written as fractions in files and shown as percentages in the report.
 */
import type {
  ActivityIndex,
  ActivityShare,
  Candidate,
  CandidateFirm,
  CandidateLeader,
  CellIndex,
  CommuneIndex,
  SecretCellReport,
  SinglePlantConcentration,
  StarRating,
} from "../territory/types.ts";
import { escapeHtml } from "./escape.ts";
import { formatPercent } from "./format.ts";
import type { Column } from "./table.ts";

/** `★★☆` for two stars of three. */
export function starText(stars: StarRating): string {
  return "★".repeat(stars.stars) + "☆".repeat(3 - stars.stars);
}

const starTitle = (s: StarRating) =>
  `${s.stars} of 3: size ${s.size ? "yes" : "no"}, specialisation ${s.specialisation ? "yes" : "no"}, focus ${s.focus ? "yes" : "no"}`;

const starColumn = <R>(get: (row: R) => StarRating): Column<R> => ({
  label: "Stars",
  key: "stars",
  value: (r) => get(r).stars,
  format: "integer",
  title:
    "Cluster-observatory star rating: one star each for size, specialisation and focus (thresholds in Method)",
  html: (r) => `<span class="stars" title="${escapeHtml(starTitle(get(r)))}">${starText(get(r))}</span>`,
});

/** `29.10Z Construction de véhicules automobiles (18.2%); …` */
export function mainActivitiesText(list: readonly ActivityShare[]): string {
  return list
    .map((a) => `${a.activity}${a.label ? ` ${a.label}` : ""} (${formatPercent(a.share)})`)
    .join("; ");
}

/** Codes and shares, each with its label as a tooltip: short rows in the report. */
export function mainActivitiesHtml(list: readonly ActivityShare[]): string {
  return list
    .map(
      (a) =>
        `<span title="${escapeHtml(a.label ?? a.activity)}">${escapeHtml(a.activity)}&nbsp;${escapeHtml(formatPercent(a.share))}</span>`,
    )
    .join(", ");
}

export const CANDIDATE_COLUMNS: readonly Column<Candidate>[] = [
  { label: "Rank", key: "rank", value: (c) => c.rank, format: "integer" },
  { label: "Id", key: "id", fileOnly: true, value: (c) => c.id },
  { label: "Activity", key: "activity", value: (c) => c.activity },
  { label: "Label", key: "label", value: (c) => c.label },
  {
    label: "Communes",
    key: "communes",
    value: (c) => c.communes.length,
    format: "integer",
    title: "number of communes in the group",
  },
  {
    label: "Commune names",
    key: "commune_names",
    wide: true,
    value: (c) => c.communes.map((code, i) => `${c.communeNames[i] ?? code}`).join(", "),
  },
  { label: "Commune codes", key: "commune_codes", fileOnly: true, value: (c) => c.communes.join(" ") },
  {
    label: "Jobs",
    key: "jobs",
    value: (c) => c.jobs,
    format: "integer",
    title: "salaried jobs of the activity in the group (blanks as 0)",
  },
  { label: "Establishments", key: "establishments", value: (c) => c.establishments, format: "integer" },
  {
    label: "LQ jobs",
    key: "lq_jobs",
    value: (c) => c.lqJobs,
    format: "decimal",
    title: "location quotient of jobs of the group as one area",
  },
  {
    label: "LQ est.",
    key: "lq_establishments",
    value: (c) => c.lqEstablishments,
    format: "decimal",
    title: "location quotient of establishments",
  },
  {
    label: "Share of zone jobs",
    key: "share_of_zone_jobs",
    value: (c) => c.shareOfZoneJobs,
    format: "percent",
    digits: 2,
  },
  {
    label: "Share of activity jobs",
    key: "share_of_activity_jobs",
    value: (c) => c.shareOfActivityJobs,
    format: "percent",
  },
  {
    label: "Avg size",
    key: "average_size",
    value: (c) => c.averageSize,
    format: "decimal",
    digits: 1,
    title: "jobs per establishment",
  },
  {
    label: "SME share",
    key: "sme_share",
    value: (c) => c.smeShare,
    format: "percent",
    title: "share of jobs in SME size classes (empty: the table has no size classes)",
  },
  { label: "Jobs base year", key: "jobs_base", value: (c) => c.jobsBase, format: "integer" },
  { label: "LQ base year", key: "lq_jobs_base", value: (c) => c.lqJobsBase, format: "decimal" },
  {
    label: "LQ change",
    key: "lq_change",
    value: (c) => c.lqChange,
    format: "change",
    title: "LQ of jobs now minus in the base year (the historical construct)",
  },
  {
    label: "Krugman",
    key: "krugman",
    value: (c) => c.krugman,
    format: "decimal",
    title: "Krugman specialisation of the group against the reference (0–2)",
  },
  starColumn((c) => c.stars),
  {
    label: "Secret cells",
    key: "secret_cells",
    value: (c) => c.secretCells,
    format: "integer",
    title: "cells with establishments published and jobs secret: the jobs are lower bounds",
  },
  {
    label: "Main activities",
    key: "main_activities",
    wide: true,
    value: (c) => mainActivitiesText(c.mainActivities),
    html: (c) => mainActivitiesHtml(c.mainActivities),
  },
];

export const SINGLE_PLANT_COLUMNS: readonly Column<SinglePlantConcentration>[] = [
  { label: "Commune", key: "commune", value: (s) => s.commune },
  { label: "Name", key: "commune_name", value: (s) => s.communeName },
  { label: "Activity", key: "activity", value: (s) => s.activity },
  { label: "Label", key: "label", value: (s) => s.label },
  { label: "Jobs", key: "jobs", value: (s) => s.jobs, format: "integer" },
  { label: "Establishments", key: "establishments", value: (s) => s.establishments, format: "integer" },
  { label: "LQ jobs", key: "lq_jobs", value: (s) => s.lqJobs, format: "decimal" },
  {
    label: "Share of activity jobs",
    key: "share_of_activity_jobs",
    value: (s) => s.shareOfActivityJobs,
    format: "percent",
  },
  starColumn((s) => s.stars),
];

export const COMMUNE_COLUMNS: readonly Column<CommuneIndex>[] = [
  { label: "Commune", key: "commune", value: (c) => c.commune },
  { label: "Name", key: "name", value: (c) => c.name },
  { label: "Jobs", key: "jobs", value: (c) => c.jobs, format: "integer" },
  { label: "Establishments", key: "establishments", value: (c) => c.establishments, format: "integer" },
  {
    label: "Krugman",
    key: "krugman",
    value: (c) => c.krugman,
    format: "decimal",
    digits: 3,
    title: "Σ_j |e_ij/e_i − E_j/E| (0–2)",
  },
  {
    label: "Krugman vs rest",
    key: "krugman_rest",
    value: (c) => c.krugmanRest,
    format: "decimal",
    digits: 3,
    title: "against the rest of the reference territory",
  },
  {
    label: "Main activities",
    key: "main_activities",
    wide: true,
    value: (c) => mainActivitiesText(c.mainActivities),
    html: (c) => mainActivitiesHtml(c.mainActivities),
  },
];

export const ACTIVITY_COLUMNS: readonly Column<ActivityIndex>[] = [
  { label: "Activity", key: "activity", value: (a) => a.activity },
  { label: "Label", key: "label", value: (a) => a.label },
  { label: "Jobs", key: "jobs", value: (a) => a.jobs, format: "integer" },
  { label: "Establishments", key: "establishments", value: (a) => a.establishments, format: "integer" },
  { label: "Communes", key: "communes", value: (a) => a.communes, format: "integer" },
  {
    label: "Hoover",
    key: "hoover",
    value: (a) => a.hoover,
    format: "decimal",
    digits: 3,
    title: "Hoover localisation ½ Σ_i |e_ij/E_j − e_i/E| (0–1)",
  },
  {
    label: "Gini",
    key: "gini",
    value: (a) => a.gini,
    format: "decimal",
    digits: 3,
    title: "locational Gini (Krugman 1991)",
  },
  {
    label: "Herfindahl",
    key: "herfindahl",
    value: (a) => a.herfindahl,
    format: "decimal",
    digits: 3,
    title: "Σ_i (e_ij/E_j)²",
  },
  {
    label: "EG γ",
    key: "ellison_glaeser",
    value: (a) => a.ellisonGlaeser,
    format: "decimal",
    digits: 4,
    title: "Ellison–Glaeser γ, plant Herfindahl approximated with equal-sized establishments per cell",
  },
  {
    label: "Plant Herfindahl",
    key: "plant_herfindahl",
    value: (a) => a.plantHerfindahl,
    format: "decimal",
    digits: 4,
  },
  { label: "Avg size", key: "average_size", value: (a) => a.averageSize, format: "decimal", digits: 1 },
  { label: "SME share", key: "sme_share", value: (a) => a.smeShare, format: "percent" },
  { label: "Secret cells", key: "secret_cells", value: (a) => a.secretCells, format: "integer" },
];

export const CELL_COLUMNS: readonly Column<CellIndex>[] = [
  { label: "Commune", key: "commune", value: (c) => c.commune },
  { label: "Activity", key: "activity", value: (c) => c.activity },
  { label: "Jobs", key: "jobs", value: (c) => c.jobs, format: "integer" },
  { label: "Establishments", key: "establishments", value: (c) => c.establishments, format: "integer" },
  { label: "LQ jobs", key: "lq_jobs", value: (c) => c.lqJobs, format: "decimal" },
  { label: "LQ est.", key: "lq_establishments", value: (c) => c.lqEstablishments, format: "decimal" },
  { label: "Avg size", key: "average_size", value: (c) => c.averageSize, format: "decimal" },
  { label: "SME share", key: "sme_share", value: (c) => c.smeShare, format: "percent" },
  { label: "Jobs base year", key: "jobs_base", value: (c) => c.jobsBase, format: "integer" },
  { label: "LQ base year", key: "lq_jobs_base", value: (c) => c.lqJobsBase, format: "decimal" },
  { label: "LQ change", key: "lq_change", value: (c) => c.lqChange, format: "change" },
  { label: "Secret rows", key: "secret_rows", value: (c) => c.secretRows, format: "integer" },
];

export type SecretByActivity = SecretCellReport["byActivity"][number];
export const SECRET_COLUMNS: readonly Column<SecretByActivity>[] = [
  { label: "Activity", key: "activity", value: (s) => s.activity },
  { label: "Label", key: "label", value: (s) => s.label },
  { label: "Secret rows", key: "rows", value: (s) => s.rows, format: "integer" },
  { label: "Establishments", key: "establishments", value: (s) => s.establishments, format: "integer" },
];

/** A firm of a candidate, with the candidate it belongs to and its role when the network ranks it. */
export interface CandidateFirmRow extends CandidateFirm {
  candidate: string;
  activity: string;
  leader: CandidateLeader | null;
}

export const FIRM_COLUMNS: readonly Column<CandidateFirmRow>[] = [
  { label: "Candidate", key: "candidate", value: (f) => f.candidate },
  { label: "Id", key: "id", value: (f) => f.id },
  { label: "Name", key: "name", value: (f) => f.name },
  { label: "NAF", key: "naf", value: (f) => f.naf },
  { label: "Commune", key: "commune", value: (f) => f.commune },
  { label: "Headcount", key: "headcount", value: (f) => f.headcount, format: "integer" },
  { label: "Size class", key: "size_class", value: (f) => f.size_class },
  { label: "Leader rank", key: "leader_rank", value: (f) => f.leader?.rank ?? null, format: "integer" },
  {
    label: "Network rank",
    key: "network_rank",
    value: (f) => f.leader?.networkRank ?? null,
    format: "integer",
    title: "Place in the opinion-leader ranking of the whole network",
  },
  { label: "Role", key: "role", value: (f) => f.leader?.role ?? null },
  {
    label: "Score",
    key: "score",
    value: (f) => f.leader?.score ?? null,
    format: "decimal",
    digits: 3,
    title: "Opinion-leader score: mean percentile of brokerage and hub measures, in [0, 1]",
  },
  { label: "Degree", key: "degree", value: (f) => f.leader?.degree ?? null, format: "integer" },
  {
    label: "Betweenness",
    key: "betweenness",
    value: (f) => f.leader?.betweenness ?? null,
    format: "decimal",
    digits: 4,
    fileOnly: true,
  },
  {
    label: "Constraint",
    key: "constraint",
    value: (f) => f.leader?.constraint ?? null,
    format: "decimal",
    digits: 3,
    fileOnly: true,
  },
  { label: "Evidence", key: "evidence", wide: true, value: (f) => f.leader?.evidence ?? null },
];

/** One year of a candidate's activity in its communes. */
export interface TrendPoint {
  year: number;
  jobs: number | null;
  establishments: number | null;
  lqJobs: number | null;
}

export interface CandidateTrend {
  candidateId: string;
  points: readonly TrendPoint[];
}

export interface TrendRow extends TrendPoint {
  candidate: string;
}

export const TREND_COLUMNS: readonly Column<TrendRow>[] = [
  { label: "Candidate", key: "candidate", value: (t) => t.candidate },
  { label: "Year", key: "year", value: (t) => t.year, format: "year" },
  { label: "Jobs", key: "jobs", value: (t) => t.jobs, format: "integer" },
  { label: "Establishments", key: "establishments", value: (t) => t.establishments, format: "integer" },
  { label: "LQ jobs", key: "lq_jobs", value: (t) => t.lqJobs, format: "decimal" },
];
