/**
 * Draws built on a seeded `Rng` (see `prng.ts`): integers, choices, shuffles, weighted choices and a
 * few continuous laws. Each helper takes the generator as its first argument and consumes a fixed,
 * documented number of draws where it can, so that a caller's sequence stays readable and stable.
 */
import type { Rng } from "./prng.ts";

/** Uniform integer in [min, max], both ends included. One draw. */
export function randomInt(rng: Rng, min: number, max: number): number {
  if (!Number.isInteger(min) || !Number.isInteger(max) || max < min) {
    throw new RangeError(`randomInt: bad range [${min}, ${max}]`);
  }
  return min + Math.floor(rng() * (max - min + 1));
}

/** Uniform real in [min, max). One draw. */
export function randomFloat(rng: Rng, min: number, max: number): number {
  return min + rng() * (max - min);
}

/** True with probability p. One draw. */
export function bernoulli(rng: Rng, p: number): boolean {
  return rng() < p;
}

/** One element chosen uniformly. One draw; throws on an empty list (a caller's bug, not bad luck). */
export function pick<T>(rng: Rng, items: readonly T[]): T {
  if (items.length === 0) throw new RangeError("pick: empty list");
  return items[Math.floor(rng() * items.length)];
}

/** A shuffled copy (Fisher–Yates, n − 1 draws); the input is left as it is. */
export function shuffle<T>(rng: Rng, items: readonly T[]): T[] {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const tmp = out[i];
    out[i] = out[j];
    out[j] = tmp;
  }
  return out;
}

/**
 * k distinct elements chosen uniformly, in the order drawn (a partial Fisher–Yates, k draws).
 * k larger than the list gives the whole list shuffled.
 */
export function sample<T>(rng: Rng, items: readonly T[], k: number): T[] {
  const out = items.slice();
  const n = Math.min(Math.max(0, Math.floor(k)), out.length);
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(rng() * (out.length - i));
    const tmp = out[i];
    out[i] = out[j];
    out[j] = tmp;
  }
  return out.slice(0, n);
}

/**
 * Index chosen with probability proportional to its weight. One draw. Negative, NaN and infinite
 * weights are errors; zero weights are never chosen; all-zero weights are an error.
 */
export function weightedIndex(rng: Rng, weights: readonly number[]): number {
  let total = 0;
  for (const w of weights) {
    if (!Number.isFinite(w) || w < 0) throw new RangeError(`weightedIndex: bad weight ${w}`);
    total += w;
  }
  if (total <= 0) throw new RangeError("weightedIndex: no positive weight");
  let target = rng() * total;
  let last = -1;
  for (let i = 0; i < weights.length; i++) {
    if (weights[i] <= 0) continue;
    last = i;
    target -= weights[i];
    if (target < 0) return i;
  }
  return last; // rounding left a sliver at the end: the last positive weight takes it
}

/** Element chosen with probability proportional to its weight. One draw. */
export function weightedPick<T>(rng: Rng, items: readonly T[], weights: readonly number[]): T {
  if (items.length !== weights.length)
    throw new RangeError("weightedPick: items and weights differ in length");
  return items[weightedIndex(rng, weights)];
}

/** Standard normal variate by the Box–Muller transform. Two draws (the second variate is dropped). */
export function normal(rng: Rng, mean = 0, sd = 1): number {
  const u = 1 - rng(); // (0, 1]: log(0) never happens
  const v = rng();
  return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** Exponential variate with the given mean. One draw. */
export function exponential(rng: Rng, mean: number): number {
  return -mean * Math.log(1 - rng());
}

/**
 * Poisson variate (Knuth's multiplication method; fine for the small means used in data generation,
 * slow above a few hundred). A variable number of draws: mean + 1 on average.
 */
export function poisson(rng: Rng, mean: number): number {
  if (!(mean >= 0) || !Number.isFinite(mean)) throw new RangeError(`poisson: bad mean ${mean}`);
  if (mean > 500) throw new RangeError("poisson: mean too large for this method");
  const limit = Math.exp(-mean);
  let k = 0;
  let p = rng();
  while (p > limit) {
    k++;
    p *= rng();
  }
  return k;
}
