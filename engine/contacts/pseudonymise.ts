/**
 * Pseudonymised export of the contact review: each contact id replaced by the keyed hash of
 * `engine/io/pseudonymise.ts` (HMAC-SHA-256, so exports made with the same key can be joined and the
 * mapping cannot be rebuilt without it), and nothing that names or reaches the person: no name,
 * e-mail, phone or position. Kept: sphere, subsphere, tie attributes, organisation id (organisations
 * are not persons), segment and fading status.
 */
import { pseudonym } from "../io/pseudonymise.ts";
import type { ContactReview } from "./review.ts";
import type { Contact } from "./types.ts";

export interface ExportRow {
  id: string;
  sphere: string | null;
  subsphere: string | null;
  closeness: number | null;
  formality: string | null;
  usefulness: number | null;
  organisation_id: string | null;
  segment: string;
  segment_reason: string;
  interactions_last: number;
  fading: string | null;
  betweenness: number | null;
}

export const REVIEW_COLUMNS: readonly (keyof ExportRow)[] = [
  "id",
  "sphere",
  "subsphere",
  "closeness",
  "formality",
  "usefulness",
  "organisation_id",
  "segment",
  "segment_reason",
  "interactions_last",
  "fading",
  "betweenness",
];

/** One row per contact; ids pseudonymised when `key` is given. */
export function reviewRows(contacts: readonly Contact[], review: ContactReview, key?: string): ExportRow[] {
  const segment = new Map(review.segments.map((s) => [s.id, s]));
  const fading = new Map(review.fading.map((f) => [f.id, f.kind]));
  const leader = new Map(review.leaders.map((l) => [l.id, l.betweenness]));
  const alias = (id: string) => (key ? pseudonym(id, key) : id);
  return contacts.map((c) => {
    const s = segment.get(c.id);
    return {
      id: alias(c.id),
      sphere: c.sphere,
      subsphere: c.subsphere,
      closeness: c.closeness,
      formality: c.formality,
      usefulness: c.usefulness,
      organisation_id: c.organisationId,
      segment: s?.segment ?? "",
      segment_reason: s?.reason ?? "",
      interactions_last: s?.interactionsLast ?? 0,
      fading: fading.get(c.id) ?? null,
      betweenness: leader.get(c.id) ?? null,
    };
  });
}
