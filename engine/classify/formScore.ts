/**
 * The organisational-form score: −1 = firme-réseau, +1 = réseau de firmes (DOMAIN §3).
 * Each indicator is turned into a contribution in [−1, 1] by a linear ramp between two anchors:
 * the value at `firmeReseau` maps to −1, the value at `reseauDeFirmes` to +1, clipped beyond. The
 * score is the weighted mean of the contributions of the indicators that could be measured; the
 * missing ones are listed and left out of both sums. Label: firme-réseau when score ≤ −threshold,
 * réseau de firmes when ≥ threshold, mixed between (default threshold 0.2).
 * Default anchors are set from the two ideal types, not fitted: a star-of-stars supply chain has
 * betweenness centralization near 1, a single leader and vertical formal links; an Italian-style
 * district has centralization near 0, several leaders, clustering of a dense neighbourhood and
 * non-market ties among SMEs. Default weights are 1, and 0.5 for degree centralization (on a
 * multi-tier chain the pivot's degree is diluted by the suppliers' own suppliers, so it stays low) and
 * for the two indicators a firme-réseau and a réseau de firmes can share (degree inequality,
 * territorial concentration).
 */
import { INDICATORS, type IndicatorName, type Measured } from "./indicators.ts";

export interface Anchors {
  /** Value that reads as a pure firme-réseau (contribution −1). */
  firmeReseau: number;
  /** Value that reads as a pure réseau de firmes (contribution +1). */
  reseauDeFirmes: number;
}

export const DEFAULT_ANCHORS: Readonly<Record<IndicatorName, Anchors>> = {
  degree_centralization: { firmeReseau: 0.3, reseauDeFirmes: 0.05 },
  betweenness_centralization: { firmeReseau: 0.6, reseauDeFirmes: 0.1 },
  top_dominance: { firmeReseau: 0.6, reseauDeFirmes: 0.1 },
  fragmentation: { firmeReseau: 0.5, reseauDeFirmes: 0.05 },
  vertical_share: { firmeReseau: 0.8, reseauDeFirmes: 0.2 },
  formal_share: { firmeReseau: 0.8, reseauDeFirmes: 0.2 },
  sme_non_market_density: { firmeReseau: 0.01, reseauDeFirmes: 0.1 },
  clustering: { firmeReseau: 0.02, reseauDeFirmes: 0.3 },
  degree_gini: { firmeReseau: 0.5, reseauDeFirmes: 0.15 },
  comparable_leaders: { firmeReseau: 1, reseauDeFirmes: 4 },
  size_mix: { firmeReseau: -1, reseauDeFirmes: 1 },
  territorial_concentration: { firmeReseau: 0.1, reseauDeFirmes: 0.5 },
};

export const DEFAULT_WEIGHTS: Readonly<Record<IndicatorName, number>> = {
  degree_centralization: 0.5,
  betweenness_centralization: 1,
  top_dominance: 1,
  fragmentation: 1,
  vertical_share: 1,
  formal_share: 1,
  sme_non_market_density: 1,
  clustering: 1,
  degree_gini: 0.5,
  comparable_leaders: 1,
  size_mix: 1,
  territorial_concentration: 0.5,
};

export const DEFAULT_THRESHOLD = 0.2;

export type FormLabel = "firme-réseau" | "mixed" | "réseau de firmes";

export interface Indicator extends Measured {
  /** In [−1, 1]; null when missing. */
  contribution: number | null;
  weight: number;
  anchors: Anchors;
}

export interface FormScore {
  /** Weighted mean of the contributions; null when no indicator could be measured. */
  score: number | null;
  label: FormLabel | "undetermined";
  thresholds: { firmeReseau: number; reseauDeFirmes: number };
  indicators: Record<IndicatorName, Indicator>;
  missing: IndicatorName[];
}

export interface FormScoreOptions {
  weights?: Partial<Record<IndicatorName, number>>;
  anchors?: Partial<Record<IndicatorName, Anchors>>;
  /** Half-width of the mixed band (default 0.2). */
  threshold?: number;
}

/** Linear ramp from −1 at `firmeReseau` to +1 at `reseauDeFirmes`, clipped to [−1, 1]. */
export function contribution(value: number, anchors: Anchors): number {
  const span = anchors.reseauDeFirmes - anchors.firmeReseau;
  if (span === 0) return 0;
  const t = -1 + (2 * (value - anchors.firmeReseau)) / span;
  return Math.max(-1, Math.min(1, t));
}

export function formScore(
  measured: Record<IndicatorName, Measured>,
  options: FormScoreOptions = {},
): FormScore {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const indicators = {} as Record<IndicatorName, Indicator>;
  const missing: IndicatorName[] = [];
  let sum = 0;
  let weights = 0;
  for (const name of INDICATORS) {
    const anchors = options.anchors?.[name] ?? DEFAULT_ANCHORS[name];
    const weight = options.weights?.[name] ?? DEFAULT_WEIGHTS[name];
    if (!(weight >= 0)) throw new RangeError(`weight of ${name} must be ≥ 0, got ${weight}`);
    const m = measured[name];
    const c = m.value === null ? null : contribution(m.value, anchors);
    indicators[name] = { ...m, contribution: c, weight, anchors };
    if (c === null) missing.push(name);
    else {
      sum += weight * c;
      weights += weight;
    }
  }
  const score = weights > 0 ? sum / weights : null;
  const label =
    score === null
      ? "undetermined"
      : score <= -threshold
        ? "firme-réseau"
        : score >= threshold
          ? "réseau de firmes"
          : "mixed";
  return {
    score,
    label,
    thresholds: { firmeReseau: -threshold, reseauDeFirmes: threshold },
    indicators,
    missing,
  };
}
