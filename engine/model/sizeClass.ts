/**
 * Firm size classes from headcount, after INSEE's categories (LME 2008 decree, headcount criterion
 * only): micro (TPE) < 10, SME (PME) 10–249, mid-cap (ETI) 250–4,999, large (GE) ≥ 5,000.
 */
export const SIZE_CLASSES = ["micro", "sme", "midcap", "large"] as const;
export type SizeClass = (typeof SIZE_CLASSES)[number];

export function sizeClassOf(headcount: number | null | undefined): SizeClass | null {
  if (headcount === null || headcount === undefined || !Number.isFinite(headcount) || headcount < 0)
    return null;
  if (headcount < 10) return "micro";
  if (headcount < 250) return "sme";
  if (headcount < 5000) return "midcap";
  return "large";
}
