import { describe, expect, it } from "vitest";
import { assembleBook } from "../../engine/contacts/book.ts";
import { dedupeContacts } from "../../engine/contacts/dedupe.ts";
import type { ContactRecord } from "../../engine/contacts/types.ts";
import { readFixtures } from "./fixtures.ts";

describe("deduplication across sources", () => {
  const { contacts, interactions } = readFixtures();
  const book = assembleBook(contacts, interactions);

  it("keeps read = accepted + merged + quarantined", () => {
    const c = book.counts.contacts;
    expect(c).toEqual({ read: 22, accepted: 11, merged: 5, quarantined: 6 });
    expect(c.read).toBe(c.accepted + c.merged + c.quarantined);
    const i = book.counts.interactions;
    expect(i).toEqual({ read: 8, accepted: 5, duplicates: 1, quarantined: 2 });
    expect(i.read).toBe(i.accepted + i.duplicates + i.quarantined);
  });

  it("merges by e-mail, phone and close name at the same organisation, with the evidence", () => {
    const report = book.merges.map((m) => [
      m.contactId,
      m.merged.map(
        (x) => `${x.source.kind}:${x.source.line}:${x.evidence}${x.distance ? `:${x.distance}` : ""}`,
      ),
    ]);
    expect(report).toEqual([
      ["P01", ["vcard:1:same_phone"]],
      ["P02", ["vcard:1:close_name"]],
      ["P03", ["social:7:close_name:0.0909"]],
      [expect.stringMatching(/^K[0-9a-f]{10}$/), ["social:5:same_email"]],
      ["urn:uuid:4fbe8971-0bc3-424c-9c26-36c3e1eff6b1", ["social:6:same_email"]],
    ]);
  });

  it("loses nothing: every source, e-mail and phone is kept, first record's fields win", () => {
    const renee = book.contacts.find((c) => c.id === "P02");
    expect(renee).toMatchObject({
      firstName: "Renee",
      lastName: "LEFEVRE",
      closeness: 3,
      emails: ["renee.lefevre@exemple.example", "r.lefevre@atelier-normand.example"],
      phones: ["+33235778899", "+33612445566", "+33235123456"],
      position: "Responsable qualité",
    });
    expect(renee?.sources.map((s) => s.kind)).toEqual(["csv", "vcard"]);
    const karim = book.contacts.find((c) => c.firstName === "Karim");
    // The vCard gave no closeness; the social export gave the connection date: fields are filled in.
    expect(karim).toMatchObject({ sphere: "professional", connectedOn: "2023-02-02" });
    const sources = book.contacts.reduce((n, c) => n + c.sources.length, 0);
    expect(sources).toBe(book.counts.contacts.accepted + book.counts.contacts.merged);
  });

  it("does not merge different first names at the same organisation", () => {
    const martins = book.contacts.filter(
      (c) => c.lastName === "Martin" && c.organisation === "Transports Seine Sud",
    );
    expect(martins.map((c) => c.firstName).sort()).toEqual(["Anne", "Marie"]);
  });

  it("resolves interaction logs through merged ids and quarantines unknown contacts", () => {
    expect(book.interactions.filter((i) => i.contactId === "P01")).toHaveLength(2);
    expect(book.quarantine.find((q) => q.value === "Z99")?.reason).toBe("no contact has this id");
  });

  it("closes the relation transitively and respects the name threshold option", () => {
    const base: Omit<ContactRecord, "source"> = {
      firstName: null,
      lastName: null,
      displayName: null,
      emails: [],
      phones: [],
      organisationId: "X",
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
    const rec = (line: number, fields: Partial<ContactRecord>): ContactRecord => ({
      ...base,
      ...fields,
      source: { kind: "csv", file: "t.csv", line, ref: `R${line}` },
    });
    const records = [
      rec(1, { firstName: "Paul", lastName: "Girard", emails: ["p@g.example"] }),
      rec(2, { firstName: "P", lastName: "G", emails: ["p@g.example"], phones: ["+33600000000"] }),
      rec(3, { firstName: "Q", lastName: "H", phones: ["+33600000000"], organisationId: "Y" }),
      rec(4, { firstName: "Paule", lastName: "Girard" }),
    ];
    const d = dedupeContacts(records);
    expect(d.contacts.map((c) => c.sources.length)).toEqual([4]);
    expect(dedupeContacts(records, { nameThreshold: 0 }).contacts.map((c) => c.id)).toEqual(["R1", "R4"]);
  });
});
