/**
 * The contact-book CSV (one row per contact, the layout of `datasets/rouen/contacts/contacts.csv`:
 * `id, first_name, last_name, email, phone, organisation_id, organisation, position, sphere, subsphere,
 * closeness, formality, usefulness`, French headers accepted) and the social-network connections export
 * (`First Name, Last Name, URL, Email Address, Company, Position, Connected On`, with or without the
 * notes some networks put above the header, English or French headers). Both are read from bytes:
 * UTF-8 or Latin-1 / Windows-1252, any usual delimiter, via `parseCsv`.
 */
import { mapColumns } from "../io/columns.ts";
import { type CsvTable, decodeText, parseCsv } from "../io/csvRead.ts";
import { InputError } from "../io/errors.ts";
import type { QuarantineRow } from "../io/quarantine.ts";
import type { RowCells } from "../io/records.ts";
import { canonicalToken } from "../model/vocabulary.ts";
import { CONTACT_HEADER_NAMES, type ContactField, contactFromRow } from "./contactRow.ts";
import type { ContactRecord, SourceRef } from "./types.ts";

export interface ContactRead {
  file: string;
  kind: SourceRef["kind"];
  records: ContactRecord[];
  quarantine: QuarantineRow[];
  /** Rows (or cards) read: `read = records.length + quarantine.length`. */
  read: number;
}

export interface ContactCsvOptions {
  /** Header → field overrides (`--columns`). */
  columns?: Record<string, string>;
}

/** Header names of a social-network connections export (canonical tokens), beyond the contact-book ones. */
const SOCIAL_HEADER_NAMES: Partial<Record<ContactField, readonly string[]>> = {
  email: ["email_address", "adresse_e_mail", "adresse_email", "e_mail_address"],
  organisation: ["company", "entreprise"],
  position: ["position", "poste"],
  connected_on: ["connected_on", "connecte_le", "date_de_connexion"],
};

function rowsOf(
  table: CsvTable,
  names: Readonly<Record<ContactField, readonly string[]>>,
  kind: SourceRef["kind"],
  lineOffset: number,
  columns: Record<string, string> | undefined,
  fill: (row: RowCells<ContactField>) => void,
): ContactRead {
  const mapping = mapColumns(table.file, table.header, names, [], columns);
  const found = Object.keys(mapping.index) as ContactField[];
  if (!found.some((f) => ["first_name", "last_name", "name", "email", "phone"].includes(f))) {
    throw new InputError(
      `${table.file}: no name, e-mail or phone column (columns found: ${table.header.map((h) => `"${h}"`).join(", ")}).`,
      { file: table.file },
    );
  }
  const quarantine: QuarantineRow[] = table.bad.map((b) => ({ ...b, line: b.line + lineOffset }));
  const records: ContactRecord[] = [];
  for (const r of table.records) {
    const row: RowCells<ContactField> = {};
    for (const f of found) row[f] = r.cells[mapping.index[f] as number];
    fill(row);
    const line = r.line + lineOffset;
    const result = contactFromRow(row, { kind, file: table.file, line, ref: null });
    if (result.ok) records.push(result.record);
    else quarantine.push({ file: table.file, line, ...result.problem });
  }
  return { file: table.file, kind, records, quarantine, read: records.length + quarantine.length };
}

/** Read a contact-book CSV. */
export function parseContactsCsv(
  bytes: Uint8Array,
  file: string,
  options: ContactCsvOptions = {},
): ContactRead {
  return rowsOf(parseCsv(bytes, file), CONTACT_HEADER_NAMES, "csv", 0, options.columns, () => {});
}

/**
 * The line (0-based) where a social export's header starts: the first line naming both a first and a
 * last name column. The notes above it (LinkedIn writes three lines) are skipped, and line numbers in
 * the quarantine stay those of the file.
 */
function socialHeaderLine(lines: readonly string[]): number {
  const first = CONTACT_HEADER_NAMES.first_name;
  const last = CONTACT_HEADER_NAMES.last_name;
  for (let i = 0; i < Math.min(lines.length, 20); i++) {
    const tokens = lines[i].split(/[,;\t]/).map((c) => canonicalToken(c.replaceAll('"', "")));
    if (tokens.some((t) => first.includes(t)) && tokens.some((t) => last.includes(t))) return i;
  }
  return 0;
}

/** Read a social-network connections export; every row gets the sphere `online`, subsphere `social_network`. */
export function parseSocialCsv(
  bytes: Uint8Array,
  file: string,
  options: ContactCsvOptions = {},
): ContactRead {
  const { text } = decodeText(bytes);
  const lines = text.split(/\r?\n/);
  const skip = socialHeaderLine(lines);
  const body = new TextEncoder().encode(lines.slice(skip).join("\n"));
  const names = { ...CONTACT_HEADER_NAMES } as Record<ContactField, readonly string[]>;
  for (const [field, extra] of Object.entries(SOCIAL_HEADER_NAMES) as [ContactField, readonly string[]][]) {
    names[field] = [...new Set([...names[field], ...extra])];
  }
  // "URL" is the profile address: not needed for the contact database, so it is not kept.
  return rowsOf(parseCsv(body, file), names, "social", skip, options.columns, (row) => {
    row.sphere ||= "online";
    row.subsphere ||= "social_network";
  });
}
