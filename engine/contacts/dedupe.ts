/**
 * Deduplication: the same person coming from several sources (a contact book, a phone's vCards, a
 * social-network export) becomes one contact, and nothing is lost: the contact keeps every source
 * record, its e-mails and phones are the union of theirs, and each other field is the first non-empty
 * value in record order (the first record's wins).
 *
 * Two records are the same person when (any of):
 * - `same_email`: they share an e-mail address (compared lower-cased);
 * - `same_phone`: they share a phone once normalised (`normalisePhone`: E.164 for French numbers);
 * - `close_name`: they work at the same organisation (same `organisation_id`, or the same organisation
 *   name once folded like names) and their folded names are within `nameThreshold` by `nameDistance`
 *   (normalised Levenshtein on accent-free, lower-case, sorted name tokens). Default threshold 0.15:
 *   one edit in a name of 7 characters or more, two in 14 or more; a name missing a letter or with a
 *   typo matches, two different first names (`anne martin` / `marie martin`) do not.
 * The relation is closed transitively (union–find): A = B by e-mail and B = C by phone make one contact.
 */
import { createHash } from "node:crypto";
import { foldName, nameDistance } from "./names.ts";
import type { Contact, ContactRecord, SourceRef } from "./types.ts";

export interface DedupeOptions {
  /** Largest normalised name distance for `close_name` (same organisation only). Default 0.15. */
  nameThreshold?: number;
}

export type MergeEvidence = "same_email" | "same_phone" | "close_name";

export interface MergedRecord {
  source: SourceRef;
  /** Why it was merged, and with which earlier record (index in the input). */
  evidence: MergeEvidence;
  /** The shared e-mail or phone, or the two folded names; shown only in the report. */
  detail: string;
  /** Name distance for `close_name`, else null. */
  distance: number | null;
}

export interface MergeGroup {
  /** Id of the resulting contact. */
  contactId: string;
  kept: SourceRef;
  merged: MergedRecord[];
}

export interface DedupeResult {
  contacts: Contact[];
  /** One entry per contact made of several records. */
  merges: MergeGroup[];
  /** Records folded into an earlier one: `records = contacts + merged`. */
  merged: number;
  /** Contact id of every source id (`ref`) and of every contact id: resolves interaction logs. */
  idOf: Map<string, string>;
  /** For each input record, the index of its contact in `contacts`. */
  contactOf: number[];
  /** For each input record, whether it is the first (kept) record of its contact. */
  kept: boolean[];
}

export const DEFAULT_NAME_THRESHOLD = 0.15;

/** The folded name of a record: first + last, else the display name. */
export const recordNameKey = (r: ContactRecord): string =>
  r.firstName || r.lastName ? foldName(r.firstName, r.lastName) : foldName(r.displayName);

/** Organisation keys of a record: its actor id and its folded organisation name. */
function organisationKeys(r: ContactRecord): string[] {
  const keys: string[] = [];
  if (r.organisationId) keys.push(`id:${r.organisationId}`);
  const name = foldName(r.organisation);
  if (name) keys.push(`name:${name}`);
  return keys;
}

/** A stable id for a contact whose first record carries none: a hash of what identifies it. */
function contentId(r: ContactRecord): string {
  const basis = [recordNameKey(r), r.emails[0] ?? "", r.phones[0] ?? "", r.organisationId ?? ""].join("|");
  return `K${createHash("sha256").update(basis).digest("hex").slice(0, 10)}`;
}

export function dedupeContacts(records: readonly ContactRecord[], options: DedupeOptions = {}): DedupeResult {
  const threshold = options.nameThreshold ?? DEFAULT_NAME_THRESHOLD;
  const n = records.length;
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  };
  // The first link that joins a record to an earlier one is its evidence.
  const why = new Map<number, Omit<MergedRecord, "source">>();
  const join = (earlier: number, later: number, evidence: Omit<MergedRecord, "source">) => {
    const a = find(earlier);
    const b = find(later);
    if (a === b) return;
    // The root is always the smallest index, so the first record of a group is the one kept.
    if (a < b) parent[b] = a;
    else parent[a] = b;
    if (!why.has(later)) why.set(later, evidence);
  };
  for (const [field, evidence] of [
    ["emails", "same_email"],
    ["phones", "same_phone"],
  ] as const) {
    const firstWith = new Map<string, number>();
    records.forEach((r, i) => {
      for (const value of r[field]) {
        const earlier = firstWith.get(value);
        if (earlier === undefined) firstWith.set(value, i);
        else join(earlier, i, { evidence, detail: value, distance: null });
      }
    });
  }
  const byOrganisation = new Map<string, number[]>();
  records.forEach((r, i) => {
    for (const key of organisationKeys(r)) {
      const list = byOrganisation.get(key);
      if (list) list.push(i);
      else byOrganisation.set(key, [i]);
    }
  });
  const names = records.map(recordNameKey);
  for (const members of byOrganisation.values()) {
    for (let x = 0; x < members.length; x++) {
      for (let y = x + 1; y < members.length; y++) {
        const i = members[x];
        const j = members[y];
        const d = nameDistance(names[i], names[j]);
        if (d <= threshold) {
          join(i, j, { evidence: "close_name", detail: `${names[i]} ~ ${names[j]}`, distance: round(d) });
        }
      }
    }
  }

  const groups = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const root = find(i);
    const list = groups.get(root);
    if (list) list.push(i);
    else groups.set(root, [i]);
  }
  const contacts: Contact[] = [];
  const merges: MergeGroup[] = [];
  const idOf = new Map<string, string>();
  const used = new Set<string>();
  const contactOf = new Array<number>(n);
  const kept = new Array<boolean>(n).fill(false);
  for (const members of groups.values()) {
    for (const i of members) contactOf[i] = contacts.length;
    kept[members[0]] = true;
    const first = records[members[0]];
    let id = first.source.ref ?? contentId(first);
    // Two different people given the same id by two sources: the later one gets a suffix.
    for (let k = 2; used.has(id); k++) id = `${first.source.ref ?? contentId(first)}-${k}`;
    used.add(id);
    const contact = mergeRecords(
      id,
      members.map((i) => records[i]),
    );
    contacts.push(contact);
    if (!idOf.has(id)) idOf.set(id, id);
    for (const s of contact.sources) if (s.ref && !idOf.has(s.ref)) idOf.set(s.ref, id);
    if (members.length > 1) {
      merges.push({
        contactId: id,
        kept: first.source,
        merged: members
          .slice(1)
          .map((i) => ({ source: records[i].source, ...(why.get(i) as Omit<MergedRecord, "source">) })),
      });
    }
  }
  return { contacts, merges, merged: n - contacts.length, idOf, contactOf, kept };
}

const round = (x: number): number => Math.round(x * 1e4) / 1e4;

/** One contact from records of one person, the first record's fields winning (see the file comment). */
export function mergeRecords(id: string, group: readonly ContactRecord[]): Contact {
  const [first, ...rest] = group;
  const { source, ...fields } = first;
  const contact: Contact = {
    ...fields,
    emails: [...first.emails],
    phones: [...first.phones],
    id,
    sources: [source],
  };
  for (const r of rest) {
    contact.sources.push(r.source);
    for (const e of r.emails) if (!contact.emails.includes(e)) contact.emails.push(e);
    for (const p of r.phones) if (!contact.phones.includes(p)) contact.phones.push(p);
    for (const key of Object.keys(fields) as (keyof typeof fields)[]) {
      if (key === "emails" || key === "phones") continue;
      if (contact[key] === null && r[key] !== null)
        (contact as unknown as Record<string, unknown>)[key] = r[key];
    }
  }
  return contact;
}
