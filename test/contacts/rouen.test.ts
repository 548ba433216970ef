/**
 * The built-in rouen contact book: the planted segments, fading contacts and duplicates of truth.json
 * are recovered exactly with the default rules and as-of date (the latest interaction).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { assembleBook } from "../../engine/contacts/book.ts";
import { contactReview } from "../../engine/contacts/review.ts";
import { SEGMENTS } from "../../engine/contacts/segments.ts";
import { parseContactFile } from "../../engine/contacts/sources.ts";
import { rouenFiles } from "./fixtures.ts";

const files = rouenFiles();
const truth = JSON.parse(readFileSync(files.truth, "utf8")).contacts;

function rouenBook() {
  const c = parseContactFile(readFileSync(files.contacts), files.contacts);
  const i = parseContactFile(readFileSync(files.interactions), files.interactions);
  if (c.kind !== "contacts" || i.kind !== "interactions") throw new Error("unexpected file kinds");
  return assembleBook([c.read], [i.read]);
}

describe("rouen contact book against truth.json", () => {
  const book = rouenBook();
  const review = contactReview(book);

  it("reads every record and merges exactly the planted duplicates with their evidence", () => {
    expect(book.counts.contacts).toEqual({ read: 200, accepted: 192, merged: 8, quarantined: 0 });
    expect(book.counts.interactions).toEqual({ read: 7890, accepted: 7890, duplicates: 0, quarantined: 0 });
    const pairs = book.merges.map((m) => [m.contactId, m.merged[0].source.ref]).sort();
    expect(pairs).toEqual([...truth.duplicates].sort());
    for (const m of book.merges) {
      expect(m.merged[0].evidence).toBe(truth.duplicate_evidence[m.merged[0].source.ref as string]);
    }
  });

  it("defaults the as-of date to the latest interaction and matches the truth windows", () => {
    expect(review.asOf).toBe(truth.as_of);
    expect(review.windows?.lastFrom).toBe(truth.windows.last_12_months.after);
    expect(review.windows?.previousFrom).toBe(truth.windows.previous_12_months.after);
  });

  it("recovers every planted segment (the confusion matrix is diagonal)", () => {
    const confusion: Record<string, Record<string, number>> = {};
    for (const planted of SEGMENTS) confusion[planted] = Object.fromEntries(SEGMENTS.map((s) => [s, 0]));
    for (const s of review.segments) confusion[truth.segments[s.id]][s.segment]++;
    for (const planted of SEGMENTS) {
      for (const found of SEGMENTS) {
        expect(confusion[planted][found]).toBe(planted === found ? truth.counts.segments[planted] : 0);
      }
    }
    expect(review.segmentCounts).toEqual(truth.counts.segments);
    expect(review.segments).toHaveLength(Object.keys(truth.segments).length);
  });

  it("flags exactly the planted fading contacts, silent or declining", () => {
    expect(review.fading.map((f) => f.id)).toEqual(truth.fading);
    for (const f of review.fading) expect(f.kind).toBe(truth.fading_kind[f.id]);
  });

  it("gives each segment its reason with the fields and thresholds", () => {
    const c2 = review.segments.find((s) => s.id === "C0002");
    expect(c2?.reason).toMatch(/^closeness 4 >= 4 and \d+ interactions in the last 12 months >= 12$/);
    const low = review.segments.find((s) => s.segment === "low_use");
    expect(low?.reason).toMatch(/closeness \d < 4; .*no other rule applies/);
  });

  it("applies configured rules and another as-of date", () => {
    const strict = contactReview(book, { segments: { frequentMin: 1000 } });
    expect(strict.segmentCounts.frequent_easy).toBe(0);
    expect(strict.segmentCounts.close_infrequent).toBe(
      truth.counts.segments.frequent_easy + truth.counts.segments.close_infrequent,
    );
    const earlier = contactReview(book, { asOf: "2022-06-30" });
    expect(earlier.asOf).toBe("2022-06-30");
    expect(earlier.windows?.lastFrom).toBe("2021-06-30");
  });
});
