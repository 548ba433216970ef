/**
 * The SQL readings of cells (`establishmentsSql.ts`) must agree with the TypeScript readers the rest
 * of maillage uses (`normalizeCommune`, `normalizeNaf`, `parseCount`): checked on hand-picked values
 * and on random strings over the characters that matter.
 */

import { LIST, listValue, VARCHAR } from "@duckdb/node-api";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCount } from "../../engine/io/values.ts";
import { normalizeCommune } from "../../engine/model/commune.ts";
import { normalizeNaf } from "../../engine/model/naf.ts";
import { closeStore, openStore, type Store } from "../../engine/store/connection.ts";
import {
  blankSql,
  communeSql,
  countProblemSql,
  nafSql,
  numberSql,
} from "../../engine/store/establishmentsSql.ts";
import { all } from "../../engine/store/sql.ts";

let store: Store;
beforeAll(async () => {
  store = await openStore();
});
afterAll(() => closeStore(store));

interface Reading {
  commune: string | null;
  naf: string | null;
  /** A count, "blank", or "bad". */
  count: number | string;
}

async function sqlReadings(values: readonly string[]): Promise<Reading[]> {
  const rows = await all<{
    commune: string | null;
    naf: string | null;
    blank: boolean;
    num: number | null;
    problem: string | null;
  }>(
    store.connection,
    `SELECT ${communeSql("x")} AS commune, ${nafSql("x")} AS naf, ${blankSql("x")} AS blank,
            ${numberSql("x")} AS num, ${countProblemSql(blankSql("x"), numberSql("x"))} AS problem
     FROM (SELECT unnest(range(len($xs))) AS i, unnest($xs) AS x) ORDER BY i`,
    { xs: listValue([...values]) },
    { xs: LIST(VARCHAR) },
  );
  return rows.map((r) => ({
    commune: r.commune,
    naf: r.naf,
    count: r.blank ? "blank" : r.problem === null ? (r.num as number) + 0 : "bad",
  }));
}

/** The TypeScript reading, with the store's own limit: a count must fit an INTEGER column. */
function tsReading(x: string): Reading {
  const parsed = x.trim() === "" ? "blank" : parseCount(x);
  const n = typeof parsed === "number" && parsed > 2_147_483_647 ? undefined : parsed;
  return {
    commune: normalizeCommune(x) ?? null,
    naf: normalizeNaf(x) ?? null,
    count: n === undefined ? "bad" : typeof n === "number" ? n + 0 : n,
  };
}

const HAND_PICKED = [
  "",
  " ",
  "\u00a0",
  "76540",
  " 76540 ",
  "1004",
  "2A004",
  "2b004",
  "2C004",
  "765401",
  "ROUEN",
  "2562A",
  "25.62A",
  "25.62a",
  "25 62 A",
  "25-62_A",
  "2562",
  "99X99",
  "12",
  "0012",
  "12,0",
  "12,5",
  "12.0",
  "-1",
  "-0",
  "+3",
  "3 500",
  "3\u202f500",
  "1e3",
  "1,000,000",
  "deux",
  "0x1F",
  "1_000",
  ".5",
  "5.",
  "2147483647",
  "2147483648",
  "2E20",
];

describe("SQL cell readings", () => {
  it("agree with the TypeScript readers on hand-picked values", async () => {
    expect(await sqlReadings(HAND_PICKED)).toEqual(HAND_PICKED.map(tsReading));
  });

  it("agree with the TypeScript readers on random strings", async () => {
    const chars = [..."0123456789012345678925AaBbZz.,-_+eE x", "\u00a0", "\u202f", "\t"];
    const samples = fc.sample(fc.string({ unit: fc.constantFrom(...chars), maxLength: 9 }), {
      numRuns: 20_000,
      seed: 42,
    });
    const sql = await sqlReadings(samples);
    const mismatches = samples.filter((x, i) => JSON.stringify(sql[i]) !== JSON.stringify(tsReading(x)));
    expect(mismatches.slice(0, 10).map((x) => [x, sql[samples.indexOf(x)], tsReading(x)])).toEqual([]);
  });

  it("agree with the TypeScript readers on strings shaped like codes and counts", async () => {
    const pad = fc.constantFrom("", " ", "\u00a0", "\t", "_", "-");
    const digits = (n: number) =>
      fc.string({ unit: fc.constantFrom(..."0123456789"), minLength: n, maxLength: n });
    const code = fc
      .tuple(
        pad,
        digits(2),
        fc.constantFrom("", ".", " ", "A", "B"),
        digits(2),
        fc.constantFrom("", "A", "z", "Z", "1", "0"),
        pad,
      )
      .map((parts) => parts.join(""));
    const count = fc
      .tuple(
        pad,
        fc.constantFrom("", "-", "+"),
        digits(1),
        fc.constantFrom("", ",", ".", " ", "\u202f", "e"),
        fc.nat(99_999),
        pad,
      )
      .map(([a, sign, d, sep, n, b]) => `${a}${sign}${d}${sep}${n}${b}`);
    const samples = fc.sample(fc.oneof(code, count), { numRuns: 20_000, seed: 7 });
    const sql = await sqlReadings(samples);
    const mismatches = samples.filter((x, i) => JSON.stringify(sql[i]) !== JSON.stringify(tsReading(x)));
    expect(mismatches.slice(0, 10).map((x) => [x, sql[samples.indexOf(x)], tsReading(x)])).toEqual([]);
    // The generator does reach the accepting branches.
    expect(sql.filter((r) => r.commune !== null).length).toBeGreaterThan(100);
    expect(sql.filter((r) => r.naf !== null).length).toBeGreaterThan(100);
    expect(sql.filter((r) => typeof r.count === "number").length).toBeGreaterThan(1000);
  });
});
