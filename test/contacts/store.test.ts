import { describe, expect, it } from "vitest";
import { assembleBook } from "../../engine/contacts/book.ts";
import { forgetContact, importContactBook, loadContactBook } from "../../engine/contacts/contactsStore.ts";
import { reviewRows } from "../../engine/contacts/pseudonymise.ts";
import { contactReview } from "../../engine/contacts/review.ts";
import type { Store } from "../../engine/store/connection.ts";
import { withStore } from "../../engine/store/connection.ts";
import { all } from "../../engine/store/sql.ts";
import { readFixtures } from "./fixtures.ts";

const importAll = (store: Store, names?: string[]) => {
  const read = readFixtures(names);
  return importContactBook(store, { sources: read.contacts, interactions: read.interactions });
};

/** Every value of every contact table, as text, to search for traces of a person. */
async function dump(store: Store): Promise<string> {
  const parts: string[] = [];
  for (const table of ["contacts", "contact_sources", "interactions", "import_log"]) {
    parts.push(
      JSON.stringify(await all(store.connection, `SELECT * FROM ${table}`), (_k, v) =>
        v instanceof Date ? v.toISOString() : v,
      ),
    );
  }
  return parts.join("\n");
}

describe("contact database in the store", () => {
  it("imports, deduplicates, and gives back the same book as in memory", async () => {
    await withStore(":memory:", async (store) => {
      const summary = await importAll(store);
      expect(summary.contacts).toEqual({ read: 22, accepted: 11, merged: 5, quarantined: 6, unchanged: 0 });
      expect(summary.interactions).toEqual({ read: 8, accepted: 5, duplicates: 1, quarantined: 2 });
      expect(summary.stored).toEqual({ contacts: 11, sources: 16, interactions: 5 });
      const read = readFixtures();
      const memory = assembleBook(read.contacts, read.interactions);
      const stored = await loadContactBook(store);
      const strip = (c: (typeof stored.contacts)[number]) => ({
        ...c,
        sources: c.sources.map((s) => ({ ...s, file: s.file.split("/").at(-1) })),
      });
      expect(stored.contacts.map(strip)).toEqual(memory.contacts.map(strip));
      const key = (i: { contactId: string; date: string; channel: string }) =>
        `${i.contactId} ${i.date} ${i.channel}`;
      expect(stored.interactions.map(key).sort()).toEqual(memory.interactions.map(key).sort());
    });
  });

  it("changes nothing when the same files are imported again", async () => {
    await withStore(":memory:", async (store) => {
      await importAll(store);
      const before = await loadContactBook(store);
      const again = await importAll(store);
      expect(again.contacts).toEqual({ read: 22, accepted: 11, merged: 5, quarantined: 6, unchanged: 16 });
      expect(again.interactions.duplicates).toBe(6);
      expect(again.stored).toEqual({ contacts: 11, sources: 16, interactions: 5 });
      expect(await loadContactBook(store)).toEqual(before);
    });
  });

  it("merges a later record into a stored contact and moves nothing else", async () => {
    await withStore(":memory:", async (store) => {
      await importAll(store, ["google-4.0.vcf"]);
      const later = await importAll(store, ["Connections.csv"]);
      expect(later.contacts).toMatchObject({ read: 5, accepted: 3, merged: 1, quarantined: 1 });
      expect(later.merges.map((m) => m.contactId)).toEqual(["urn:uuid:4fbe8971-0bc3-424c-9c26-36c3e1eff6b1"]);
      const book = await loadContactBook(store);
      expect(book.contacts).toHaveLength(4);
    });
  });

  it("forget leaves no trace of the person in any table or export", async () => {
    await withStore(":memory:", async (store) => {
      await importAll(store);
      // P01 (François Béranger) is in the CSV and a vCard, and has interactions.
      expect(await dump(store)).toContain("Béranger");
      const summary = await forgetContact(store, "P01");
      expect(summary).toMatchObject({ id: "P01", found: true, sources: 2, interactions: 2 });
      const text = await dump(store);
      for (const trace of ["P01", "Béranger", "francois.beranger", "+33612345678", "+33235987654"]) {
        expect(text).not.toContain(trace);
      }
      const book = await loadContactBook(store);
      const rows = JSON.stringify(reviewRows(book.contacts, contactReview(book)));
      expect(rows).not.toContain("P01");
      expect((await forgetContact(store, "P01")).found).toBe(false);
    });
  });
});

describe("pseudonymised export", () => {
  it("replaces ids by keyed hashes and carries no name, e-mail or phone", () => {
    const read = readFixtures();
    const book = assembleBook(read.contacts, read.interactions);
    const review = contactReview(book);
    const rows = reviewRows(book.contacts, review, "secret");
    const again = reviewRows(book.contacts, review, "secret");
    const other = reviewRows(book.contacts, review, "other");
    expect(rows).toEqual(again);
    expect(rows[0].id).toMatch(/^anon-[0-9a-f]{16}$/);
    expect(rows[0].id).not.toBe(other[0].id);
    const text = JSON.stringify(rows);
    for (const c of book.contacts) {
      expect(text).not.toContain(c.id);
      for (const personal of [c.firstName, c.lastName, ...c.emails, ...c.phones])
        if (personal) expect(text).not.toContain(personal);
    }
  });
});

describe("rouen contact book through the store", () => {
  it("gives the same review as the files read in memory", async () => {
    const { readFileSync } = await import("node:fs");
    const { parseContactFile } = await import("../../engine/contacts/sources.ts");
    const { rouenFiles } = await import("./fixtures.ts");
    const files = rouenFiles();
    const c = parseContactFile(readFileSync(files.contacts), files.contacts);
    const i = parseContactFile(readFileSync(files.interactions), files.interactions);
    if (c.kind !== "contacts" || i.kind !== "interactions") throw new Error("unexpected kinds");
    const memory = contactReview(assembleBook([c.read], [i.read]));
    await withStore(":memory:", async (store) => {
      const summary = await importContactBook(store, { sources: [c.read], interactions: [i.read] });
      expect(summary.contacts).toEqual({ read: 200, accepted: 192, merged: 8, quarantined: 0, unchanged: 0 });
      expect(summary.stored).toEqual({ contacts: 192, sources: 200, interactions: 7890 });
      const stored = contactReview(await loadContactBook(store));
      expect(stored.segments).toEqual(memory.segments);
      expect(stored.fading).toEqual(memory.fading);
      expect(stored.asOf).toBe(memory.asOf);
    });
  });
});
