/**
 * Property tests: random and malformed files never make the reader throw anything but an `InputError`,
 * and every row read is either accepted or quarantined (with a line and a reason).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isInputError } from "../../engine/io/errors.ts";
import { readNetwork } from "../../engine/io/readNetwork.ts";
import { tempDir, writeIn } from "../helpers.ts";

const dir = tempDir("maillage-fuzz-");
let counter = 0;

async function check(actors: Uint8Array | string | null, links: Uint8Array | string): Promise<number | null> {
  const n = counter++;
  const nodes = actors === null ? undefined : writeIn(dir, `a${n}.csv`, actors);
  const edges = writeIn(dir, `l${n}.csv`, links);
  try {
    const r = await readNetwork({ nodes, edges });
    const { actors: a, links: l } = r.summary;
    if (a) expect(a.read).toBe(a.accepted + a.quarantined);
    expect(l.read).toBe(l.accepted + l.quarantined);
    expect(r.quarantine.length).toBe((a?.quarantined ?? 0) + l.quarantined);
    for (const q of r.quarantine) {
      expect(q.line).toBeGreaterThanOrEqual(1);
      expect(q.reason.length).toBeGreaterThan(0);
    }
    expect(r.graph.size).toBe(l.accepted);
    return l.read;
  } catch (error) {
    if (!isInputError(error)) throw error;
    expect((error as Error).message.length).toBeGreaterThan(0);
    return null;
  }
}

const id = fc.constantFrom("A", "B", "C", "D", "", " ", "Z", "é", '"A"');
const kind = fc.constantFrom(
  "supply",
  "co-production",
  "Sous-traitance",
  "adhésion",
  "membership",
  "friendship",
  "",
  "alien",
  "other",
);
const weight = fc.constantFrom("1", "2,5", "0.5", "-1", "abc", "", "1e3", "3 500", "NaN");
const date = fc.constantFrom(
  "2015",
  "2015-06",
  "2015-06-30",
  "30/06/2015",
  "2015-13-01",
  "",
  "yesterday",
  "31/02/2020",
);
const delimiter = fc.constantFrom(";", ",", "\t");

describe("reader fuzzing", () => {
  it("accounts for every generated row of a links file", async () => {
    await fc.assert(
      fc.asyncProperty(
        delimiter,
        fc.array(fc.tuple(id, id, kind, weight, date, date), { maxLength: 30 }),
        fc.boolean(),
        async (d, rows, withActors) => {
          const quote = (s: string) => (s.includes(d) || s.includes('"') ? `"${s.replace(/"/g, '""')}"` : s);
          const text = [["source", "target", "kind", "weight", "start", "end"], ...rows]
            .map((r) => r.map(quote).join(d))
            .join("\n");
          const actors = withActors ? "id;kind\nA;firm\nB;firm\nC;association\nD;network_org\n" : null;
          const read = await check(actors, `${text}\n`);
          const nonBlank = rows.filter((r) => !(r.map(quote).join(d).trim() === "")).length;
          expect(read).toBe(nonBlank);
        },
      ),
      { numRuns: 150, seed: 20261126 },
    );
  });

  it("never throws anything but an InputError on arbitrary bytes", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 400 }), fc.uint8Array({ maxLength: 400 }), async (a, l) => {
        await check(a, l);
      }),
      { numRuns: 150, seed: 7 },
    );
  });

  it("never throws anything but an InputError on text made of CSV punctuation", async () => {
    const piece = fc.constantFrom(
      "source",
      "target",
      "id",
      "kind",
      "A",
      "B",
      ";",
      ",",
      "\t",
      '"',
      "\n",
      "\r\n",
      "é",
      "2,5",
      " ",
      "supply",
    );
    const text = fc.array(piece, { maxLength: 60 }).map((p) => p.join(""));
    await fc.assert(
      fc.asyncProperty(text, text, async (a, l) => {
        await check(`id;kind\n${a}`, `source;target\n${l}`);
        await check(a, l);
      }),
      { numRuns: 150, seed: 11 },
    );
  });
});
