/**
 * The records of the contact database (DOMAIN.md §7): a contact is a person of one's network, with the
 * organisation they work at, the sphere they belong to and the attributes of the tie; interactions are
 * the dated log of exchanges with them. A `ContactRecord` is one row as read from one source; a
 * `Contact` is a person after deduplication, keeping every source record it was made from.
 */
import type { Formality } from "../model/vocabulary.ts";
import type { Sphere } from "./vocabulary.ts";

/** Where a record came from: enough to find the row again and to import the same row only once. */
export interface SourceRef {
  /** `csv` (the contact-book layout), `vcard`, `social` (a social-network connections export). */
  kind: "csv" | "vcard" | "social";
  /** File name as given (the store keeps its base name). */
  file: string;
  /** 1-based line of the row (CSV) or of the card's `BEGIN:VCARD`. */
  line: number;
  /** The id the source gave the record (`id` column, vCard `UID`), if any. */
  ref: string | null;
}

export interface ContactFields {
  firstName: string | null;
  lastName: string | null;
  /** Name as displayed when first/last are not both known (vCard `FN`). */
  displayName: string | null;
  /** Lower-cased e-mail addresses, in source order, no repeats. */
  emails: string[];
  /** Phones normalised by `normalisePhone` (E.164 when recognised), in source order, no repeats. */
  phones: string[];
  /** Actor id of the organisation in the relationship network, when known. */
  organisationId: string | null;
  organisation: string | null;
  position: string | null;
  sphere: Sphere | null;
  subsphere: string | null;
  /** Closeness / ease of the tie, 1 (distant) to 5 (very close). */
  closeness: number | null;
  formality: Formality | null;
  /** Usefulness for one's activity, 1 to 5. */
  usefulness: number | null;
  /** Contact id of the person who introduced this contact ("who connected me"). */
  introducedBy: string | null;
  /** Date the tie was made (social-network exports), ISO `YYYY-MM-DD`. */
  connectedOn: string | null;
}

/** One record as read from one source row or card. */
export interface ContactRecord extends ContactFields {
  source: SourceRef;
}

/** A person after deduplication. `id` is the first record's id (or a content hash when it has none). */
export interface Contact extends ContactFields {
  id: string;
  /** Every record the contact was made from, first the one whose fields win. */
  sources: SourceRef[];
}

export type Channel = "meeting" | "phone" | "email" | "visio" | "message" | "event" | "social" | "other";
export type Initiator = "me" | "them" | "unknown";

export interface Interaction {
  contactId: string;
  /** ISO `YYYY-MM-DD`. */
  date: string;
  channel: Channel;
  initiatedBy: Initiator;
}
