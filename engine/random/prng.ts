/**
 * A small seeded pseudo-random generator, so that everything random in maillage (synthetic datasets,
 * community detection seeds, sampling in benchmarks) is reproducible: the same seed gives the same
 * sequence on every machine and Node version, because only 32-bit integer arithmetic is used.
 *
 * The generator is SFC32 (Chris Doty-Humphrey's "small fast counting" generator, 128-bit state, a
 * counter that guarantees a period of at least 2^32, passes PractRand to many terabytes). It is not
 * cryptographic and must never be used for secrets.
 *
 * Seeds are strings or numbers. A string seed is hashed into the 128-bit state, which makes *named
 * streams* cheap: `createRng(`${seed}/pivot`)` and `createRng(`${seed}/district`)` are independent
 * sequences, so a dataset generator can give each planted structure its own stream and adding a new
 * structure later does not shift the draws of the earlier ones.
 */

/** A source of uniform numbers in [0, 1). */
export type Rng = () => number;

/** Odd 32-bit constants that start the four hash lanes apart from one another. */
const LANE_STARTS = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a] as const;
/** Odd multipliers, one per lane, so that the lanes diverge on the same input. */
const LANE_MULTIPLIERS = [0x01000193, 0x5bd1e995, 0x27d4eb2f, 0x165667b1] as const;

/** Murmur3's 32-bit finaliser: every input bit affects every output bit. */
function avalanche(h: number): number {
  let x = h >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

/**
 * Hash a seed into four 32-bit words (the SFC32 state). Each UTF-16 code unit is folded into four
 * lanes with different multipliers; the length is folded in too, so "a" and "a\u0000" differ; then
 * the lanes are mixed with one another and finalised. Numbers are hashed as their decimal string, so
 * `42` and `"42"` are the same seed.
 */
export function hashSeed(seed: string | number): [number, number, number, number] {
  const text = typeof seed === "number" ? String(seed) : seed;
  const lanes = [...LANE_STARTS] as number[];
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    for (let k = 0; k < 4; k++) lanes[k] = Math.imul(lanes[k] ^ unit, LANE_MULTIPLIERS[k]);
  }
  for (let k = 0; k < 4; k++) lanes[k] = Math.imul(lanes[k] ^ text.length, LANE_MULTIPLIERS[k]);
  // Cross-mix so that each word depends on all four lanes.
  const [a, b, c, d] = lanes;
  return [
    avalanche(a ^ Math.imul(b, 0x9e3779b1)),
    avalanche(b ^ Math.imul(c, 0x9e3779b1)),
    avalanche(c ^ Math.imul(d, 0x9e3779b1)),
    avalanche(d ^ Math.imul(a, 0x9e3779b1)),
  ];
}

/**
 * The raw SFC32 step on a given state; returns a uniform 32-bit unsigned integer generator.
 * Exposed for tests and for callers that need integers; most code wants `createRng`.
 */
export function sfc32(a: number, b: number, c: number, d: number): () => number {
  let s0 = a | 0;
  let s1 = b | 0;
  let s2 = c | 0;
  let counter = d | 0;
  return () => {
    const t = (((s0 + s1) | 0) + counter) | 0;
    counter = (counter + 1) | 0;
    s0 = s1 ^ (s1 >>> 9);
    s1 = (s2 + (s2 << 3)) | 0;
    s2 = (s2 << 21) | (s2 >>> 11);
    s2 = (s2 + t) | 0;
    return t >>> 0;
  };
}

/** Outputs thrown away after seeding, so that close seeds have had time to drift apart. */
const WARM_UP = 16;

/**
 * A seeded generator of uniform numbers in [0, 1) (multiples of 2^-32). Give each independent
 * concern its own stream name: `createRng(`${seed}/firms`)`.
 */
export function createRng(seed: string | number): Rng {
  const next = sfc32(...hashSeed(seed));
  for (let i = 0; i < WARM_UP; i++) next();
  return () => next() / 4294967296;
}
