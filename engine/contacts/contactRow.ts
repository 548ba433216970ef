/**
 * One contact row (whatever the source: the contact-book CSV, a vCard, a social-network export) turned
 * into a `ContactRecord` or into the reason it cannot be one. Tokens, numbers, e-mails and phones are
 * read the same way for every source.
 */
import type { RowCells, RowResult } from "../io/records.ts";
import { parseDate } from "../model/dates.ts";
import { parseFormality } from "../model/vocabulary.ts";
import { normalisePhone } from "./phone.ts";
import type { ContactFields, ContactRecord, SourceRef } from "./types.ts";
import { sphereOf, sphereOfSubsphere, subsphereOf } from "./vocabulary.ts";

export const CONTACT_FIELDS = [
  "id",
  "first_name",
  "last_name",
  "name",
  "email",
  "email2",
  "phone",
  "phone2",
  "organisation_id",
  "organisation",
  "position",
  "sphere",
  "subsphere",
  "closeness",
  "formality",
  "usefulness",
  "introduced_by",
  "connected_on",
] as const;
export type ContactField = (typeof CONTACT_FIELDS)[number];

/** Accepted header names (in `canonicalToken` form) of each field, French and English. */
export const CONTACT_HEADER_NAMES: Readonly<Record<ContactField, readonly string[]>> = {
  id: ["id", "contact_id", "identifiant", "uid"],
  first_name: ["first_name", "firstname", "given_name", "prenom"],
  last_name: ["last_name", "lastname", "surname", "family_name", "nom", "nom_de_famille"],
  name: ["name", "full_name", "display_name", "nom_complet"],
  email: ["email", "e_mail", "mail", "courriel", "email_address", "adresse_email", "adresse_e_mail"],
  email2: ["email2", "email_2", "other_email", "autre_email", "autre_courriel"],
  phone: ["phone", "telephone", "tel", "mobile", "portable", "phone_number"],
  phone2: ["phone2", "phone_2", "other_phone", "autre_telephone", "telephone_2"],
  organisation_id: ["organisation_id", "organization_id", "actor_id", "org_id", "id_organisation", "siret"],
  organisation: [
    "organisation",
    "organization",
    "company",
    "entreprise",
    "societe",
    "structure",
    "employeur",
  ],
  position: ["position", "title", "job_title", "fonction", "poste"],
  sphere: ["sphere"],
  subsphere: ["subsphere", "sub_sphere", "sous_sphere"],
  closeness: ["closeness", "ease", "proximite", "aisance"],
  formality: ["formality", "formalite"],
  usefulness: ["usefulness", "utility", "utilite", "interet"],
  introduced_by: ["introduced_by", "introduit_par", "presente_par", "connected_by"],
  connected_on: ["connected_on", "connecte_le", "connection_date", "date_connexion"],
};

const given = (v: string | null | undefined): v is string => v !== undefined && v !== null && v.trim() !== "";
const text = (v: string | null | undefined): string | null => (given(v) ? v.trim() : null);
const bad = (field: string, value: string, reason: string): RowResult<ContactRecord> => ({
  ok: false,
  problem: { field, value, reason },
});

/** A plausible e-mail: something@domain.tld, no spaces. Lower-cased (domains and, in practice, local parts). */
export function normaliseEmail(raw: string): string | undefined {
  const s = raw
    .trim()
    .replace(/^mailto:/i, "")
    .toLowerCase();
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s) ? s : undefined;
}

/**
 * Several addresses in one cell, separated by `;`, `,` or spaces; an address written the mail-client way,
 * `Jean Dupont <jean@exemple.fr>`, gives the address between the angle brackets.
 */
export const splitList = (raw: string): string[] =>
  raw
    .split(/[;,]+/)
    .flatMap((part) => {
      const bracketed = /<([^<>]+)>/.exec(part);
      return bracketed ? [bracketed[1]] : part.split(/\s+/);
    })
    .map((s) => s.trim())
    .filter((s) => s !== "");

/** A phone cell may hold several numbers separated by `;` or `/` (spaces belong to numbers). */
const splitPhones = (raw: string): string[] =>
  raw
    .split(/[;/]+/)
    .map((s) => s.trim())
    .filter((s) => s !== "");

function scale(raw: string): number | undefined {
  const n = Number(raw.trim().replace(",", "."));
  return Number.isInteger(n) && n >= 1 && n <= 5 ? n : undefined;
}

/** Empty fields, to fill in. */
export function emptyFields(): ContactFields {
  return {
    firstName: null,
    lastName: null,
    displayName: null,
    emails: [],
    phones: [],
    organisationId: null,
    organisation: null,
    position: null,
    sphere: null,
    subsphere: null,
    closeness: null,
    formality: null,
    usefulness: null,
    introducedBy: null,
    connectedOn: null,
  };
}

/**
 * Read a row. Refused (with the field at fault): an e-mail or phone that cannot be one, a sphere or
 * subsphere in no list (or a subsphere of another sphere), closeness or usefulness not an integer 1–5,
 * an unknown formality, an unreadable date, and a row with neither a name nor an e-mail nor a phone.
 */
export function contactFromRow(row: RowCells<ContactField>, source: SourceRef): RowResult<ContactRecord> {
  const f = emptyFields();
  f.firstName = text(row.first_name);
  f.lastName = text(row.last_name);
  f.displayName = text(row.name);
  for (const field of ["email", "email2"] as const) {
    const raw = row[field];
    if (!given(raw)) continue;
    for (const part of splitList(raw)) {
      const email = normaliseEmail(part);
      if (!email) return bad(field, raw, "not an e-mail address");
      if (!f.emails.includes(email)) f.emails.push(email);
    }
  }
  for (const field of ["phone", "phone2"] as const) {
    const raw = row[field];
    if (!given(raw)) continue;
    for (const part of splitPhones(raw)) {
      const phone = normalisePhone(part);
      if (!phone) return bad(field, raw, "not a phone number (no digit)");
      if (!f.phones.includes(phone)) f.phones.push(phone);
    }
  }
  f.organisationId = text(row.organisation_id);
  f.organisation = text(row.organisation);
  f.position = text(row.position);
  if (given(row.sphere)) {
    const sphere = sphereOf(row.sphere);
    if (!sphere)
      return bad("sphere", row.sphere, "unknown sphere (professional, private, educational, online)");
    f.sphere = sphere;
  }
  if (given(row.subsphere)) {
    const subsphere = subsphereOf(row.subsphere, f.sphere);
    if (!subsphere) {
      return bad(
        "subsphere",
        row.subsphere,
        f.sphere ? `not a subsphere of the ${f.sphere} sphere` : "unknown subsphere",
      );
    }
    f.subsphere = subsphere;
    f.sphere ??= sphereOfSubsphere(subsphere) ?? null;
  }
  for (const field of ["closeness", "usefulness"] as const) {
    const raw = row[field];
    if (!given(raw)) continue;
    const n = scale(raw);
    if (n === undefined) return bad(field, raw, "not an integer from 1 to 5");
    f[field] = n;
  }
  if (given(row.formality)) {
    const formality = parseFormality(row.formality);
    if (!formality) return bad("formality", row.formality, "unknown formality (formal, informal)");
    f.formality = formality;
  }
  f.introducedBy = text(row.introduced_by);
  if (given(row.connected_on)) {
    const date = parseDate(row.connected_on) ?? parseMonthNameDate(row.connected_on);
    if (!date) return bad("connected_on", row.connected_on, "not a date");
    f.connectedOn = date;
  }
  if (!f.firstName && !f.lastName && !f.displayName && f.emails.length === 0 && f.phones.length === 0) {
    return bad("name", "", "no name, e-mail or phone: nothing identifies the person");
  }
  return { ok: true, record: { ...f, source: { ...source, ref: text(row.id) ?? source.ref } } };
}

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1,
  janv: 1,
  janvier: 1,
  january: 1,
  feb: 2,
  fev: 2,
  fevr: 2,
  fevrier: 2,
  february: 2,
  mar: 3,
  mars: 3,
  march: 3,
  apr: 4,
  avr: 4,
  avril: 4,
  april: 4,
  may: 5,
  mai: 5,
  jun: 6,
  juin: 6,
  june: 6,
  jul: 7,
  juil: 7,
  juillet: 7,
  july: 7,
  aug: 8,
  aou: 8,
  aout: 8,
  august: 8,
  sep: 9,
  sept: 9,
  septembre: 9,
  september: 9,
  oct: 10,
  octobre: 10,
  october: 10,
  nov: 11,
  novembre: 11,
  november: 11,
  dec: 12,
  decembre: 12,
  december: 12,
};

/**
 * Dates with a month name, as social networks export them: `12 Jan 2023`, `12 janv. 2023`, `Jan 12, 2023`.
 */
export function parseMonthNameDate(raw: string): string | undefined {
  const s = raw
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[.,]/g, " ")
    .trim();
  const dayFirst = /^(\d{1,2})\s+([a-z]+)\s+(\d{4})$/.exec(s);
  const monthFirst = /^([a-z]+)\s+(\d{1,2})\s+(\d{4})$/.exec(s);
  const parts = dayFirst
    ? { d: dayFirst[1], m: dayFirst[2], y: dayFirst[3] }
    : monthFirst
      ? { d: monthFirst[2], m: monthFirst[1], y: monthFirst[3] }
      : undefined;
  if (!parts) return undefined;
  const month = MONTHS[parts.m];
  if (!month) return undefined;
  return parseDate(`${parts.y}-${month}-${parts.d}`);
}
