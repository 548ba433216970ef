import { describe, expect, it } from "vitest";
import { createRng } from "../../engine/random/prng.ts";
import {
  bernoulli,
  exponential,
  normal,
  pick,
  poisson,
  randomInt,
  sample,
  shuffle,
  weightedIndex,
  weightedPick,
} from "../../engine/random/sampling.ts";

describe("randomInt", () => {
  it("covers both ends and nothing outside", () => {
    const rng = createRng("int");
    const seen = new Set<number>();
    for (let i = 0; i < 5000; i++) {
      const v = randomInt(rng, -2, 3);
      expect(v >= -2 && v <= 3 && Number.isInteger(v)).toBe(true);
      seen.add(v);
    }
    expect([...seen].sort((a, b) => a - b)).toEqual([-2, -1, 0, 1, 2, 3]);
  });

  it("rejects an empty or non-integer range", () => {
    const rng = createRng("int");
    expect(() => randomInt(rng, 3, 2)).toThrow(RangeError);
    expect(() => randomInt(rng, 0.5, 2)).toThrow(RangeError);
  });
});

describe("choices", () => {
  it("pick throws on an empty list and is reproducible", () => {
    expect(() => pick(createRng("p"), [])).toThrow(RangeError);
    const a = Array.from({ length: 20 }, (_, i) => i);
    const r1 = createRng("p");
    const r2 = createRng("p");
    expect(a.map(() => pick(r1, a))).toEqual(a.map(() => pick(r2, a)));
  });

  it("shuffle returns a permutation and leaves its input alone", () => {
    const a = Array.from({ length: 100 }, (_, i) => i);
    const s = shuffle(createRng("s"), a);
    expect(a).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect([...s].sort((x, y) => x - y)).toEqual(a);
    expect(s).not.toEqual(a);
  });

  it("shuffle puts each element first about equally often", () => {
    const rng = createRng("shuffle-uniform");
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 40_000; i++) counts[shuffle(rng, [0, 1, 2, 3])[0]]++;
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(400);
  });

  it("sample draws distinct elements", () => {
    const a = Array.from({ length: 50 }, (_, i) => i);
    const s = sample(createRng("sample"), a, 10);
    expect(s).toHaveLength(10);
    expect(new Set(s).size).toBe(10);
    expect(sample(createRng("sample"), a, 80)).toHaveLength(50);
    expect(sample(createRng("sample"), a, 0)).toEqual([]);
  });

  it("weightedPick follows the weights and never picks a zero weight", () => {
    const rng = createRng("weighted");
    const counts = { a: 0, b: 0, c: 0 };
    for (let i = 0; i < 60_000; i++) counts[weightedPick(rng, ["a", "b", "c"] as const, [1, 0, 3])]++;
    expect(counts.b).toBe(0);
    expect(counts.c / counts.a).toBeGreaterThan(2.8);
    expect(counts.c / counts.a).toBeLessThan(3.2);
  });

  it("weightedIndex rejects bad weights", () => {
    const rng = createRng("w");
    expect(() => weightedIndex(rng, [0, 0])).toThrow(RangeError);
    expect(() => weightedIndex(rng, [1, -1])).toThrow(RangeError);
    expect(() => weightedIndex(rng, [1, Number.NaN])).toThrow(RangeError);
    expect(() => weightedPick(rng, [1, 2], [1])).toThrow(RangeError);
  });
});

describe("laws", () => {
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const variance = (xs: number[]) => {
    const m = mean(xs);
    return xs.reduce((a, b) => a + (b - m) ** 2, 0) / xs.length;
  };

  it("normal has the asked mean and spread", () => {
    const rng = createRng("normal");
    const xs = Array.from({ length: 50_000 }, () => normal(rng, 10, 2));
    expect(Math.abs(mean(xs) - 10)).toBeLessThan(0.05);
    expect(Math.abs(Math.sqrt(variance(xs)) - 2)).toBeLessThan(0.05);
  });

  it("exponential and poisson have the asked means", () => {
    const rng = createRng("laws");
    const e = Array.from({ length: 50_000 }, () => exponential(rng, 3));
    expect(Math.abs(mean(e) - 3)).toBeLessThan(0.1);
    const p = Array.from({ length: 50_000 }, () => poisson(rng, 4.5));
    expect(Math.abs(mean(p) - 4.5)).toBeLessThan(0.05);
    expect(Math.abs(variance(p) - 4.5)).toBeLessThan(0.15);
    expect(() => poisson(rng, -1)).toThrow(RangeError);
  });

  it("bernoulli hits its probability", () => {
    const rng = createRng("coin");
    let heads = 0;
    for (let i = 0; i < 50_000; i++) if (bernoulli(rng, 0.3)) heads++;
    expect(Math.abs(heads / 50_000 - 0.3)).toBeLessThan(0.01);
  });
});
