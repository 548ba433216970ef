/**
 * The network of networks (DOMAIN.md §8): everything a chamber pilots across the business networks it
 * animates or knows, from the registry (`types.ts`), the model's graph (members are the `membership`
 * links to each network's actor) and, optionally, the establishment table and the candidates of the
 * territorial diagnostic. One call, plain serialisable data:
 *
 * - `indicators`: piloting indicators of every registered network at asOf (`pilotIndicators.ts`);
 * - `series`: the yearly counts of every network up to asOf (`indicatorSeries.ts`);
 * - `comparison`: each network against the registry, over the networks existing at asOf whose actor
 *   is in the graph (a network without one has no members: a data gap, not a weak network; it is
 *   named in `notes`) (`registryComparison.ts`);
 * - `overlap`, `bridges`, `redundant`, `meetings`: between networks (`membershipOverlap.ts`,
 *   `bridgeFirms.ts`, `redundantNetworks.ts`, `interNetworkMeetings.ts`); a redundant pair is to merge
 *   or coordinate, not to introduce, so it is left out of the meetings;
 * - `coverage`: candidates no network covers and commune gaps (`coverageGaps.ts`), null parts with
 *   the reason when the candidates or the table are not given.
 *
 * asOf defaults to the latest date in the links and actions (never the clock); the window is
 * (asOf − `months`, asOf], 12 months by default.
 *
 * Commune codes: territories are current codes (EPCI members and communes resolved by the registry
 * reader), and so are the diagnostic's candidates; the establishment rows come with the codes of their
 * file (URSSAF keeps a merged commune's old code for years), so each row's commune is mapped to the
 * same COG vintage first (`territory/communeVintage.ts`; a code found nowhere is kept as it is).
 */
import type { NetworkGraph } from "../model/graph.ts";
import type { EstablishmentRow } from "../store/loadEstablishments.ts";
import { communeVintage } from "../territory/communeVintage.ts";
import type { Candidate } from "../territory/types.ts";
import { type BridgeFirm, bridgeFirms } from "./bridgeFirms.ts";
import {
  DEFAULT_WINDOW_MONTHS,
  networkActiveAt,
  registryContext,
  resolveRegistryAsOf,
  type Window,
  windowEnding,
} from "./context.ts";
import {
  type CandidateCoverage,
  type CommuneGapOptions,
  type CommuneGaps,
  candidateCoverage,
  communeGaps,
} from "./coverageGaps.ts";
import { type IndicatorSeries, indicatorSeries } from "./indicatorSeries.ts";
import { interNetworkMeetings, type MeetingOptions, type MeetingSuggestion } from "./interNetworkMeetings.ts";
import { membershipOverlap, type OverlapPair } from "./membershipOverlap.ts";
import {
  DEFAULT_CARRIED_SHARE,
  DEFAULT_TOP_SHARE,
  memberSetsAt,
  type PilotIndicators,
  pilotIndicators,
} from "./pilotIndicators.ts";
import { type RedundancyOptions, type RedundantPair, redundantNetworks } from "./redundantNetworks.ts";
import { type RegistryComparison, registryComparison } from "./registryComparison.ts";
import type { NetworkType, Registry } from "./types.ts";

export interface NetworkOfNetworksOptions {
  /** ISO date; default the latest date in the links and actions. */
  asOf?: string | null;
  /** Window length in months. Default 12. */
  months?: number;
  /** Establishment rows (all years) for reach and the commune gaps. */
  establishments?: readonly EstablishmentRow[] | null;
  /** Candidates of the territorial diagnostic (any levels) for the candidate coverage. */
  candidates?: readonly Candidate[] | null;
  /** Share of members counted as the top in the concentration (default 0.2). */
  topShare?: number;
  /** Share of participations the carriers reach (default 0.5). */
  carriedShare?: number;
  /** Compute the yearly series (default true). */
  series?: boolean;
  redundancy?: RedundancyOptions;
  meetings?: MeetingOptions;
  gaps?: CommuneGapOptions;
}

export interface RegisteredNetworkSummary {
  id: string;
  name: string | null;
  type: NetworkType | null;
  /** Whether the network's actor is in the graph (without it the network has no members). */
  inGraph: boolean;
  /** Founded on or before asOf (or unknown) and not ended before it. */
  existsAtAsOf: boolean;
  members: number;
}

export interface NetworkOfNetworks {
  asOf: string;
  window: Window;
  networks: RegisteredNetworkSummary[];
  indicators: PilotIndicators[];
  series: IndicatorSeries[];
  comparison: RegistryComparison;
  overlap: OverlapPair[];
  bridges: BridgeFirm[];
  redundant: RedundantPair[];
  meetings: MeetingSuggestion[];
  coverage: {
    candidates: CandidateCoverage[] | null;
    /** Candidates no network covers (a subset of `candidates`). */
    uncovered: CandidateCoverage[] | null;
    communes: CommuneGaps | null;
    /** Why a part is null. */
    reasons: string[];
  };
  /** Data problems worth a line in the report (networks absent from the graph…). */
  notes: string[];
}

/** The rows with their commune codes mapped to the COG vintage (see the module comment). */
function currentCommunes(rows: readonly EstablishmentRow[]): EstablishmentRow[] {
  const vintage = communeVintage();
  const mapped = new Map<string, string>();
  return rows.map((r) => {
    let to = mapped.get(r.commune);
    if (to === undefined) {
      to = vintage.resolve(r.commune)?.to ?? r.commune;
      mapped.set(r.commune, to);
    }
    return to === r.commune ? r : { ...r, commune: to };
  });
}

export function networkOfNetworks(
  registry: Registry,
  graph: NetworkGraph,
  options: NetworkOfNetworksOptions = {},
): NetworkOfNetworks {
  const asOf = resolveRegistryAsOf(registry, graph, options.asOf);
  const establishments = options.establishments
    ? currentCommunes(options.establishments)
    : options.establishments;
  const months = options.months ?? DEFAULT_WINDOW_MONTHS;
  const ctx = registryContext(registry, graph);
  const sets = memberSetsAt(ctx, asOf);
  const order = registry.networks.map((n) => n.id);
  const notes: string[] = [];
  const absent = registry.networks.filter((n) => !graph.hasNode(n.id)).map((n) => n.id);
  if (absent.length > 0)
    notes.push(`registered networks with no actor in the graph (no members): ${absent.join(", ")}`);

  const indicators = registry.networks.map((n) =>
    pilotIndicators(ctx, n, asOf, {
      months,
      establishments,
      topShare: options.topShare ?? DEFAULT_TOP_SHARE,
      carriedShare: options.carriedShare ?? DEFAULT_CARRIED_SHARE,
      memberSets: sets,
    }),
  );
  const existing = new Set(registry.networks.filter((n) => networkActiveAt(n, asOf)).map((n) => n.id));
  const ended = registry.networks.filter((n) => !existing.has(n.id)).map((n) => n.id);
  if (ended.length > 0)
    notes.push(`networks not existing at ${asOf}, left out of the comparisons: ${ended.join(", ")}`);

  const reasons: string[] = [];
  const candidates = options.candidates
    ? candidateCoverage(registry.networks, options.candidates, asOf)
    : null;
  if (!options.candidates) reasons.push("no candidates of the territorial diagnostic given");
  const rows = establishments;
  const communes =
    rows && rows.length > 0 ? communeGaps(rows, registry.networks, sets, graph, asOf, options.gaps) : null;
  if (!communes) reasons.push("no establishment table given");
  else if (communes.year === null)
    reasons.push(`the establishment table has no year up to ${asOf.slice(0, 4)}`);

  const redundant = redundantNetworks(registry.networks, sets, asOf, options.redundancy);
  const duplicates = new Set(redundant.flatMap((p) => [`${p.a}\u0000${p.b}`, `${p.b}\u0000${p.a}`]));
  return {
    asOf,
    window: windowEnding(asOf, months),
    networks: registry.networks.map((n) => ({
      id: n.id,
      name: n.name,
      type: n.type,
      inGraph: graph.hasNode(n.id),
      existsAtAsOf: existing.has(n.id),
      members: sets.get(n.id)?.size ?? 0,
    })),
    indicators,
    series:
      options.series === false ? [] : registry.networks.map((n) => indicatorSeries(ctx, n, asOf, { months })),
    comparison: registryComparison(
      indicators.filter((p) => existing.has(p.network) && graph.hasNode(p.network)),
    ),
    overlap: membershipOverlap(order, sets),
    bridges: bridgeFirms(graph, order, sets),
    redundant,
    meetings: interNetworkMeetings(ctx, sets, asOf, options.meetings).filter(
      (m) => !duplicates.has(`${m.a}\u0000${m.b}`),
    ),
    coverage: {
      candidates,
      uncovered: candidates ? candidates.filter((c) => !c.covered) : null,
      communes,
      reasons,
    },
    notes,
  };
}
