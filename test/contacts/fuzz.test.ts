/**
 * Whatever a .vcf holds, the reader either refuses the whole file with an InputError (no card at all) or
 * accounts for every card: read = records + quarantined, never a crash.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseVcards } from "../../engine/contacts/vcard.ts";
import { isInputError } from "../../engine/io/errors.ts";

const line = fc.oneof(
  fc.constantFrom(
    "BEGIN:VCARD",
    "END:VCARD",
    "VERSION:2.1",
    "VERSION:3.0",
    "VERSION:4.0",
    "N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Lef=C3=A8vre;Ren=C3=A9e;;;",
    "FN;ENCODING=QUOTED-PRINTABLE:Ab=",
    "EMAIL;INTERNET:a@b.example",
    "item1.EMAIL;type=pref:x@y.example",
    "TEL;CELL:06 12 34 56 78",
    "TEL;VALUE=uri:tel:+33-6-00",
    "ORG:A\\, B;C",
    "PHOTO;ENCODING=BASE64:AAAA",
    " continued",
    "\tcontinued",
    "",
    'X-ODD;PARAM="a:b";OTHER:v',
    "CATEGORIES:private,friend",
  ),
  fc.string({ maxLength: 40 }),
);

describe("vCard reader on arbitrary input", () => {
  it("accounts for every card or refuses the file", () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), fc.constantFrom("\r\n", "\n", "\r"), (lines, eol) => {
        const bytes = new TextEncoder().encode(lines.join(eol));
        try {
          const r = parseVcards(bytes, "fuzz.vcf");
          expect(r.read).toBe(r.records.length + r.quarantine.length);
          expect(r.read).toBeGreaterThan(0);
          for (const rec of r.records) {
            for (const e of rec.emails) expect(e).toMatch(/^[^\s@]+@[^\s@]+\.[^\s@]+$/);
          }
        } catch (error) {
          if (!isInputError(error)) throw error;
        }
      }),
      { numRuns: 400, seed: 7 },
    );
  });
});
