/**
 * The indicators of organisational form (DOMAIN §3), each measured on one network with its value and
 * why it may be missing. Which way each points and how it is scaled is `formScore.ts`'s business.
 * - `degree_centralization`, `betweenness_centralization`: Freeman's (`analyse/centrality`), on the
 *   undirected simple graph (directed paths for betweenness with `directed`);
 * - `top_dominance`: 1 − d₂/d₁, the top two degrees (1 = a star, 0 = two equal leaders);
 * - `fragmentation`: share of connected pairs disconnected by removing the top pivot (`removal.ts`);
 * - `vertical_share`: vertical market links over market links of known orientation;
 * - `formal_share`: formal links over links of known formality;
 * - `sme_non_market_density`: distinct pairs of micro/SME firms tied by a non-market link, over all
 *   their pairs (needs headcounts);
 * - `clustering`: mean local clustering (networkx `average_clustering`);
 * - `degree_gini`: Gini coefficient of degrees (0 = equal);
 * - `comparable_leaders`: actors whose degree is at least three quarters of the largest;
 * - `size_mix`: the top pivot's size class against the others' (see `formScore.ts`);
 * - `territorial_concentration`: `territory.ts`.
 */
import { analysisGraph } from "../analyse/analysisGraph.ts";
import { betweennessCentralization, degreeCentralization } from "../analyse/centrality/centralization.ts";
import { averageClustering } from "../analyse/structure/clustering.ts";
import type { NetworkGraph } from "../model/graph.ts";
import type { SizeClass } from "../model/sizeClass.ts";
import { linkCounts, ratio } from "./linkShares.ts";
import type { Pivot } from "./pivots.ts";
import { type CommunePair, territorialConcentration } from "./territory.ts";

export const INDICATORS = [
  "degree_centralization",
  "betweenness_centralization",
  "top_dominance",
  "fragmentation",
  "vertical_share",
  "formal_share",
  "sme_non_market_density",
  "clustering",
  "degree_gini",
  "comparable_leaders",
  "size_mix",
  "territorial_concentration",
] as const;
export type IndicatorName = (typeof INDICATORS)[number];

export interface Measured {
  value: number | null;
  /** Why the value is null. */
  missing: string | null;
}

export interface IndicatorOptions {
  directed?: boolean;
  /** Commune adjacency for territorial concentration; null = same commune only. */
  adjacency?: readonly CommunePair[] | null;
}

const SMALL: ReadonlySet<SizeClass> = new Set<SizeClass>(["micro", "sme"]);
const BIG: ReadonlySet<SizeClass> = new Set<SizeClass>(["midcap", "large"]);

/** Gini coefficient of non-negative values: Σ_i Σ_j |x_i − x_j| / (2 n² mean); null when the sum is 0. */
export function gini(values: readonly number[]): number | null {
  const n = values.length;
  const total = values.reduce((s, x) => s + x, 0);
  if (n === 0 || total <= 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  let weighted = 0;
  sorted.forEach((x, i) => {
    weighted += (2 * (i + 1) - n - 1) * x;
  });
  return weighted / (n * total);
}

const measured = (value: number | null, missing: string): Measured =>
  value === null || !Number.isFinite(value) ? { value: null, missing } : { value, missing: null };

/**
 * Size mix: −1 when the top pivot is a mid-cap or large firm and most other firms of known size are
 * micro or SMEs; 0 when it is large among large firms; +1 when it is itself a micro firm or SME.
 */
function sizeMix(network: NetworkGraph, top: Pivot | undefined): Measured {
  const pivotClass = top ? network.getNodeAttribute(top.id, "size_class") : null;
  if (!top || pivotClass === null) return { value: null, missing: "headcount of the top pivot" };
  if (SMALL.has(pivotClass)) return { value: 1, missing: null };
  let small = 0;
  let known = 0;
  network.forEachNode((id, a) => {
    if (id === top.id || a.size_class === null) return;
    known++;
    if (SMALL.has(a.size_class)) small++;
  });
  if (known === 0) return { value: null, missing: "headcounts of the other actors" };
  return { value: BIG.has(pivotClass) && small / known >= 0.5 ? -1 : 0, missing: null };
}

function smeNonMarketDensity(network: NetworkGraph): Measured {
  const smes = new Set<string>();
  network.forEachNode((id, a) => {
    if (a.size_class !== null && SMALL.has(a.size_class)) smes.add(id);
  });
  if (smes.size < 2) return { value: null, missing: "headcounts (fewer than two micro/SME firms known)" };
  const pairs = new Set<string>();
  network.forEachEdge((_, a, s, t) => {
    if (a.category === "non_market" && smes.has(s) && smes.has(t))
      pairs.add(s < t ? `${s}\t${t}` : `${t}\t${s}`);
  });
  return { value: pairs.size / ((smes.size * (smes.size - 1)) / 2), missing: null };
}

export function measureIndicators(
  network: NetworkGraph,
  pivots: readonly Pivot[],
  options: IndicatorOptions = {},
): Record<IndicatorName, Measured> {
  const simple = analysisGraph(network);
  const n = simple.order;
  const few = "fewer than 3 actors";
  const degrees = simple.mapNodes((id) => simple.degree(id)).sort((a, b) => b - a);
  const counts = linkCounts(network);
  const top = pivots[0];
  const noKinds = counts.links === 0 ? "no links" : null;
  return {
    degree_centralization: measured(n >= 3 ? degreeCentralization(simple) : null, few),
    betweenness_centralization: measured(
      n >= 3
        ? betweennessCentralization(options.directed ? analysisGraph(network, { directed: true }) : simple)
        : null,
      few,
    ),
    top_dominance: measured(
      n >= 3 && degrees[0] > 0 ? 1 - degrees[1] / degrees[0] : null,
      n >= 3 ? "no links" : few,
    ),
    fragmentation: measured(
      n >= 3 ? (top?.evidence.removal?.pairsDisconnected ?? null) : null,
      n >= 3 ? "no connected pair" : few,
    ),
    vertical_share: measured(
      ratio(counts.vertical, counts.vertical + counts.horizontal + counts.intersectoral),
      noKinds ?? "no market link of known orientation (link kinds or NAF codes)",
    ),
    formal_share: measured(
      ratio(counts.formal, counts.formal + counts.informal),
      noKinds ?? "no link of known formality",
    ),
    sme_non_market_density: smeNonMarketDensity(network),
    clustering: measured(n >= 3 ? averageClustering(simple) : null, few),
    degree_gini: measured(n >= 3 ? gini(degrees) : null, n >= 3 ? "no links" : few),
    comparable_leaders: measured(
      n >= 3 && degrees[0] > 0 ? degrees.filter((d) => d >= 0.75 * degrees[0]).length : null,
      n >= 3 ? "no links" : few,
    ),
    size_mix: sizeMix(network, top),
    territorial_concentration: measured(
      territorialConcentration(network, options.adjacency ?? null),
      "communes (fewer than two members with one)",
    ),
  };
}
