/**
 * The interaction log CSV: `contact_id, date, channel, initiated_by` (French headers accepted:
 * `contact, date, canal, initie_par`). A row naming a contact that is not in the database, an unreadable
 * date or an unknown channel or initiator is quarantined. The same (contact, date, channel, initiator)
 * twice is one interaction: the second is counted as a duplicate, not stored twice.
 */
import { mapColumns } from "../io/columns.ts";
import { parseCsv } from "../io/csvRead.ts";
import type { QuarantineRow } from "../io/quarantine.ts";
import { parseDate } from "../model/dates.ts";
import type { Interaction } from "./types.ts";
import { channelOf, initiatorOf } from "./vocabulary.ts";

export const INTERACTION_FIELDS = ["contact_id", "date", "channel", "initiated_by"] as const;
export type InteractionField = (typeof INTERACTION_FIELDS)[number];

export const INTERACTION_HEADER_NAMES: Readonly<Record<InteractionField, readonly string[]>> = {
  contact_id: ["contact_id", "contact", "id_contact", "person", "personne"],
  date: ["date", "jour", "day"],
  channel: ["channel", "canal", "moyen", "medium"],
  initiated_by: ["initiated_by", "initiator", "initie_par", "a_l_initiative_de", "initiative"],
};

/** Interactions as read, before their contact ids are resolved against the database. */
export interface InteractionRow extends Interaction {
  file: string;
  line: number;
}

export interface InteractionRead {
  file: string;
  rows: InteractionRow[];
  quarantine: QuarantineRow[];
  read: number;
}

/** Whether a header looks like an interaction log (has a contact and a date column). */
export function isInteractionHeader(header: readonly string[], canonical: (h: string) => string): boolean {
  const tokens = header.map(canonical);
  return (
    tokens.some((t) => INTERACTION_HEADER_NAMES.contact_id.includes(t)) &&
    tokens.some((t) => INTERACTION_HEADER_NAMES.date.includes(t)) &&
    tokens.some(
      (t) =>
        INTERACTION_HEADER_NAMES.channel.includes(t) || INTERACTION_HEADER_NAMES.initiated_by.includes(t),
    )
  );
}

export function parseInteractionsCsv(bytes: Uint8Array, file: string): InteractionRead {
  const table = parseCsv(bytes, file);
  const mapping = mapColumns<InteractionField>(file, table.header, INTERACTION_HEADER_NAMES, [
    "contact_id",
    "date",
  ]);
  const quarantine: QuarantineRow[] = [...table.bad];
  const rows: InteractionRow[] = [];
  const cell = (cells: string[], f: InteractionField) => {
    const i = mapping.index[f];
    return i === undefined ? "" : cells[i].trim();
  };
  for (const r of table.records) {
    const contactId = cell(r.cells, "contact_id");
    const rawDate = cell(r.cells, "date");
    const rawChannel = cell(r.cells, "channel");
    const rawInitiator = cell(r.cells, "initiated_by");
    const q = (field: string, value: string, reason: string) =>
      quarantine.push({ file, line: r.line, field, value, reason });
    if (contactId === "") {
      q("contact_id", "", "no contact id");
      continue;
    }
    const date = parseDate(rawDate);
    if (!date) {
      q("date", rawDate, "not a date");
      continue;
    }
    const channel = rawChannel === "" ? "other" : channelOf(rawChannel);
    if (!channel) {
      q(
        "channel",
        rawChannel,
        "unknown channel (meeting, phone, email, visio, message, event, social, other)",
      );
      continue;
    }
    const initiatedBy = initiatorOf(rawInitiator);
    if (!initiatedBy) {
      q("initiated_by", rawInitiator, "unknown initiator (me, them, unknown)");
      continue;
    }
    rows.push({ contactId, date, channel, initiatedBy, file, line: r.line });
  }
  return { file, rows, quarantine, read: rows.length + quarantine.length };
}
