/**
 * How each contact of the book is planted: how many persons of each kind (sphere and subsphere) and
 * which segment they tend to fall in, the profile (closeness, formality, usefulness) a segment gets,
 * and the interaction counts planned for the last 12 months, the 12 before and the older years,
 * with the fading variants ("silent": nothing in the last 12 months; "declining": less than half
 * of the 12 before). The counts keep clear of the thresholds of `contactRules.ts`, so that the
 * planted segment is the one the rules read back.
 */
import type { Rng } from "../../../engine/random/prng.ts";
import { bernoulli, randomInt } from "../../../engine/random/sampling.ts";
import type { Sphere } from "./contactLog.ts";
import type { ContactProfile, Segment } from "./contactRules.ts";

export type Subsphere =
  | "colleague"
  | "supplier"
  | "client"
  | "prospect"
  | "association_member"
  | "competitor"
  | "fair"
  | "training"
  | "family"
  | "friend"
  | "neighbour"
  | "other_association"
  | "classmate"
  | "teacher"
  | "alumni"
  | "forum"
  | "list"
  | "social_network";

/** Segment weights [frequent_easy, close_infrequent, formal_useful, low_use] by kind of contact. */
export type Plan = readonly [Sphere, Subsphere, number, readonly [number, number, number, number]];
export const PLAN: readonly Plan[] = [
  ["professional", "colleague", 12, [0.7, 0.1, 0.2, 0]],
  ["professional", "supplier", 8, [0.1, 0, 0.6, 0.3]],
  ["professional", "client", 20, [0.25, 0.05, 0.55, 0.15]],
  ["professional", "prospect", 14, [0, 0, 0.4, 0.6]],
  ["professional", "association_member", 34, [0.3, 0.15, 0.35, 0.2]],
  ["professional", "competitor", 6, [0, 0.2, 0.4, 0.4]],
  ["professional", "fair", 12, [0, 0, 0.3, 0.7]],
  ["professional", "training", 8, [0, 0.25, 0.25, 0.5]],
  ["private", "family", 9, [0.5, 0.5, 0, 0]],
  ["private", "friend", 14, [0.45, 0.5, 0, 0.05]],
  ["private", "neighbour", 5, [0.3, 0.3, 0, 0.4]],
  ["private", "other_association", 6, [0.2, 0.2, 0.1, 0.5]],
  ["educational", "classmate", 8, [0.1, 0.6, 0, 0.3]],
  ["educational", "teacher", 4, [0, 0.5, 0.25, 0.25]],
  ["educational", "alumni", 8, [0, 0.3, 0.3, 0.4]],
  ["online", "forum", 8, [0, 0, 0.2, 0.8]],
  ["online", "list", 6, [0, 0, 0.3, 0.7]],
  ["online", "social_network", 10, [0.1, 0.1, 0.3, 0.5]],
];

/** Probability that a contact of a segment is planted as fading. */
export const FADING_SHARE: Record<Segment, number> = {
  frequent_easy: 0,
  close_infrequent: 0.25,
  formal_useful: 0.18,
  low_use: 0.15,
};

/** Planned interaction counts for the three windows of a contact. */
export interface CountPlan {
  last12: number;
  previous12: number;
  /** Interactions per year before the previous window. */
  olderRate: number;
  fading: "silent" | "declining" | null;
}

export function planCounts(rng: Rng, segment: Segment): CountPlan {
  const fading = bernoulli(rng, FADING_SHARE[segment])
    ? bernoulli(rng, 0.5)
      ? "silent"
      : "declining"
    : null;
  switch (segment) {
    case "frequent_easy": {
      const last12 = randomInt(rng, 14, 40);
      const previous12 = Math.round(last12 * (0.8 + 0.45 * rng()));
      return { last12, previous12, olderRate: last12 * (0.7 + 0.5 * rng()), fading: null };
    }
    case "close_infrequent": {
      if (fading === "silent") return { last12: 0, previous12: randomInt(rng, 2, 6), olderRate: 3, fading };
      if (fading === "declining") {
        const last12 = randomInt(rng, 1, 2);
        return { last12, previous12: randomInt(rng, 2 * last12 + 2, 2 * last12 + 5), olderRate: 4, fading };
      }
      const last12 = randomInt(rng, 1, 5);
      return {
        last12,
        previous12: randomInt(rng, Math.max(0, last12 - 2), Math.min(2 * last12 - 1, last12 + 2)),
        olderRate: randomInt(rng, 1, 5),
        fading,
      };
    }
    case "formal_useful": {
      if (fading === "silent") return { last12: 0, previous12: randomInt(rng, 2, 8), olderRate: 5, fading };
      if (fading === "declining") {
        const last12 = randomInt(rng, 1, 3);
        return { last12, previous12: randomInt(rng, 2 * last12 + 2, 2 * last12 + 8), olderRate: 6, fading };
      }
      const last12 = randomInt(rng, 3, 11);
      return {
        last12,
        previous12: randomInt(rng, Math.max(0, last12 - 3), Math.min(2 * last12 - 1, last12 + 3)),
        olderRate: randomInt(rng, 2, 10),
        fading,
      };
    }
    case "low_use": {
      if (fading === "silent") return { last12: 0, previous12: randomInt(rng, 1, 3), olderRate: 0.8, fading };
      if (fading === "declining")
        return { last12: 1, previous12: randomInt(rng, 4, 6), olderRate: 1.5, fading };
      const last12 = randomInt(rng, 1, 2);
      return { last12, previous12: randomInt(rng, 0, 2 * last12 - 1), olderRate: 0.5, fading };
    }
  }
}

export function profileOf(rng: Rng, segment: Segment, subsphere: Subsphere): ContactProfile {
  switch (segment) {
    case "frequent_easy":
      return {
        closeness: randomInt(rng, 4, 5),
        formality: bernoulli(rng, subsphere === "client" || subsphere === "colleague" ? 0.3 : 0.1)
          ? "formal"
          : "informal",
        usefulness: randomInt(rng, 2, 5),
      };
    case "close_infrequent":
      return { closeness: randomInt(rng, 4, 5), formality: "informal", usefulness: randomInt(rng, 1, 4) };
    case "formal_useful":
      return { closeness: randomInt(rng, 1, 3), formality: "formal", usefulness: randomInt(rng, 4, 5) };
    case "low_use":
      return {
        closeness: randomInt(rng, 1, 3),
        formality: bernoulli(rng, 0.4) ? "formal" : "informal",
        usefulness: randomInt(rng, 1, 2),
      };
  }
}
