/**
 * Contacts from vCard files (.vcf) of versions 2.1, 3.0 and 4.0: `vcardText.ts` rewrites each card in
 * 3.0 syntax, ical.js parses it (jCard, RFC 7095), and the properties the contact database keeps are
 * taken from it: `N` (family and given names), `FN`, every `EMAIL`, every `TEL` (4.0 `tel:` URIs
 * included), `ORG` (its first component), `TITLE`, `UID` (the source's id) and `CATEGORIES` when one
 * names a sphere or subsphere. Nothing else is kept (no address, birthday, note or photo): personal
 * data the review does not need is not stored. A card ical.js cannot parse, or with no name, e-mail or
 * phone, is quarantined with the line of its `BEGIN:VCARD`.
 */
import ICAL from "ical.js";
import { InputError } from "../io/errors.ts";
import type { QuarantineRow } from "../io/quarantine.ts";
import { type ContactField, contactFromRow } from "./contactRow.ts";
import type { ContactRead } from "./contactsCsv.ts";
import type { ContactRecord } from "./types.ts";
import { vcardCards } from "./vcardText.ts";
import { sphereOf, subsphereOf } from "./vocabulary.ts";

type JCardProperty = [string, Record<string, unknown>, string, ...unknown[]];

const firstText = (v: unknown): string => {
  if (Array.isArray(v)) return firstText(v[0]);
  return typeof v === "string" ? v : v === undefined || v === null ? "" : String(v);
};

/** Component `i` of a structured value (`N`, `ORG`): a string when the value has one component only. */
const component = (v: unknown, i: number): string =>
  Array.isArray(v) ? firstText(v[i]) : i === 0 ? firstText(v) : "";

function fieldsOfCard(properties: JCardProperty[]): Partial<Record<ContactField, string>> {
  const row: Partial<Record<ContactField, string>> = {};
  const emails: string[] = [];
  const phones: string[] = [];
  for (const [name, , , ...values] of properties) {
    const value = values[0];
    switch (name) {
      case "n":
        row.last_name = component(value, 0);
        row.first_name = component(value, 1);
        break;
      case "fn":
        row.name = firstText(value);
        break;
      case "email":
        for (const v of values) emails.push(firstText(v));
        break;
      case "tel":
        for (const v of values) phones.push(firstText(v).replace(/^tel:/i, ""));
        break;
      case "org":
        row.organisation = component(value, 0);
        break;
      case "title":
        row.position = firstText(value);
        break;
      case "uid":
        row.id = firstText(value);
        break;
      case "categories":
        for (const v of values.flat()) {
          const token = firstText(v);
          if (sphereOf(token) && !row.sphere) row.sphere = token;
          else if (subsphereOf(token) && !row.subsphere) row.subsphere = token;
        }
        break;
    }
  }
  row.email = emails.join(";");
  row.phone = phones.join(";");
  return row;
}

export function parseVcards(bytes: Uint8Array, file: string): ContactRead {
  const records: ContactRecord[] = [];
  const quarantine: QuarantineRow[] = [];
  const cards = vcardCards(bytes);
  if (cards.length === 0)
    throw new InputError(`${file}: no vCard in the file (no BEGIN:VCARD line).`, { file });
  for (const card of cards) {
    const q = (field: string, value: string, reason: string) =>
      quarantine.push({ file, line: card.line, field, value, reason });
    if (card.problem) {
      q("", "", card.problem);
      continue;
    }
    let jcard: unknown;
    try {
      jcard = ICAL.parse(card.text);
    } catch (error) {
      q("", "", `vCard ${card.version} cannot be parsed: ${(error as Error).message.split("\n")[0]}`);
      continue;
    }
    const component0 = (Array.isArray(jcard) && Array.isArray(jcard[0]) ? jcard[0] : jcard) as [
      string,
      JCardProperty[],
    ];
    const row = fieldsOfCard(component0[1] ?? []);
    const result = contactFromRow(row, { kind: "vcard", file, line: card.line, ref: null });
    if (result.ok) records.push(result.record);
    else q(result.problem.field, result.problem.value, result.problem.reason);
  }
  return { file, kind: "vcard", records, quarantine, read: records.length + quarantine.length };
}
