/**
 * A contact book assembled from what was read: the records of every source deduplicated into contacts,
 * and the interaction log with each row's contact id resolved through the records' own ids (a log
 * written against a record that was merged follows it to its contact). The counts keep
 * `read = accepted + merged + quarantined` for contacts and `read = accepted + duplicates +
 * quarantined` for interactions.
 */
import type { QuarantineRow } from "../io/quarantine.ts";
import { type DedupeOptions, type DedupeResult, dedupeContacts, type MergeGroup } from "./dedupe.ts";
import type { InteractionRow } from "./interactionsCsv.ts";
import type { Contact, ContactRecord, Interaction } from "./types.ts";

export interface ContactCounts {
  read: number;
  /** Records that became a contact of their own. */
  accepted: number;
  /** Records folded into another contact (kept as its sources). */
  merged: number;
  quarantined: number;
}

export interface InteractionCounts {
  read: number;
  accepted: number;
  /** The same (contact, date, channel, initiator) again. */
  duplicates: number;
  quarantined: number;
}

export interface ContactBook {
  contacts: Contact[];
  interactions: Interaction[];
}

export interface AssembledBook extends ContactBook {
  merges: MergeGroup[];
  idOf: DedupeResult["idOf"];
  counts: { contacts: ContactCounts; interactions: InteractionCounts };
  quarantine: QuarantineRow[];
}

export const interactionKey = (i: Interaction): string =>
  `${i.contactId}|${i.date}|${i.channel}|${i.initiatedBy}`;

/** Resolve interaction rows to contacts; unknown contacts are quarantined, repeats counted. */
export function resolveInteractions(
  rows: readonly InteractionRow[],
  idOf: ReadonlyMap<string, string>,
  seen: Set<string> = new Set(),
): { interactions: Interaction[]; files: string[]; duplicates: number; quarantine: QuarantineRow[] } {
  const interactions: Interaction[] = [];
  const files: string[] = [];
  const quarantine: QuarantineRow[] = [];
  let duplicates = 0;
  for (const r of rows) {
    const contactId = idOf.get(r.contactId);
    if (!contactId) {
      quarantine.push({
        file: r.file,
        line: r.line,
        field: "contact_id",
        value: r.contactId,
        reason: "no contact has this id",
      });
      continue;
    }
    const interaction: Interaction = {
      contactId,
      date: r.date,
      channel: r.channel,
      initiatedBy: r.initiatedBy,
    };
    const key = interactionKey(interaction);
    if (seen.has(key)) {
      duplicates++;
      continue;
    }
    seen.add(key);
    interactions.push(interaction);
    files.push(r.file);
  }
  return { interactions, files, duplicates, quarantine };
}

/** Deduplicate records read from files and attach the interaction log (in memory, no store). */
export function assembleBook(
  sources: ReadonlyArray<{ records: ContactRecord[]; quarantine: QuarantineRow[]; read: number }>,
  interactionSources: ReadonlyArray<{ rows: InteractionRow[]; quarantine: QuarantineRow[]; read: number }>,
  options: DedupeOptions = {},
): AssembledBook {
  const records = sources.flatMap((s) => s.records);
  const dedupe = dedupeContacts(records, options);
  const quarantine = sources.flatMap((s) => s.quarantine);
  const contactQuarantined = quarantine.length;
  const rows = interactionSources.flatMap((s) => s.rows);
  const resolved = resolveInteractions(rows, dedupe.idOf);
  const interactionQuarantine = [...interactionSources.flatMap((s) => s.quarantine), ...resolved.quarantine];
  return {
    contacts: dedupe.contacts,
    interactions: resolved.interactions,
    merges: dedupe.merges,
    idOf: dedupe.idOf,
    counts: {
      contacts: {
        read: sources.reduce((n, s) => n + s.read, 0),
        accepted: dedupe.contacts.length,
        merged: dedupe.merged,
        quarantined: contactQuarantined,
      },
      interactions: {
        read: interactionSources.reduce((n, s) => n + s.read, 0),
        accepted: resolved.interactions.length,
        duplicates: resolved.duplicates,
        quarantined: interactionQuarantine.length,
      },
    },
    quarantine: [...quarantine, ...interactionQuarantine],
  };
}
