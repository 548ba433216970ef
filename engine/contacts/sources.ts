/**
 * Which reader a contact file needs, from its name and content: `.vcf`/`.vcard` (or a text starting
 * with `BEGIN:VCARD`) is a vCard file; a CSV whose header has a contact id, a date and a channel or
 * initiator column is an interaction log; a CSV with a "connected on" column or a profile URL column
 * (or notes above a first/last name header) is a social-network connections export; any other CSV is
 * a contact book.
 */
import { decodeText } from "../io/csvRead.ts";
import { canonicalToken } from "../model/vocabulary.ts";
import { type ContactRead, parseContactsCsv, parseSocialCsv } from "./contactsCsv.ts";
import { type InteractionRead, isInteractionHeader, parseInteractionsCsv } from "./interactionsCsv.ts";
import { parseVcards } from "./vcard.ts";

export type ContactFileKind = "vcard" | "interactions" | "social" | "csv";

export function contactFileKind(bytes: Uint8Array, file: string): ContactFileKind {
  if (/\.(vcf|vcard)$/i.test(file)) return "vcard";
  const { text } = decodeText(bytes.subarray(0, 64 * 1024));
  if (/^\s*BEGIN:VCARD/i.test(text)) return "vcard";
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== "");
  const header = (lines[0] ?? "").split(/[,;\t|]/).map((h) => h.replaceAll('"', "").trim());
  if (isInteractionHeader(header, canonicalToken)) return "interactions";
  const tokens = header.map(canonicalToken);
  if (tokens.some((t) => ["connected_on", "connecte_le", "url", "profile_url"].includes(t))) return "social";
  if (/^notes?\s*:/i.test(lines[0] ?? "")) return "social";
  return "csv";
}

export type ContactFileRead =
  | { kind: "interactions"; read: InteractionRead }
  | { kind: "contacts"; read: ContactRead };

/** Read one contact file of any kind. */
export function parseContactFile(
  bytes: Uint8Array,
  file: string,
  options: { columns?: Record<string, string> } = {},
): ContactFileRead {
  const kind = contactFileKind(bytes, file);
  if (kind === "interactions") return { kind: "interactions", read: parseInteractionsCsv(bytes, file) };
  if (kind === "vcard") return { kind: "contacts", read: parseVcards(bytes, file) };
  if (kind === "social") return { kind: "contacts", read: parseSocialCsv(bytes, file, options) };
  return { kind: "contacts", read: parseContactsCsv(bytes, file, options) };
}
