/**
 * The tables of the network-of-networks dashboard, shown in the report and written as CSV: one column
 * list per table, so the page and the files always agree. Definitions of the measures are in
 * `engine/networks/` (each module's top comment); the header tooltips repeat them briefly.
 */
import type {
  BridgeFirm,
  CandidateCoverage,
  CommuneGap,
  IndicatorStanding,
  MeetingSuggestion,
  MemberParticipation,
  OverlapPair,
  PilotIndicators,
  RedundantPair,
  RegisteredNetwork,
  SeriesPoint,
} from "../networks/index.ts";
import type { Column } from "./table.ts";

/** One network's indicators with its registry record and its standing against the registry. */
export interface NetworkRow {
  network: RegisteredNetwork;
  indicators: PilotIndicators;
  standings: readonly IndicatorStanding[];
  weak: readonly string[];
}

const list = (items: readonly string[]) => items.join("|");

export const NETWORK_COLUMNS: readonly Column<NetworkRow>[] = [
  { label: "Network", key: "network", value: (r) => r.network.id, fileOnly: true },
  { label: "Name", key: "name", value: (r) => r.network.name ?? r.network.id },
  { label: "Type", key: "type", value: (r) => r.network.type },
  {
    label: "Communes",
    key: "territory_communes",
    value: (r) => r.network.territory.length,
    format: "integer",
    title: "communes of the network's territory (EPCI expanded)",
  },
  {
    label: "Activities",
    key: "activities",
    value: (r) => (r.network.activities.length ? list(r.network.activities) : "all"),
  },
  { label: "Founded", key: "founded", value: (r) => r.network.founded, fileOnly: true },
  { label: "Ended", key: "ended", value: (r) => r.network.ended, fileOnly: true },
  { label: "Animator", key: "animator", value: (r) => r.network.animator, fileOnly: true },
  { label: "Members", key: "members", value: (r) => r.indicators.members, format: "integer" },
  {
    label: "Joins",
    key: "joins",
    value: (r) => r.indicators.joins,
    format: "integer",
    title: "memberships begun in the window",
  },
  {
    label: "Leaves",
    key: "leaves",
    value: (r) => r.indicators.leaves,
    format: "integer",
    title: "memberships ended in the window",
  },
  { label: "Net growth", key: "net_growth", value: (r) => r.indicators.netGrowth, format: "integer" },
  {
    label: "Active",
    key: "active_share",
    value: (r) => r.indicators.activeShare.value,
    format: "percent",
    title: "members who took part in an action or formed a tie with another member in the window",
  },
  {
    label: "Density",
    key: "density",
    value: (r) => r.indicators.density.value,
    format: "decimal",
    digits: 3,
    title: "ties among members / possible pairs, at the as-of date",
  },
  {
    label: "New ties",
    key: "new_ties",
    value: (r) => r.indicators.newTies,
    format: "integer",
    title: "pairs of members tied in the window",
  },
  {
    label: "Tied outward",
    key: "outward_share",
    value: (r) => r.indicators.outwardShare.value,
    format: "percent",
    title: "members tied to a member of another network of the registry",
  },
  {
    label: "Reach",
    key: "reach",
    value: (r) => r.indicators.reach.value,
    format: "percent",
    title: "members of the network's activities in its territory / establishments of those activities there",
  },
  {
    label: "Gini",
    key: "participation_gini",
    value: (r) => r.indicators.concentration.gini.value,
    format: "decimal",
    title: "inequality of participations (actions attended + new ties) among members",
  },
  {
    label: "Top 20 %",
    key: "top_share",
    value: (r) => r.indicators.concentration.topShare.value,
    format: "percent",
    title: "share of the participations carried by the most active 20 % of members",
  },
  {
    label: "Carriers",
    key: "carriers",
    value: (r) => r.indicators.concentration.carriers.length,
    format: "integer",
    title: "fewest members carrying half the participations",
  },
  {
    label: "Actions",
    key: "actions",
    value: (r) => r.indicators.actions,
    format: "integer",
    title: "actions of the network in the window",
  },
  {
    label: "Weak on",
    key: "weak",
    value: (r) => list(r.weak),
    title: "indicators in the registry's bottom quartile (in the direction that is worse)",
  },
];

export interface SeriesRow extends SeriesPoint {
  network: string;
}

export const SERIES_COLUMNS: readonly Column<SeriesRow>[] = [
  { label: "Network", key: "network", value: (r) => r.network },
  { label: "Date", key: "date", value: (r) => r.date },
  { label: "Members", key: "members", value: (r) => r.members, format: "integer" },
  { label: "Joins", key: "joins", value: (r) => r.joins, format: "integer" },
  { label: "Leaves", key: "leaves", value: (r) => r.leaves, format: "integer" },
  { label: "Active", key: "active", value: (r) => r.active, format: "integer" },
  { label: "Active share", key: "active_share", value: (r) => r.activeShare.value, format: "percent" },
  { label: "Density", key: "density", value: (r) => r.density.value, format: "decimal", digits: 3 },
  { label: "Actions", key: "actions", value: (r) => r.actions, format: "integer" },
];

export interface ParticipationRow extends MemberParticipation {
  network: string;
  carrier: boolean;
}

export const PARTICIPATION_COLUMNS: readonly Column<ParticipationRow>[] = [
  { label: "Network", key: "network", value: (r) => r.network },
  { label: "Member", key: "member", value: (r) => r.id },
  { label: "Name", key: "name", value: (r) => r.name },
  { label: "Participations", key: "participations", value: (r) => r.participations, format: "integer" },
  { label: "Actions", key: "actions", value: (r) => r.actions, format: "integer" },
  { label: "New ties", key: "new_ties", value: (r) => r.newTies, format: "integer" },
  { label: "Carrier", key: "carrier", value: (r) => (r.carrier ? "yes" : "") },
];

/** Names of the networks, for tables that show pairs. */
export type NetworkNames = ReadonlyMap<string, string>;

export const overlapColumns = (names: NetworkNames): readonly Column<OverlapPair>[] => [
  { label: "Network A", key: "a", value: (r) => r.a, fileOnly: true },
  { label: "Network B", key: "b", value: (r) => r.b, fileOnly: true },
  { label: "Network A", key: "name_a", value: (r) => names.get(r.a) ?? r.a },
  { label: "Network B", key: "name_b", value: (r) => names.get(r.b) ?? r.b },
  { label: "Members A", key: "members_a", value: (r) => r.sizeA, format: "integer" },
  { label: "Members B", key: "members_b", value: (r) => r.sizeB, format: "integer" },
  { label: "Shared", key: "shared", value: (r) => r.shared, format: "integer" },
  {
    label: "Jaccard",
    key: "jaccard",
    value: (r) => r.jaccard.value,
    format: "decimal",
    digits: 3,
    title: "shared / members of either",
  },
  {
    label: "Overlap",
    key: "overlap",
    value: (r) => r.overlap.value,
    format: "decimal",
    digits: 3,
    title: "shared / members of the smaller network",
  },
];

export const bridgeColumns = (names: NetworkNames): readonly Column<BridgeFirm>[] => [
  { label: "Actor", key: "id", value: (r) => r.id, fileOnly: true },
  { label: "Name", key: "name", value: (r) => r.name ?? r.id },
  { label: "NAF", key: "naf", value: (r) => r.naf },
  { label: "Commune", key: "commune", value: (r) => r.commune },
  { label: "Networks", key: "count", value: (r) => r.count, format: "integer" },
  {
    label: "Member of",
    key: "networks",
    value: (r) => r.networks.map((n) => names.get(n) ?? n).join("; "),
    wide: true,
  },
];

export const redundantColumns = (names: NetworkNames): readonly Column<RedundantPair>[] => [
  { label: "Network A", key: "a", value: (r) => names.get(r.a) ?? r.a },
  { label: "Network B", key: "b", value: (r) => names.get(r.b) ?? r.b },
  {
    label: "Territory Jaccard",
    key: "territory_jaccard",
    value: (r) => r.territoryJaccard,
    format: "decimal",
    digits: 3,
  },
  { label: "Members shared", key: "shared_members", value: (r) => r.sharedMembers.length, format: "integer" },
  {
    label: "Member Jaccard",
    key: "member_jaccard",
    value: (r) => r.memberJaccard,
    format: "decimal",
    digits: 3,
  },
  { label: "Evidence", key: "evidence", value: (r) => r.evidence, wide: true },
];

export const meetingColumns = (names: NetworkNames): readonly Column<MeetingSuggestion>[] => [
  { label: "Network A", key: "a", value: (r) => names.get(r.a) ?? r.a },
  { label: "Network B", key: "b", value: (r) => names.get(r.b) ?? r.b },
  {
    label: "Score",
    key: "score",
    value: (r) => r.score,
    format: "decimal",
    digits: 3,
    title: "mean observed value-chain links per pair of members across the two networks",
  },
  { label: "Complementarity", key: "complementarity", value: (r) => r.complementarity, format: "integer" },
  { label: "Ties now", key: "ties", value: (r) => r.ties, format: "integer" },
  {
    label: "Value chains",
    key: "chains",
    value: (r) =>
      r.chains
        .slice(0, 4)
        .map((c) => `${c.divisions[0]}↔${c.divisions[1]} (${c.links} links, ${c.memberPairs} pairs)`)
        .join("; "),
    wide: true,
  },
];

export const CANDIDATE_COVERAGE_COLUMNS: readonly Column<CandidateCoverage>[] = [
  { label: "Rank", key: "rank", value: (r) => r.rank, format: "integer" },
  { label: "Candidate", key: "candidate", value: (r) => r.candidate, fileOnly: true },
  { label: "Activity", key: "activity", value: (r) => r.activity },
  { label: "Label", key: "label", value: (r) => r.label },
  { label: "Communes", key: "communes", value: (r) => r.communes.length, format: "integer" },
  { label: "Commune codes", key: "commune_codes", value: (r) => list(r.communes), fileOnly: true },
  { label: "Jobs", key: "jobs", value: (r) => r.jobs, format: "integer" },
  { label: "Establishments", key: "establishments", value: (r) => r.establishments, format: "integer" },
  { label: "LQ", key: "lq_jobs", value: (r) => r.lqJobs, format: "decimal" },
  { label: "Covered", key: "covered", value: (r) => (r.covered ? "yes" : "no") },
  {
    label: "By",
    key: "networks",
    value: (r) => r.networks.map((n) => n.name ?? n.id).join("; "),
    wide: true,
  },
];

export const communeGapColumns = (
  communeName: (code: string) => string | null,
): readonly Column<CommuneGap>[] => [
  { label: "Commune", key: "commune", value: (r) => r.commune },
  { label: "Name", key: "commune_name", value: (r) => communeName(r.commune) },
  { label: "Activity", key: "activity", value: (r) => r.activity },
  { label: "Label", key: "label", value: (r) => r.label, wide: true },
  { label: "Establishments", key: "establishments", value: (r) => r.establishments, format: "integer" },
  { label: "Jobs", key: "jobs", value: (r) => r.jobs, format: "integer" },
  { label: "LQ", key: "lq_establishments", value: (r) => r.lq, format: "decimal", title: "establishment LQ" },
];
