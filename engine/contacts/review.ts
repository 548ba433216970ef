/**
 * The review of one's network (DOMAIN.md §7): each contact's segment with its reason, the fading
 * contacts to re-motivate or reconnect, and the leaders, as of a date that defaults to the latest
 * interaction in the log (never the clock).
 */
import type { NetworkGraph } from "../model/graph.ts";
import type { ContactBook } from "./book.ts";
import { DEFAULT_FADING_RULES, type FadingContact, type FadingRules, fadingContacts } from "./fading.ts";
import { type ContactLeader, type ContactLeaderOptions, networkLeaders } from "./leaders.ts";
import {
  contactSegments,
  DEFAULT_SEGMENT_RULES,
  SEGMENTS,
  type Segment,
  type SegmentAssignment,
  type SegmentRules,
} from "./segments.ts";
import { countsByContact, latestDate, reviewWindows, type Windows } from "./windows.ts";

export interface ReviewOptions {
  /** ISO date; default the latest interaction date (undefined when the log is empty: then no windows). */
  asOf?: string;
  segments?: Partial<SegmentRules>;
  fading?: Partial<FadingRules>;
  leaders?: ContactLeaderOptions;
  /** The relationship network (organisation links) for the leaders. */
  network?: NetworkGraph;
}

export interface ContactReview {
  asOf: string | null;
  windows: Windows | null;
  rules: { segments: SegmentRules; fading: FadingRules };
  contacts: number;
  interactions: number;
  segmentCounts: Record<Segment, number>;
  segments: SegmentAssignment[];
  fading: FadingContact[];
  leaders: ContactLeader[];
}

export function contactReview(book: ContactBook, options: ReviewOptions = {}): ContactReview {
  const segmentRules = { ...DEFAULT_SEGMENT_RULES, ...options.segments };
  const fadingRules = { ...DEFAULT_FADING_RULES, ...options.fading };
  const asOf = options.asOf ?? latestDate(book.interactions) ?? null;
  const windows = asOf ? reviewWindows(asOf, segmentRules.months) : null;
  const ids = book.contacts.map((c) => c.id);
  const counts = windows
    ? countsByContact(ids, book.interactions, windows)
    : new Map(ids.map((id) => [id, { last: 0, previous: 0, before: 0, lastDate: null }]));
  const segments = contactSegments(book.contacts, counts, segmentRules);
  const segmentCounts = Object.fromEntries(SEGMENTS.map((s) => [s, 0])) as Record<Segment, number>;
  for (const s of segments) segmentCounts[s.segment]++;
  return {
    asOf,
    windows,
    rules: { segments: segmentRules, fading: fadingRules },
    contacts: book.contacts.length,
    interactions: book.interactions.length,
    segmentCounts,
    segments,
    fading: fadingContacts(counts, fadingRules),
    leaders: networkLeaders(book.contacts, options.network, options.leaders),
  };
}
