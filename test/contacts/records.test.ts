import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { normaliseEmail, parseMonthNameDate, splitList } from "../../engine/contacts/contactRow.ts";
import { parseContactsCsv, parseSocialCsv } from "../../engine/contacts/contactsCsv.ts";
import { parseInteractionsCsv } from "../../engine/contacts/interactionsCsv.ts";
import { foldName, levenshtein, nameDistance } from "../../engine/contacts/names.ts";
import { normalisePhone } from "../../engine/contacts/phone.ts";
import { contactFileKind } from "../../engine/contacts/sources.ts";
import { monthsBefore, reviewWindows } from "../../engine/contacts/windows.ts";

const fixture = (name: string) => join(import.meta.dirname, "..", "fixtures", "contacts", name);

describe("phones", () => {
  it("normalises French spellings to E.164", () => {
    for (const raw of [
      "06 12 34 56 78",
      "06.12.34.56.78",
      "+33 6 12 34 56 78",
      "+33 (0)6 12 34 56 78",
      "0033612345678",
      "tel:+33-6-12-34-56-78",
    ]) {
      expect(normalisePhone(raw)).toBe("+33612345678");
    }
    expect(normalisePhone("+44 20 7946 0958")).toBe("+442079460958");
    expect(normalisePhone("3615")).toBe("3615");
    expect(normalisePhone("n/a")).toBeUndefined();
  });
});

describe("e-mail cells", () => {
  it("splits several addresses and reads the mail-client form", () => {
    expect(splitList("a@x.example; b@y.example, c@z.example d@w.example")).toEqual([
      "a@x.example",
      "b@y.example",
      "c@z.example",
      "d@w.example",
    ]);
    expect(splitList("Jean Dupont <Jean.Dupont@X.example>")).toEqual(["Jean.Dupont@X.example"]);
    expect(normaliseEmail("mailto:Jean.Dupont@X.example")).toBe("jean.dupont@x.example");
    expect(normaliseEmail("jean.dupont")).toBeUndefined();
  });
});

describe("names", () => {
  it("folds accents, case, hyphens and order", () => {
    expect(foldName("Jean-Luc", "LÉVÊQUE")).toBe("jean leveque luc");
    expect(foldName("LEVEQUE Jean Luc")).toBe("jean leveque luc");
  });
  it("measures normalised Levenshtein distance", () => {
    expect(levenshtein("kitten", "sitting")).toBe(3);
    expect(nameDistance("dupond jean", "dupont jean")).toBeCloseTo(1 / 11, 12);
    expect(nameDistance("anne martin", "marie martin")).toBeGreaterThan(0.15);
    expect(nameDistance("", "x")).toBe(1);
  });
});

describe("dates and windows", () => {
  it("counts months on the calendar, clamping the day", () => {
    expect(monthsBefore("2024-12-19", 12)).toBe("2023-12-19");
    expect(monthsBefore("2024-03-31", 1)).toBe("2024-02-29");
    expect(reviewWindows("2024-12-19")).toEqual({
      asOf: "2024-12-19",
      lastFrom: "2023-12-19",
      previousFrom: "2022-12-19",
    });
  });
  it("reads social-network dates with month names", () => {
    expect(parseMonthNameDate("14 Mar 2021")).toBe("2021-03-14");
    expect(parseMonthNameDate("5 janv. 2024")).toBe("2024-01-05");
    expect(parseMonthNameDate("Feb 2, 2023")).toBe("2023-02-02");
    expect(parseMonthNameDate("31 Feb 2023")).toBeUndefined();
  });
});

describe("contact CSV files", () => {
  it("reads a Latin-1, semicolon, French-header contact book and quarantines bad rows", () => {
    const file = fixture("contacts-latin1.csv");
    const r = parseContactsCsv(readFileSync(file), file);
    expect(r.read).toBe(7);
    expect(r.records).toHaveLength(5);
    expect(r.records[0]).toMatchObject({
      firstName: "François",
      lastName: "Béranger",
      sphere: "professional",
      subsphere: "supplier",
      closeness: 4,
      formality: "formal",
      usefulness: 5,
      source: { kind: "csv", line: 2, ref: "P01" },
    });
    expect(r.quarantine.map((q) => [q.line, q.field, q.value])).toEqual([
      [6, "closeness", "7"],
      [7, "sphere", "galactique"],
    ]);
  });

  it("reads a social-network export below its notes, keeping file line numbers", () => {
    const file = fixture("Connections.csv");
    const r = parseSocialCsv(readFileSync(file), file);
    expect(r.read).toBe(5);
    expect(r.records[1]).toMatchObject({
      firstName: "Karim",
      lastName: "Benali",
      organisation: "Transports Seine Sud",
      position: "Directeur d'exploitation, site Sud",
      connectedOn: "2023-02-02",
      sphere: "online",
      subsphere: "social_network",
      source: { kind: "social", line: 6 },
    });
    expect(r.quarantine).toEqual([
      { file, line: 9, field: "connected_on", value: "not a date", reason: "not a date" },
    ]);
  });

  it("reads an interaction log with French tokens and quarantines unknown channels", () => {
    const file = fixture("interactions.csv");
    const r = parseInteractionsCsv(readFileSync(file), file);
    expect(r.read).toBe(8);
    expect(r.rows[6]).toMatchObject({
      contactId: "P03",
      date: "2024-06-02",
      channel: "meeting",
      initiatedBy: "me",
    });
    expect(r.quarantine.map((q) => [q.line, q.field])).toEqual([[9, "channel"]]);
  });

  it("tells the kinds of files apart", () => {
    const kind = (name: string) => contactFileKind(readFileSync(fixture(name)), fixture(name));
    expect(kind("android-2.1.vcf")).toBe("vcard");
    expect(kind("contacts-latin1.csv")).toBe("csv");
    expect(kind("Connections.csv")).toBe("social");
    expect(kind("interactions.csv")).toBe("interactions");
  });
});
