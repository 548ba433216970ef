/** Seeded randomness: one generator (SFC32 behind a string-hash seed) and the draws built on it. */
export * from "./prng.ts";
export * from "./sampling.ts";
