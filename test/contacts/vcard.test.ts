import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseVcards } from "../../engine/contacts/vcard.ts";
import { decodeQuotedPrintable, vcardCards } from "../../engine/contacts/vcardText.ts";

const fixture = (name: string) => join(import.meta.dirname, "..", "fixtures", "contacts", name);
const read = (name: string) => parseVcards(readFileSync(fixture(name)), name);
const bytes = (text: string) => new TextEncoder().encode(text);

describe("vCard layer in front of ical.js", () => {
  it("decodes quoted-printable in the property's charset", () => {
    expect(decodeQuotedPrintable("Ren=C3=A9e")).toBe("Renée");
    expect(decodeQuotedPrintable("B=E9ranger", "ISO-8859-1")).toBe("Béranger");
    expect(decodeQuotedPrintable("a=0D=0Ab", "utf-8")).toBe("a\r\nb");
    // An unknown charset falls back to UTF-8 rather than failing.
    expect(decodeQuotedPrintable("=C3=A9", "x-unknown")).toBe("é");
  });

  it("joins quoted-printable soft line breaks and rewrites 2.1 as 3.0", () => {
    const [card] = vcardCards(
      bytes(
        "BEGIN:VCARD\r\nVERSION:2.1\r\nORG;ENCODING=QUOTED-PRINTABLE:Caf=C3=A9 =\r\ndu Port\r\nTEL;CELL;PREF:0612\r\nEND:VCARD\r\n",
      ),
    );
    expect(card.version).toBe("2.1");
    expect(card.text).toContain("VERSION:3.0\r\n");
    expect(card.text).toContain("ORG:Café du Port\r\n");
    expect(card.text).toContain("TEL;TYPE=CELL;TYPE=PREF:0612\r\n");
  });

  it("unfolds 3.0/4.0 by removing one space and 2.1 by keeping it", () => {
    const v3 = vcardCards(bytes("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ab\r\n cd\r\nEND:VCARD\r\n"))[0];
    const v21 = vcardCards(bytes("BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Ab\r\n cd\r\nEND:VCARD\r\n"))[0];
    expect(v3.text).toContain("FN:Abcd\r\n");
    expect(v21.text).toContain("FN:Ab cd\r\n");
  });
});

describe("vCard files as phones and mail clients export them", () => {
  it("Android 2.1: quoted-printable UTF-8, soft breaks, bare types, base64 photo, literal comma", () => {
    const r = read("android-2.1.vcf");
    expect(r.quarantine).toEqual([]);
    expect(r.read).toBe(2);
    const [renee, jp] = r.records;
    expect(renee).toMatchObject({
      firstName: "Renée",
      lastName: "Lefèvre",
      displayName: "Renée Lefèvre",
      emails: ["renee.lefevre@exemple.example", "r.lefevre@atelier-normand.example"],
      phones: ["+33612445566", "+33235123456"],
      organisation: "Atelier normand de mécanique de précision et décolletage",
      position: "Responsable qualité",
      source: { kind: "vcard", line: 1, ref: null },
    });
    expect(jp).toMatchObject({
      firstName: "Jean-Pierre, dit JP",
      lastName: "Martin",
      phones: ["+33235001122"],
    });
    expect(jp.source.line).toBe(17);
  });

  it("iPhone 3.0: grouped properties, several e-mails, folded lines, escaped comma", () => {
    const r = read("iphone-3.0.vcf");
    expect(r.quarantine).toEqual([]);
    const [as, thomas] = r.records;
    expect(as).toMatchObject({
      firstName: "Anne-Sophie",
      lastName: "Dubois-Lemaire",
      emails: ["as.dubois-lemaire@cci-rouen-metropole.example", "annesophie.dl@perso.example"],
      phones: ["+33639981122", "+33261910001"],
      organisation: "CCI Rouen Métropole",
      position: "Chargée de mission",
    });
    expect(thomas).toMatchObject({
      displayName: "Thomas Lebrun",
      organisation: "Vitrerie Lebrun, fils et associés",
    });
  });

  it("4.0: tel: URI, e-mails lower-cased, UID kept as the source id, categories as sphere", () => {
    const [karim] = read("google-4.0.vcf").records;
    expect(karim).toMatchObject({
      emails: ["karim.benali@transports-seine.example", "karim.benali@perso.example"],
      phones: ["+33639984455"],
      sphere: "professional",
      subsphere: "client",
      source: { ref: "urn:uuid:4fbe8971-0bc3-424c-9c26-36c3e1eff6b1" },
    });
  });

  it("2.1 in Latin-1: raw 8-bit text and ISO-8859-1 quoted-printable", () => {
    const [f] = read("nokia-2.1-latin1.vcf").records;
    expect(f).toMatchObject({
      firstName: "François",
      lastName: "Béranger",
      displayName: "François Béranger",
      phones: ["+33612345678", "+33235987654"],
    });
  });

  it("quarantines cards with nothing identifying, without END, or with a bad e-mail; keeps the rest", () => {
    const r = read("broken.vcf");
    expect(r.read).toBe(4);
    expect(r.records.map((x) => x.displayName)).toEqual(["Lucie Hamel"]);
    expect(r.quarantine.map((q) => [q.line, q.field])).toEqual([
      [1, "name"],
      [5, ""],
      [13, "email"],
    ]);
    expect(r.quarantine[1].reason).toMatch(/no END:VCARD/);
  });

  it("refuses a file with no card at all (nothing usable)", () => {
    expect(() => parseVcards(bytes("hello\n"), "empty.vcf")).toThrow(/empty.vcf: no vCard in the file/);
  });
});
