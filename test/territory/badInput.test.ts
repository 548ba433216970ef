/**
 * Bad establishment files through the diagnostic's entry point: every bad row is quarantined with its
 * file, line and field, counted, and left out of the indices; a missing year column is refused. A
 * commune code the COG does not know is refused at import (quarantined, not stored); a table that
 * reaches the diagnostic unchecked still has such codes reported and left out.
 */
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { InputError } from "../../engine/io/errors.ts";
import { importEstablishments } from "../../engine/store/establishments.ts";
import { closeStore, openStore, type Store } from "../../engine/store/index.ts";
import { all } from "../../engine/store/sql.ts";
import { communeVintage } from "../../engine/territory/communeVintage.ts";
import { importEstablishmentFile, territorialDiagnostic } from "../../engine/territory/index.ts";

const FIXTURES = join(import.meta.dirname, "..", "fixtures", "territory");
const BAD = join(FIXTURES, "bad_rows_long.csv");

let store: Store;
beforeEach(async () => {
  store = await openStore();
});
afterEach(() => closeStore(store));

describe("bad establishment rows", () => {
  it("quarantines an unknown commune, a non-NAF code, a negative and a non-numeric count, with line and field", async () => {
    const r = await importEstablishmentFile(store, BAD);
    expect({ read: r.read, accepted: r.accepted, quarantined: r.quarantined }).toEqual({
      read: 7,
      accepted: 3,
      quarantined: 4,
    });
    expect(r.quarantine.map((q) => [q.file, q.line, q.field, q.value])).toEqual([
      [BAD, 3, "commune", "99999"],
      [BAD, 4, "naf", "ABCDE"],
      [BAD, 5, "establishments", "-3"],
      [BAD, 6, "establishments", "x"],
    ]);
    expect(r.quarantine[0].reason).toBe(
      `unknown commune code: not in the Code officiel géographique (@etalab/decoupage-administratif ${communeVintage().vintage}), neither current, former nor delegated`,
    );
    expect(r.quarantine[2].reason).toMatch(/negative/);
    expect(r.quarantine[3].reason).toMatch(/not a number/);
    expect(r.unknownCommunes).toEqual(["99999"]);
    expect(r.unknownCommuneRows).toBe(1);
    expect(r.vintage).toBe(communeVintage().vintage);
  });

  it("does not store the unknown commune: the diagnostic never sees it; maps a former code", async () => {
    await importEstablishmentFile(store, BAD);
    // Stored: lines 2, 7, 8 (line 3 is the unknown commune, lines 4–6 bad NAF or counts).
    const stored = await all<{ commune: string }>(
      store.connection,
      "SELECT commune FROM establishments ORDER BY commune, year",
    );
    expect(stored.map((s) => s.commune)).toEqual(["76358", "76540", "76709"]);
    const d = await territorialDiagnostic(store, { levels: ["subclass"], year: 2022, baseYear: 2021 });
    expect(d.communeMapping.unknown).toEqual([]);
    expect(d.communeMapping.mapped).toEqual([{ from: "76358", to: "76455", reason: "ancien-code", rows: 1 }]);
    const cells = d.levels[0].cells;
    expect(cells.map((c) => c.commune)).toEqual(["76455", "76540"]);
    // 2022: 76540 3 establishments 45 jobs + 76358→76455 1 establishment 4 jobs = 4, 49.
    expect(d.totals).toEqual({ communes: 2, jobs: 49, establishments: 4 });
  });

  it("reports an unknown commune of an unchecked table and leaves it out of every index", async () => {
    // The store's importer alone (no COG check) stores the 99999 row: the diagnostic drops it.
    const r = await importEstablishments(store, BAD);
    expect({ read: r.read, accepted: r.accepted, quarantined: r.quarantined }).toEqual({
      read: 7,
      accepted: 4,
      quarantined: 3,
    });
    expect(r.unknownCommunes).toEqual([]);
    const d = await territorialDiagnostic(store, { levels: ["subclass"], year: 2022, baseYear: 2021 });
    expect(d.communeMapping.unknown).toEqual([{ code: "99999", rows: 1 }]);
    expect(d.levels[0].cells.map((c) => c.commune)).toEqual(["76455", "76540"]);
    expect(d.totals).toEqual({ communes: 2, jobs: 49, establishments: 4 });
  });

  it("refuses a table without a year column, naming the file and the field", async () => {
    const file = join(FIXTURES, "missing_year.csv");
    const error = await importEstablishmentFile(store, file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toContain(file);
    expect((error as InputError).field).toBe("year");
  });

  it("refuses a diagnostic year the table does not have, and an empty table", async () => {
    await importEstablishmentFile(store, BAD);
    await expect(territorialDiagnostic(store, { year: 1999 })).rejects.toThrow(
      /year 1999 is not in the establishment table/,
    );
    await expect(territorialDiagnostic([], {})).rejects.toThrow(/empty/);
  });
});
