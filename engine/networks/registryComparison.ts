/**
 * Each network's piloting indicators against the other networks of the registry. For every indicator
 * of `COMPARED_INDICATORS`, over the networks where it is defined (value not null):
 * - `rank`: 1 = the highest value; equal values share the best rank (competition ranking 1, 2, 2, 4);
 *   null where the indicator is undefined;
 * - `median`, `q1`, `q3`: quantiles of the defined values with linear interpolation between order
 *   statistics (position p·(n − 1), numpy's default);
 * - `bottomQuartile`: value ≤ q1 and value < median (so that no network is flagged when all are equal);
 *   `topQuartile` likewise value ≥ q3 and value > median;
 * - `weak`: in the worse quartile given the indicator's direction — the bottom quartile when higher is
 *   better, the top quartile when lower is better (leaves, Gini, top-20 % share).
 */
import type { PilotIndicators } from "./pilotIndicators.ts";

export interface ComparedIndicator {
  key: string;
  description: string;
  higherIsBetter: boolean;
  value: (p: PilotIndicators) => number | null;
}

export const COMPARED_INDICATORS: readonly ComparedIndicator[] = [
  { key: "members", description: "members at asOf", higherIsBetter: true, value: (p) => p.members },
  {
    key: "joins",
    description: "memberships begun in the window",
    higherIsBetter: true,
    value: (p) => p.joins,
  },
  {
    key: "leaves",
    description: "memberships ended in the window",
    higherIsBetter: false,
    value: (p) => p.leaves,
  },
  { key: "netGrowth", description: "joins − leaves", higherIsBetter: true, value: (p) => p.netGrowth },
  {
    key: "activeShare",
    description: "share of members active",
    higherIsBetter: true,
    value: (p) => p.activeShare.value,
  },
  {
    key: "density",
    description: "density of ties among members",
    higherIsBetter: true,
    value: (p) => p.density.value,
  },
  {
    key: "newTies",
    description: "new ties among members in the window",
    higherIsBetter: true,
    value: (p) => p.newTies,
  },
  {
    key: "outwardShare",
    description: "share of members tied to another network's members",
    higherIsBetter: true,
    value: (p) => p.outwardShare.value,
  },
  {
    key: "reach",
    description: "members ÷ establishments of its activities in its territory",
    higherIsBetter: true,
    value: (p) => p.reach.value,
  },
  {
    key: "gini",
    description: "Gini of participations over members",
    higherIsBetter: false,
    value: (p) => p.concentration.gini.value,
  },
  {
    key: "topShare",
    description: "share of participations carried by the top 20 % of members",
    higherIsBetter: false,
    value: (p) => p.concentration.topShare.value,
  },
  { key: "actions", description: "actions in the window", higherIsBetter: true, value: (p) => p.actions },
];

export interface IndicatorStanding {
  indicator: string;
  value: number | null;
  rank: number | null;
  /** Networks where the indicator is defined. */
  of: number;
  median: number | null;
  q1: number | null;
  q3: number | null;
  bottomQuartile: boolean;
  topQuartile: boolean;
  weak: boolean;
}

export interface NetworkStanding {
  network: string;
  name: string | null;
  indicators: IndicatorStanding[];
  /** Indicators where the network is weak. */
  weak: string[];
}

export interface RegistryComparison {
  indicators: { key: string; description: string; higherIsBetter: boolean }[];
  /** Registry-wide quantiles per indicator. */
  summary: {
    indicator: string;
    defined: number;
    median: number | null;
    q1: number | null;
    q3: number | null;
  }[];
  networks: NetworkStanding[];
}

/** Quantile p of sorted values with linear interpolation (numpy's default); null for no value. */
export function quantile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const pos = p * (sorted.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

export function registryComparison(
  indicators: readonly PilotIndicators[],
  compared: readonly ComparedIndicator[] = COMPARED_INDICATORS,
): RegistryComparison {
  const stats = compared.map((c) => {
    const values = indicators.map((p) => c.value(p));
    const sorted = values.filter((v): v is number => v !== null).sort((a, b) => a - b);
    return {
      c,
      values,
      sorted,
      median: quantile(sorted, 0.5),
      q1: quantile(sorted, 0.25),
      q3: quantile(sorted, 0.75),
    };
  });
  const networks = indicators.map((p, i): NetworkStanding => {
    const standings = stats.map(({ c, values, sorted, median, q1, q3 }): IndicatorStanding => {
      const value = values[i];
      const defined = value !== null && median !== null && q1 !== null && q3 !== null;
      const bottomQuartile = defined && value <= q1 && value < median;
      const topQuartile = defined && value >= q3 && value > median;
      return {
        indicator: c.key,
        value,
        rank: value === null ? null : 1 + sorted.filter((v) => v > value).length,
        of: sorted.length,
        median,
        q1,
        q3,
        bottomQuartile,
        topQuartile,
        weak: c.higherIsBetter ? bottomQuartile : topQuartile,
      };
    });
    return {
      network: p.network,
      name: p.name,
      indicators: standings,
      weak: standings.filter((s) => s.weak).map((s) => s.indicator),
    };
  });
  return {
    indicators: compared.map(({ key, description, higherIsBetter }) => ({
      key,
      description,
      higherIsBetter,
    })),
    summary: stats.map(({ c, sorted, median, q1, q3 }) => ({
      indicator: c.key,
      defined: sorted.length,
      median,
      q1,
      q3,
    })),
    networks,
  };
}
