/**
 * The layer in front of ical.js for vCards as phones and mail clients actually write them. ical.js
 * parses vCard 3.0 (RFC 2426) and 4.0 (RFC 6350), including folded lines and grouped properties
 * (`item1.EMAIL`); it refuses or misreads what vCard 2.1 (versit, 1996) allows and old exporters still
 * write. This layer rewrites each card into 3.0 syntax before ical.js sees it:
 *
 * - text decoding: UTF-8 when the bytes are valid UTF-8, else Windows-1252 (a superset of Latin-1);
 * - unfolding: a line beginning with a space or tab continues the previous one; 3.0/4.0 drop that one
 *   character, 2.1 (RFC 822 folding) keeps it;
 * - quoted-printable (`ENCODING=QUOTED-PRINTABLE` or the bare 2.1 parameter `QUOTED-PRINTABLE`): soft
 *   line breaks (`=` at the end of a line) joined, `=XX` bytes decoded in the `CHARSET=` of the property
 *   (UTF-8 when absent or unknown), line breaks turned into `\n`;
 * - `CHARSET=` removed once applied (3.0 and 4.0 have no such parameter);
 * - bare 2.1 type parameters (`TEL;CELL;PREF:`) written `TYPE=CELL;TYPE=PREF`;
 * - 2.1 values escaped as 3.0 wants (a backslash or a comma in 2.1 text is literal);
 * - inline binary values (`ENCODING=BASE64`, `ENCODING=b`: photos, keys, sounds) dropped: the contact
 *   database keeps no photo, and a 2.1 base64 block would otherwise break the parse;
 * - `VERSION:2.1` rewritten `VERSION:3.0`.
 * Groups (`item1.`) are kept: ical.js reads them. Every card keeps the line of its `BEGIN:VCARD`.
 */
import { decodeText } from "../io/csvRead.ts";

export interface CardText {
  /** 1-based physical line of `BEGIN:VCARD`. */
  line: number;
  /** The version the card declared (`2.1`, `3.0`, `4.0`), or `3.0` when it declared none. */
  version: string;
  /** The card rewritten in 3.0/4.0 syntax, CRLF line ends. */
  text: string;
  /** Why the card cannot be read (it has no `END:VCARD`). */
  problem?: string;
}

interface LogicalLine {
  line: number;
  text: string;
}

const isQuotedPrintable = (nameAndParams: string): boolean =>
  /(^|;)(ENCODING=)?QUOTED-PRINTABLE(;|$)/i.test(nameAndParams);

/** Index of the first `:` outside double quotes (the end of the name and parameters), or -1. */
function valueStart(text: string): number {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (c === ":" && !quoted) return i;
  }
  return -1;
}

/** Split physical lines into logical lines: unfolding and quoted-printable soft breaks. */
function logicalLines(text: string): LogicalLine[] {
  const physical = text.split(/\r\n|\n|\r/);
  const out: LogicalLine[] = [];
  let version = "3.0";
  let current: LogicalLine | undefined;
  let softBreak = false;
  const push = () => {
    if (!current) return;
    const m = /^VERSION:\s*(\S+)/i.exec(current.text);
    if (m) version = m[1];
    if (/^BEGIN:VCARD\s*$/i.test(current.text)) version = "3.0";
    out.push(current);
    current = undefined;
  };
  physical.forEach((raw, i) => {
    if (current && softBreak) {
      current.text = current.text.slice(0, -1) + raw;
    } else if (current && (raw.startsWith(" ") || raw.startsWith("\t"))) {
      current.text += version === "2.1" ? raw : raw.slice(1);
    } else {
      push();
      if (raw.trim() === "") return;
      current = { line: i + 1, text: raw };
    }
    const colon = valueStart(current.text);
    softBreak = colon > 0 && isQuotedPrintable(current.text.slice(0, colon)) && current.text.endsWith("=");
  });
  push();
  return out;
}

/** Decode quoted-printable text into bytes, then into characters with the given charset. */
export function decodeQuotedPrintable(value: string, charset = "utf-8"): string {
  const bytes: number[] = [];
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === "=" && /^[0-9A-Fa-f]{2}$/.test(value.slice(i + 1, i + 3))) {
      bytes.push(Number.parseInt(value.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      // A character of the text itself: its UTF-8 bytes (plain ASCII in well-formed input).
      for (const b of new TextEncoder().encode(c)) bytes.push(b);
    }
  }
  let decoder: InstanceType<typeof TextDecoder>;
  try {
    decoder = new TextDecoder(charset.toLowerCase());
  } catch {
    decoder = new TextDecoder("utf-8");
  }
  return decoder.decode(Uint8Array.from(bytes));
}

/** Split a parameter list on `;` outside double quotes. */
function splitParams(text: string): string[] {
  const out: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (c === ";" && !quoted) {
      out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  out.push(text.slice(start));
  return out;
}

const ENCODINGS = new Set(["QUOTED-PRINTABLE", "BASE64", "B", "8BIT", "7BIT"]);
const BINARY = new Set(["BASE64", "B"]);

/** A 2.1 text value escaped for 3.0: backslashes and commas are literal in 2.1 (`\;` stays an escape). */
const escape21 = (value: string): string =>
  value
    .replace(/\\(?!;)/g, "\\\\")
    .replaceAll(",", "\\,")
    .replace(/\r\n|\n|\r/g, "\\n");

/** Rewrite one logical line; undefined drops it. */
function rewriteLine(text: string, version: string): string | undefined {
  const colon = valueStart(text);
  if (colon <= 0) return text;
  const [nameWithGroup, ...rawParams] = splitParams(text.slice(0, colon));
  let value = text.slice(colon + 1);
  const name = nameWithGroup.slice(nameWithGroup.lastIndexOf(".") + 1).toUpperCase();
  if (name === "VERSION" && value.trim() === "2.1") return `${nameWithGroup}:3.0`;
  if (name === "PHOTO" || name === "LOGO" || name === "SOUND" || name === "KEY") return undefined;
  let encoding: string | undefined;
  let charset: string | undefined;
  const params: string[] = [];
  for (const p of rawParams) {
    if (p === "") continue;
    const eq = p.indexOf("=");
    if (eq === -1) {
      const token = p.toUpperCase();
      if (ENCODINGS.has(token)) encoding = token;
      else params.push(`TYPE=${p}`);
      continue;
    }
    const key = p.slice(0, eq).toUpperCase();
    const v = p.slice(eq + 1);
    if (key === "ENCODING") encoding = v.toUpperCase();
    else if (key === "CHARSET") charset = v.replaceAll('"', "");
    else params.push(p);
  }
  if (encoding && BINARY.has(encoding)) return undefined;
  const decoded = encoding === "QUOTED-PRINTABLE";
  if (decoded) value = decodeQuotedPrintable(value, charset);
  if (version === "2.1") value = escape21(value);
  else if (decoded) value = value.replace(/\r\n|\n|\r/g, "\\n");
  return `${nameWithGroup}${params.map((p) => `;${p}`).join("")}:${value}`;
}

/** The cards of a .vcf file, each rewritten for ical.js. Text outside `BEGIN:VCARD … END:VCARD` is ignored. */
export function vcardCards(bytes: Uint8Array): CardText[] {
  const { text } = decodeText(bytes);
  const cards: CardText[] = [];
  let card: { line: number; version: string; lines: LogicalLine[] } | undefined;
  for (const l of logicalLines(text)) {
    const upper = l.text.trim().toUpperCase();
    if (upper === "BEGIN:VCARD") {
      if (card) cards.push(unterminated(card, "no END:VCARD before the next BEGIN:VCARD"));
      card = { line: l.line, version: "3.0", lines: [] };
      continue;
    }
    if (!card) continue;
    if (upper === "END:VCARD") {
      const version = card.version;
      const body = card.lines
        .map((x) => rewriteLine(x.text, version))
        .filter((x): x is string => x !== undefined);
      cards.push({ line: card.line, version, text: ["BEGIN:VCARD", ...body, "END:VCARD", ""].join("\r\n") });
      card = undefined;
      continue;
    }
    const m = /^VERSION:\s*(\S+)/i.exec(l.text.trim());
    if (m) card.version = m[1];
    card.lines.push(l);
  }
  if (card) cards.push(unterminated(card, "no END:VCARD before the end of the file"));
  return cards;
}

const unterminated = (card: { line: number; version: string }, problem: string): CardText => ({
  line: card.line,
  version: card.version,
  text: "",
  problem,
});
