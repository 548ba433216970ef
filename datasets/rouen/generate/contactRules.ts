/**
 * The definitions the planted contact segments and fading contacts follow (DOMAIN.md §7), written
 * once so that the generator can check its own output and truth.json can state them. All counts are
 * taken on the interaction log relative to `asOf`, the log's last date:
 * - last 12 months = dates in (asOf − 12 months, asOf]; previous 12 months = (asOf − 24 months,
 *   asOf − 12 months]. The generator keeps every date at least MARGIN_DAYS away from the two inner
 *   boundaries, so a reader counting 365 days or closing the interval the other way gets the same
 *   counts.
 * - Segments, first rule that applies:
 *   1. frequent_easy: closeness ≥ 4 and ≥ 12 interactions in the last 12 months;
 *   2. close_infrequent: closeness ≥ 4 (and so fewer than 12);
 *   3. formal_useful: formality formal and usefulness ≥ 4;
 *   4. low_use: everything else (the planted ones also have usefulness ≤ 2 and ≤ 2 interactions in
 *      the last 12 months).
 * - Fading: at least one interaction before the last 12 months, and either none in the last 12 months
 *   or fewer than half as many as in the previous 12 months.
 */
import { monthsBefore } from "./records.ts";

export const SEGMENTS = ["frequent_easy", "close_infrequent", "formal_useful", "low_use"] as const;
export type Segment = (typeof SEGMENTS)[number];

export const FREQUENT_PER_YEAR = 12;
export const CLOSE_MIN = 4;
export const USEFUL_MIN = 4;
export const MARGIN_DAYS = 10;

export interface ContactProfile {
  closeness: number;
  formality: "formal" | "informal";
  usefulness: number;
}

export interface Windows {
  asOf: string;
  /** asOf − 12 months: the last window is (lastFrom, asOf]. */
  lastFrom: string;
  /** asOf − 24 months: the previous window is (previousFrom, lastFrom]. */
  previousFrom: string;
}

export function windowsOf(asOf: string): Windows {
  return { asOf, lastFrom: monthsBefore(asOf, 12), previousFrom: monthsBefore(asOf, 24) };
}

export interface WindowCounts {
  last12: number;
  previous12: number;
  before: number;
}

export function countWindows(dates: readonly string[], w: Windows): WindowCounts {
  const out: WindowCounts = { last12: 0, previous12: 0, before: 0 };
  for (const d of dates) {
    if (d > w.asOf) continue;
    if (d > w.lastFrom) out.last12++;
    else {
      out.before++;
      if (d > w.previousFrom) out.previous12++;
    }
  }
  return out;
}

export function segmentOf(profile: ContactProfile, counts: WindowCounts): Segment {
  if (profile.closeness >= CLOSE_MIN && counts.last12 >= FREQUENT_PER_YEAR) return "frequent_easy";
  if (profile.closeness >= CLOSE_MIN) return "close_infrequent";
  if (profile.formality === "formal" && profile.usefulness >= USEFUL_MIN) return "formal_useful";
  return "low_use";
}

export function isFading(counts: WindowCounts): boolean {
  if (counts.before === 0) return false;
  return counts.last12 === 0 || counts.last12 * 2 < counts.previous12;
}

/** The rules in words, as truth.json states them. */
export const RULES_TEXT = {
  windows:
    "last_12_months = dates in (as_of - 12 months, as_of]; previous_12_months = (as_of - 24 months, as_of - 12 months]; no planted date lies within margin_days of either inner boundary",
  segments: [
    { segment: "frequent_easy", rule: "closeness >= 4 and interactions in last_12_months >= 12" },
    { segment: "close_infrequent", rule: "closeness >= 4 (and so fewer than 12 in last_12_months)" },
    { segment: "formal_useful", rule: "formality = formal and usefulness >= 4 (closeness <= 3)" },
    {
      segment: "low_use",
      rule: "any other contact (planted ones: closeness <= 3, usefulness <= 2, at most 2 interactions in last_12_months)",
    },
  ],
  order: "the first rule that applies wins",
  fading:
    "at least one interaction before last_12_months, and either none in last_12_months or last_12_months < previous_12_months / 2",
  duplicates:
    "the second record of each pair carries no interaction; the person's segment and fading are the first record's",
} as const;
