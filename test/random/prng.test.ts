import { describe, expect, it } from "vitest";
import { createRng, hashSeed, sfc32 } from "../../engine/random/prng.ts";

const take = (rng: () => number, n: number) => Array.from({ length: n }, () => rng());

describe("createRng", () => {
  it("gives the same sequence for the same seed", () => {
    expect(take(createRng("rouen"), 1000)).toEqual(take(createRng("rouen"), 1000));
    expect(take(createRng(42), 50)).toEqual(take(createRng(42), 50));
  });

  it("treats a number seed as its decimal string", () => {
    expect(take(createRng(42), 20)).toEqual(take(createRng("42"), 20));
  });

  it("keeps a fixed sequence across versions (a change here would move every synthetic dataset)", () => {
    const first = take(createRng("maillage"), 3).map((x) => Math.round(x * 4294967296));
    expect(first).toMatchInlineSnapshot(`
      [
        747038547,
        4221317668,
        3913568080,
      ]
    `);
  });

  it("gives different sequences for different streams of one seed", () => {
    const names = ["s/firms", "s/pivot", "s/district", "s/associations", "s/contacts", "s", "s/", "t/firms"];
    const heads = names.map((n) => take(createRng(n), 8).join(","));
    expect(new Set(heads).size).toBe(names.length);
    // and no stream is a shifted copy of another
    const a = take(createRng("s/pivot"), 200);
    const b = take(createRng("s/district"), 200);
    for (let shift = 0; shift < 50; shift++) expect(a.slice(shift, shift + 5)).not.toEqual(b.slice(0, 5));
  });

  it("stays in [0, 1) and is roughly uniform (chi-square on 20 bins)", () => {
    const rng = createRng("uniformity");
    const bins = new Array(20).fill(0);
    const n = 200_000;
    let sum = 0;
    let min = 1;
    let max = 0;
    for (let i = 0; i < n; i++) {
      const x = rng();
      min = Math.min(min, x);
      max = Math.max(max, x);
      bins[Math.floor(x * 20)]++;
      sum += x;
    }
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    const expected = n / 20;
    const chi2 = bins.reduce((acc, o) => acc + (o - expected) ** 2 / expected, 0);
    // 19 degrees of freedom: the 0.999 quantile is 43.8
    expect(chi2).toBeLessThan(43.8);
    expect(Math.abs(sum / n - 0.5)).toBeLessThan(0.005);
  });

  it("has no obvious serial correlation between consecutive draws", () => {
    const rng = createRng("serial");
    const xs = take(rng, 100_000);
    let num = 0;
    let den = 0;
    for (let i = 0; i + 1 < xs.length; i++) num += (xs[i] - 0.5) * (xs[i + 1] - 0.5);
    for (const x of xs) den += (x - 0.5) ** 2;
    expect(Math.abs(num / den)).toBeLessThan(0.02);
  });
});

describe("hashSeed and sfc32", () => {
  it("hashes to four unsigned 32-bit words that change with any character and with length", () => {
    const h = hashSeed("abc");
    expect(h).toHaveLength(4);
    for (const w of h) expect(Number.isInteger(w) && w >= 0 && w < 2 ** 32).toBe(true);
    expect(hashSeed("abd")).not.toEqual(h);
    expect(hashSeed("abc\u0000")).not.toEqual(h);
    expect(hashSeed("")).not.toEqual(hashSeed("\u0000"));
  });

  it("yields unsigned 32-bit integers", () => {
    const next = sfc32(1, 2, 3, 4);
    for (let i = 0; i < 100; i++) {
      const v = next();
      expect(Number.isInteger(v) && v >= 0 && v < 2 ** 32).toBe(true);
    }
  });
});
