/**
 * Classify every network of a scope: pivots with evidence, indicators, organisational-form score and
 * label, typology. `classifyNetwork` does one set of actors; `classify` cuts the input into networks
 * (`scopes.ts`) and classifies each.
 */
import type { NetworkGraph } from "../model/graph.ts";
import { linkView } from "../model/views.ts";
import type { LinkKind } from "../model/vocabulary.ts";
import { type Capture, type CaptureOptions, captureBy } from "./capture.ts";
import { type FormLabel, type FormScoreOptions, formScore, type Indicator } from "./formScore.ts";
import { type IndicatorName, measureIndicators } from "./indicators.ts";
import { type Pivot, pivotFirms } from "./pivots.ts";
import { projectionNetwork } from "./projection.ts";
import { type NetworkScope, networkScopes, type ScopeOptions, subnetwork } from "./scopes.ts";
import type { CommunePair } from "./territory.ts";
import { type Typology, typology } from "./typology.ts";

export interface ClassifyOptions extends ScopeOptions, FormScoreOptions {
  /** When a réseau de firmes counts as captured by a larger customer (then "mixed"); `capture.ts`. */
  capture?: CaptureOptions;
  directed?: boolean;
  adjacency?: readonly CommunePair[] | null;
  /** Pivots reported per network (default 5). */
  pivots?: number;
  /** Override of public recognition for the typology. */
  recognised?: boolean;
  /** Classify the membership projection (members tied by shared organisations, `projection.ts`). */
  projection?: boolean;
  /** Keep only links of these kinds (membership links are always kept for the typology). */
  kinds?: readonly LinkKind[];
}

export interface NetworkClassification {
  id: string;
  size: number;
  links: number;
  score: number | null;
  label: FormLabel | "undetermined";
  /** Set when a larger customer captures an SME network the score calls réseau de firmes (label "mixed"). */
  capture: Capture | null;
  thresholds: { firmeReseau: number; reseauDeFirmes: number };
  pivots: Pivot[];
  indicators: Record<IndicatorName, Indicator>;
  missing: IndicatorName[];
  typology: Typology;
}

export function classifyNetwork(
  graph: NetworkGraph,
  scope: NetworkScope,
  options: ClassifyOptions = {},
): NetworkClassification {
  const network = subnetwork(graph, scope.members);
  const pivots = pivotFirms(network, { directed: options.directed });
  const measured = measureIndicators(network, pivots, {
    directed: options.directed,
    adjacency: options.adjacency,
  });
  const form = formScore(measured, options);
  const capture = form.label === "réseau de firmes" ? captureBy(pivots[0], options.capture) : null;
  return {
    id: scope.id,
    size: network.order,
    links: network.size,
    score: form.score,
    label: capture ? "mixed" : form.label,
    capture,
    thresholds: form.thresholds,
    pivots: pivots.slice(0, options.pivots ?? 5),
    indicators: form.indicators,
    missing: form.missing,
    typology: typology(graph, scope.members, {
      organisation: scope.organisation,
      recognised: options.recognised,
      form: capture ? "mixed" : form.label,
    }),
  };
}

export function classify(input: NetworkGraph, options: ClassifyOptions = {}): NetworkClassification[] {
  const kinds = options.kinds ? new Set<LinkKind>([...options.kinds, "membership"]) : null;
  const chosen = kinds ? linkView(input, (link) => kinds.has(link.kind)) : input;
  const graph = options.projection ? projectionNetwork(chosen) : chosen;
  return networkScopes(graph, options).map((scope) => classifyNetwork(graph, scope, options));
}
