/**
 * The contact database in the store (tables of migration 2, owned by this module). An import adds the
 * new source records after those already stored, deduplicates them all again (so a new record can join
 * an existing contact, or reveal that two stored contacts are one person) and rewrites `contacts` and
 * `contact_sources` in one transaction; the interaction log follows merged contacts. A record already
 * stored (same kind, file name, line and fields) is not added twice: re-importing a file changes nothing.
 * `forgetContact` removes a person from every table.
 */
import { createHash } from "node:crypto";
import { basename } from "node:path";
import { INTEGER, LIST, listValue, VARCHAR } from "@duckdb/node-api";
import type { QuarantineRow } from "../io/quarantine.ts";
import { assertWritable, type Store, withTransaction } from "../store/connection.ts";
import { appendImportLog } from "../store/importLog.ts";
import { all, exec } from "../store/sql.ts";
import {
  type ContactBook,
  type ContactCounts,
  type InteractionCounts,
  interactionKey,
  resolveInteractions,
} from "./book.ts";
import { type DedupeOptions, dedupeContacts, type MergeGroup } from "./dedupe.ts";
import type { InteractionRow } from "./interactionsCsv.ts";
import type { Channel, Contact, ContactRecord, Initiator, Interaction } from "./types.ts";

export interface ContactImportInput {
  sources: ReadonlyArray<{
    file: string;
    records: ContactRecord[];
    quarantine: QuarantineRow[];
    read: number;
  }>;
  interactions: ReadonlyArray<{
    file: string;
    rows: InteractionRow[];
    quarantine: QuarantineRow[];
    read: number;
  }>;
  dedupe?: DedupeOptions;
}

export interface ContactImportSummary {
  contacts: ContactCounts & { unchanged: number };
  interactions: InteractionCounts;
  /** Contacts in the store after the import. */
  stored: { contacts: number; sources: number; interactions: number };
  /** Merges involving a record of this import. */
  merges: MergeGroup[];
  quarantine: QuarantineRow[];
}

/** What identifies a source record: its kind, file name (not path), line and fields. */
export function recordKey(r: ContactRecord): string {
  const { source, ...fields } = r;
  const basis = JSON.stringify([source.kind, basename(source.file), source.line, source.ref, fields]);
  return createHash("sha256").update(basis).digest("hex").slice(0, 32);
}

interface SourceRow {
  seq: number;
  contact_id: string;
  record_key: string;
  record: string;
}

async function insertContacts(
  store: Store,
  contacts: readonly Contact[],
  records: readonly ContactRecord[],
  keys: readonly string[],
  contactOf: readonly number[],
): Promise<void> {
  const c = store.connection;
  if (contacts.length > 0) {
    // One statement for all rows: parallel lists unnested together (a list of lists for e-mails and phones).
    const column = <T>(f: (x: Contact) => T) => listValue(contacts.map(f) as never[]);
    await exec(
      c,
      `INSERT INTO contacts
       SELECT unnest($id), unnest($first), unnest($last), unnest($display), unnest($emails), unnest($phones),
         unnest($orgId), unnest($org), unnest($position), unnest($sphere), unnest($subsphere), unnest($closeness),
         unnest($formality), unnest($usefulness), unnest($introducedBy), CAST(unnest($connectedOn) AS DATE)`,
      {
        id: column((x) => x.id),
        first: column((x) => x.firstName),
        last: column((x) => x.lastName),
        display: column((x) => x.displayName),
        emails: listValue(contacts.map((x) => listValue(x.emails))),
        phones: listValue(contacts.map((x) => listValue(x.phones))),
        orgId: column((x) => x.organisationId),
        org: column((x) => x.organisation),
        position: column((x) => x.position),
        sphere: column((x) => x.sphere),
        subsphere: column((x) => x.subsphere),
        closeness: column((x) => x.closeness),
        formality: column((x) => x.formality),
        usefulness: column((x) => x.usefulness),
        introducedBy: column((x) => x.introducedBy),
        connectedOn: column((x) => x.connectedOn),
      },
      {
        id: LIST(VARCHAR),
        first: LIST(VARCHAR),
        last: LIST(VARCHAR),
        display: LIST(VARCHAR),
        emails: LIST(LIST(VARCHAR)),
        phones: LIST(LIST(VARCHAR)),
        orgId: LIST(VARCHAR),
        org: LIST(VARCHAR),
        position: LIST(VARCHAR),
        sphere: LIST(VARCHAR),
        subsphere: LIST(VARCHAR),
        closeness: LIST(INTEGER),
        formality: LIST(VARCHAR),
        usefulness: LIST(INTEGER),
        introducedBy: LIST(VARCHAR),
        connectedOn: LIST(VARCHAR),
      },
    );
  }
  if (records.length === 0) return;
  await exec(
    c,
    `INSERT INTO contact_sources
     SELECT unnest($seq), unnest($contact), unnest($kind), unnest($file), unnest($line), unnest($ref), unnest($key), unnest($record)`,
    {
      seq: listValue(records.map((_, i) => i + 1)),
      contact: listValue(records.map((_, i) => contacts[contactOf[i]].id)),
      kind: listValue(records.map((r) => r.source.kind)),
      file: listValue(records.map((r) => r.source.file)),
      line: listValue(records.map((r) => r.source.line)),
      ref: listValue(records.map((r) => r.source.ref)),
      key: listValue([...keys]),
      record: listValue(records.map((r) => JSON.stringify(r))),
    },
    {
      seq: LIST(INTEGER),
      contact: LIST(VARCHAR),
      kind: LIST(VARCHAR),
      file: LIST(VARCHAR),
      line: LIST(INTEGER),
      ref: LIST(VARCHAR),
      key: LIST(VARCHAR),
      record: LIST(VARCHAR),
    },
  );
}

async function insertInteractions(
  store: Store,
  rows: readonly (Interaction & { file: string | null })[],
): Promise<void> {
  if (rows.length === 0) return;
  await exec(
    store.connection,
    `INSERT INTO interactions
     SELECT unnest($contact), CAST(unnest($date) AS DATE), unnest($channel), unnest($initiator), unnest($file)`,
    {
      contact: listValue(rows.map((r) => r.contactId)),
      date: listValue(rows.map((r) => r.date)),
      channel: listValue(rows.map((r) => r.channel)),
      initiator: listValue(rows.map((r) => r.initiatedBy)),
      file: listValue(rows.map((r) => r.file)),
    },
    {
      contact: LIST(VARCHAR),
      date: LIST(VARCHAR),
      channel: LIST(VARCHAR),
      initiator: LIST(VARCHAR),
      file: LIST(VARCHAR),
    },
  );
}

interface StoredInteraction extends Interaction {
  file: string | null;
}

async function storedInteractions(store: Store): Promise<StoredInteraction[]> {
  const rows = await all<{
    contact_id: string;
    date: string;
    channel: string;
    initiated_by: string;
    source_file: string | null;
  }>(
    store.connection,
    "SELECT contact_id, strftime(date, '%Y-%m-%d') AS date, channel, initiated_by, source_file FROM interactions ORDER BY contact_id, date, channel, initiated_by",
  );
  return rows.map((r) => ({
    contactId: r.contact_id,
    date: r.date,
    channel: r.channel as Channel,
    initiatedBy: r.initiated_by as Initiator,
    file: r.source_file,
  }));
}

/** Import contact records and interaction logs into the store (one transaction). */
export async function importContactBook(
  store: Store,
  input: ContactImportInput,
): Promise<ContactImportSummary> {
  assertWritable(store, "contacts import");
  return withTransaction(store, async () => {
    const c = store.connection;
    const existing = await all<SourceRow>(
      c,
      "SELECT seq, contact_id, record_key, record FROM contact_sources ORDER BY seq",
    );
    const records: ContactRecord[] = existing.map((r) => JSON.parse(r.record) as ContactRecord);
    const keys = existing.map((r) => r.record_key);
    const indexOfKey = new Map(keys.map((k, i) => [k, i]));
    // Each record of this import: its index in `records` (a new one is appended, a stored one found).
    const imported: number[] = [];
    let unchanged = 0;
    for (const s of input.sources) {
      for (const r0 of s.records) {
        const r: ContactRecord = { ...r0, source: { ...r0.source, file: basename(r0.source.file) } };
        const key = recordKey(r);
        const at = indexOfKey.get(key);
        if (at !== undefined) {
          unchanged++;
          imported.push(at);
          continue;
        }
        indexOfKey.set(key, records.length);
        imported.push(records.length);
        records.push(r);
        keys.push(key);
      }
    }
    const dedupe = dedupeContacts(records, input.dedupe);
    const quarantine = input.sources.flatMap((s) => s.quarantine);
    const contactCounts = {
      read: input.sources.reduce((n, s) => n + s.read, 0),
      accepted: imported.filter((i) => dedupe.kept[i]).length,
      merged: imported.filter((i) => !dedupe.kept[i]).length,
      quarantined: quarantine.length,
      unchanged,
    };
    // Old contact ids follow their records to the new contacts.
    const idOf = new Map(dedupe.idOf);
    const moved = new Map<string, string>();
    existing.forEach((row, i) => {
      const now = dedupe.contacts[dedupe.contactOf[i]].id;
      if (!moved.has(row.contact_id)) moved.set(row.contact_id, now);
      if (!idOf.has(row.contact_id)) idOf.set(row.contact_id, now);
    });
    await exec(c, "DELETE FROM contact_sources");
    await exec(c, "DELETE FROM contacts");
    await insertContacts(store, dedupe.contacts, records, keys, dedupe.contactOf);

    const before = await storedInteractions(store);
    const seen = new Set<string>();
    const kept: StoredInteraction[] = [];
    for (const i of before) {
      const moved1 = { ...i, contactId: moved.get(i.contactId) ?? i.contactId };
      const key = interactionKey(moved1);
      if (seen.has(key)) continue;
      seen.add(key);
      kept.push(moved1);
    }
    if (kept.length !== before.length || kept.some((k, j) => k.contactId !== before[j].contactId)) {
      await exec(c, "DELETE FROM interactions");
      await insertInteractions(store, kept);
    }
    const rows = input.interactions.flatMap((s) => s.rows.map((r) => ({ ...r, file: basename(r.file) })));
    const resolved = resolveInteractions(rows, idOf, seen);
    await insertInteractions(
      store,
      resolved.interactions.map((i, j) => ({ ...i, file: resolved.files[j] })),
    );
    const interactionQuarantine = [
      ...input.interactions.flatMap((s) => s.quarantine),
      ...resolved.quarantine,
    ];
    const interactionCounts: InteractionCounts = {
      read: input.interactions.reduce((n, s) => n + s.read, 0),
      accepted: resolved.interactions.length,
      duplicates: resolved.duplicates,
      quarantined: interactionQuarantine.length,
    };
    const [stored] = await all<{ contacts: number; sources: number; interactions: number }>(
      c,
      "SELECT (SELECT count(*) FROM contacts) AS contacts, (SELECT count(*) FROM contact_sources) AS sources, (SELECT count(*) FROM interactions) AS interactions",
    );
    const touched = new Set(imported.map((i) => dedupe.contactOf[i]));
    const merges = dedupe.merges.filter((m) =>
      touched.has(dedupe.contacts.findIndex((x) => x.id === m.contactId)),
    );
    await appendImportLog(c, {
      kind: "contacts",
      files: [...input.sources.map((s) => s.file), ...input.interactions.map((s) => s.file)],
      read: contactCounts.read + interactionCounts.read,
      accepted:
        contactCounts.accepted +
        contactCounts.merged +
        interactionCounts.accepted +
        interactionCounts.duplicates,
      quarantined: contactCounts.quarantined + interactionCounts.quarantined,
      inserted: records.length - existing.length + resolved.interactions.length,
      updated: 0,
      unchanged: unchanged + resolved.duplicates,
      details: { contacts: contactCounts, interactions: interactionCounts },
    });
    return {
      contacts: contactCounts,
      interactions: interactionCounts,
      stored,
      merges,
      quarantine: [...quarantine, ...interactionQuarantine],
    };
  });
}

interface ContactRow {
  id: string;
  first_name: string | null;
  last_name: string | null;
  display_name: string | null;
  emails: string[];
  phones: string[];
  organisation_id: string | null;
  organisation: string | null;
  position: string | null;
  sphere: string | null;
  subsphere: string | null;
  closeness: number | null;
  formality: string | null;
  usefulness: number | null;
  introduced_by: string | null;
  connected_on: string | null;
}

/** The contact book held in the store: contacts (with their sources, in import order) and interactions. */
export async function loadContactBook(store: Store): Promise<ContactBook> {
  const c = store.connection;
  const rows = await all<ContactRow>(
    c,
    "SELECT * EXCLUDE (connected_on), strftime(connected_on, '%Y-%m-%d') AS connected_on FROM contacts",
  );
  const sources = await all<{ contact_id: string; record: string }>(
    c,
    "SELECT contact_id, record FROM contact_sources ORDER BY seq",
  );
  const sourcesOf = new Map<string, ContactRecord["source"][]>();
  const order = new Map<string, number>();
  sources.forEach((s, i) => {
    const list = sourcesOf.get(s.contact_id);
    const source = (JSON.parse(s.record) as ContactRecord).source;
    if (list) list.push(source);
    else sourcesOf.set(s.contact_id, [source]);
    if (!order.has(s.contact_id)) order.set(s.contact_id, i);
  });
  const contacts: Contact[] = rows
    .map((r) => ({
      id: r.id,
      firstName: r.first_name,
      lastName: r.last_name,
      displayName: r.display_name,
      emails: [...r.emails],
      phones: [...r.phones],
      organisationId: r.organisation_id,
      organisation: r.organisation,
      position: r.position,
      sphere: r.sphere as Contact["sphere"],
      subsphere: r.subsphere,
      closeness: r.closeness,
      formality: r.formality as Contact["formality"],
      usefulness: r.usefulness,
      introducedBy: r.introduced_by,
      connectedOn: r.connected_on,
      sources: sourcesOf.get(r.id) ?? [],
    }))
    .sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
  const interactions = (await storedInteractions(store)).map(({ file: _file, ...i }) => i);
  return { contacts, interactions };
}

export interface ForgetSummary {
  id: string;
  found: boolean;
  sources: number;
  interactions: number;
  /** Contacts whose `introduced_by` named the person (now empty). */
  introductions: number;
}

/**
 * Remove a person everywhere: the contact, every source record it was made from, its interactions,
 * and the mentions of it as the introducer of other contacts (in `contacts` and in their stored
 * source records).
 */
export async function forgetContact(store: Store, id: string): Promise<ForgetSummary> {
  assertWritable(store, "contacts forget");
  return withTransaction(store, async () => {
    const c = store.connection;
    const [found] = await all<{ n: number }>(c, "SELECT count(*) AS n FROM contacts WHERE id = $id", { id });
    const [sources] = await all<{ n: number }>(
      c,
      "SELECT count(*) AS n FROM contact_sources WHERE contact_id = $id",
      { id },
    );
    const [interactions] = await all<{ n: number }>(
      c,
      "SELECT count(*) AS n FROM interactions WHERE contact_id = $id",
      { id },
    );
    const refs = await all<{ ref: string }>(
      c,
      "SELECT DISTINCT ref FROM contact_sources WHERE contact_id = $id AND ref IS NOT NULL",
      { id },
    );
    const names = new Set([id, ...refs.map((r) => r.ref)]);
    await exec(c, "DELETE FROM interactions WHERE contact_id = $id", { id });
    await exec(c, "DELETE FROM contact_sources WHERE contact_id = $id", { id });
    await exec(c, "DELETE FROM contacts WHERE id = $id", { id });
    let introductions = 0;
    const mentioning = await all<{ seq: number; record: string }>(
      c,
      "SELECT seq, record FROM contact_sources",
    );
    for (const row of mentioning) {
      const record = JSON.parse(row.record) as ContactRecord;
      if (record.introducedBy && names.has(record.introducedBy)) {
        record.introducedBy = null;
        await exec(c, "UPDATE contact_sources SET record = $record WHERE seq = $seq", {
          record: JSON.stringify(record),
          seq: row.seq,
        });
      }
    }
    for (const name of names) {
      const [n] = await all<{ n: number }>(
        c,
        "SELECT count(*) AS n FROM contacts WHERE introduced_by = $name",
        { name },
      );
      introductions += n.n;
      await exec(c, "UPDATE contacts SET introduced_by = NULL WHERE introduced_by = $name", { name });
    }
    return { id, found: found.n > 0, sources: sources.n, interactions: interactions.n, introductions };
  });
}
