/**
 * Segmenting one's contacts (DOMAIN.md §7, the association guide's four groups) by stated rules, the
 * first that applies winning:
 * 1. `frequent_easy`: closeness ≥ `closeMin` and at least `frequentMin` interactions in the last window;
 * 2. `close_infrequent`: closeness ≥ `closeMin` (and so fewer interactions);
 * 3. `formal_useful`: formality `formal` and usefulness ≥ `usefulMin`;
 * 4. `low_use`: any other contact.
 * Defaults (closeMin 4, frequentMin 12 a year, usefulMin 4, 12-month window) are those the built-in
 * rouen contact book was planted with. A missing closeness, formality or usefulness fails the rule that
 * needs it (the reason says the field is missing). Each contact gets its segment and the reason: the
 * fields and thresholds that decided it.
 */
import type { Contact } from "./types.ts";
import type { WindowCounts } from "./windows.ts";

export const SEGMENTS = ["frequent_easy", "close_infrequent", "formal_useful", "low_use"] as const;
export type Segment = (typeof SEGMENTS)[number];

export interface SegmentRules {
  /** Closeness (1–5) from which a tie is close. Default 4. */
  closeMin: number;
  /** Interactions in the last window from which a contact is frequent. Default 12. */
  frequentMin: number;
  /** Usefulness (1–5) from which a formal contact is useful for the activity. Default 4. */
  usefulMin: number;
  /** Length of the window, in months. Default 12. */
  months: number;
}

export const DEFAULT_SEGMENT_RULES: SegmentRules = { closeMin: 4, frequentMin: 12, usefulMin: 4, months: 12 };

export interface SegmentAssignment {
  id: string;
  segment: Segment;
  reason: string;
  closeness: number | null;
  formality: string | null;
  usefulness: number | null;
  interactionsLast: number;
}

const show = (v: number | string | null): string => (v === null ? "missing" : String(v));

export function segmentOf(
  contact: Pick<Contact, "id" | "closeness" | "formality" | "usefulness">,
  counts: Pick<WindowCounts, "last">,
  rules: SegmentRules = DEFAULT_SEGMENT_RULES,
): SegmentAssignment {
  const { closeness, formality, usefulness } = contact;
  const base = { id: contact.id, closeness, formality, usefulness, interactionsLast: counts.last };
  const window = `last ${rules.months} months`;
  const close = closeness !== null && closeness >= rules.closeMin;
  if (close && counts.last >= rules.frequentMin) {
    return {
      ...base,
      segment: "frequent_easy",
      reason: `closeness ${closeness} >= ${rules.closeMin} and ${counts.last} interactions in the ${window} >= ${rules.frequentMin}`,
    };
  }
  if (close) {
    return {
      ...base,
      segment: "close_infrequent",
      reason: `closeness ${closeness} >= ${rules.closeMin} but ${counts.last} interactions in the ${window} < ${rules.frequentMin}`,
    };
  }
  const notClose = `closeness ${show(closeness)} < ${rules.closeMin}`;
  if (formality === "formal" && usefulness !== null && usefulness >= rules.usefulMin) {
    return {
      ...base,
      segment: "formal_useful",
      reason: `${notClose}; formality formal and usefulness ${usefulness} >= ${rules.usefulMin}`,
    };
  }
  const why =
    formality !== "formal"
      ? `formality ${show(formality)}`
      : `usefulness ${show(usefulness)} < ${rules.usefulMin}`;
  return { ...base, segment: "low_use", reason: `${notClose}; ${why}: no other rule applies` };
}

/** Segment every contact; `counts` must hold every contact's window counts. */
export function contactSegments(
  contacts: readonly Contact[],
  counts: ReadonlyMap<string, WindowCounts>,
  rules: Partial<SegmentRules> = {},
): SegmentAssignment[] {
  const r = { ...DEFAULT_SEGMENT_RULES, ...rules };
  return contacts.map((c) => segmentOf(c, counts.get(c.id) ?? { last: 0 }, r));
}
