/**
 * A sparse scatter of ties among background firms, so that the network around the planted structures
 * looks like a real survey: most firms have zero to two ties, some larger firms more; partners are
 * mostly in the same or a neighbouring commune; market ties (supply, subcontracting, client, trade,
 * co-production, joint purchasing, shared employer) and non-market ones (information, advice,
 * friendship, co-location, kinship); some ties have ended. Background ties never touch a planted
 * firm, so the planted groups stay separate components of the firm-to-firm view.
 */

import type { Formality, LinkKind } from "../../../engine/model/vocabulary.ts";
import type { Rng } from "../../../engine/random/prng.ts";
import { bernoulli, randomInt, weightedIndex, weightedPick } from "../../../engine/random/sampling.ts";
import { LAST_START_YEAR, SOURCE_REF } from "./config.ts";
import type { Adjacency } from "./geo.ts";
import { dateInYear, type FirmRow, type LinkRow, link, tieKey } from "./records.ts";

/** Ties per background firm (each tie has two ends: mean degree ≈ 1.7). */
const TIES_PER_FIRM = 0.85;
/** Share of ties that have ended by the end of the data. */
const ENDED = 0.15;

const KINDS: ReadonlyArray<readonly [LinkKind, number]> = [
  ["supply", 0.21],
  ["subcontracting", 0.09],
  ["client", 0.09],
  ["business", 0.12],
  ["co_production", 0.03],
  ["joint_purchasing", 0.03],
  ["shared_employer", 0.03],
  ["information", 0.18],
  ["advice", 0.06],
  ["friendship", 0.08],
  ["co_location", 0.06],
  ["kinship", 0.02],
];

/** Probability that a tie of this kind rests on a contract or charter. */
const FORMAL_SHARE: Partial<Record<LinkKind, number>> = {
  supply: 0.85,
  subcontracting: 0.9,
  client: 0.8,
  business: 0.6,
  co_production: 0.5,
  joint_purchasing: 0.7,
  shared_employer: 0.95,
  co_location: 0.2,
};

const FREQUENCY: Partial<Record<LinkKind, readonly [number, number]>> = {
  supply: [6, 120],
  subcontracting: [4, 60],
  client: [4, 80],
  business: [2, 24],
  co_production: [2, 20],
  joint_purchasing: [2, 12],
  shared_employer: [12, 52],
  information: [2, 24],
  advice: [1, 8],
  friendship: [4, 24],
  co_location: [1, 6],
  kinship: [6, 30],
};

export interface BackgroundLinksInput {
  rng: Rng;
  firms: readonly FirmRow[];
  adjacency: Adjacency;
}

export function generateBackgroundLinks(input: BackgroundLinksInput): LinkRow[] {
  const { rng, firms, adjacency } = input;
  const pull = firms.map((f) => Math.sqrt(1 + (f.headcount ?? 0)));
  const byCommune = new Map<string, number[]>();
  firms.forEach((f, i) => {
    const list = byCommune.get(f.commune as string) ?? [];
    list.push(i);
    byCommune.set(f.commune as string, list);
  });
  const near = (commune: string) => {
    const out: number[] = [];
    for (const n of [...(adjacency.get(commune) ?? [])].sort()) out.push(...(byCommune.get(n) ?? []));
    return out;
  };
  const nearCache = new Map<string, number[]>();

  const wanted = Math.round(TIES_PER_FIRM * firms.length);
  const seen = new Set<string>();
  const links: LinkRow[] = [];
  let attempts = 0;
  while (links.length < wanted && attempts < wanted * 20) {
    attempts++;
    const i = weightedIndex(rng, pull);
    const a = firms[i];
    const commune = a.commune as string;
    const r = rng();
    let pool: number[];
    if (r < 0.45) pool = byCommune.get(commune) ?? [];
    else if (r < 0.8) {
      if (!nearCache.has(commune)) nearCache.set(commune, near(commune));
      pool = nearCache.get(commune) ?? [];
    } else pool = firms.map((_, k) => k);
    pool = pool.filter((k) => k !== i);
    if (pool.length === 0) continue;
    const b =
      firms[
        weightedPick(
          rng,
          pool,
          pool.map((k) => pull[k]),
        )
      ];
    let kind = weightedPick(
      rng,
      KINDS.map(([k]) => k),
      KINDS.map(([, w]) => w),
    );
    if (kind === "co_location" && a.commune !== b.commune) kind = "information";
    const key = tieKey(kind, a.id, b.id);
    if (seen.has(key)) continue;
    seen.add(key);
    const formality: Formality = bernoulli(rng, FORMAL_SHARE[kind] ?? 0) ? "formal" : "informal";
    const [fLo, fHi] = FREQUENCY[kind] ?? [1, 12];
    const lo = Math.max(1985, (a.founded ?? 0) + 1, (b.founded ?? 0) + 1);
    const startYear = randomInt(rng, lo, Math.max(lo, LAST_START_YEAR));
    let end: string | null = null;
    if (bernoulli(rng, ENDED) && startYear < 2024) end = dateInYear(rng, randomInt(rng, startYear + 1, 2024));
    const start = dateInYear(rng, startYear);
    links.push(
      link({
        source: a.id,
        target: b.id,
        kind,
        weight: randomInt(rng, 1, 5),
        formality,
        frequency: randomInt(rng, fLo, fHi),
        start,
        end: end !== null && end <= start ? null : end,
        source_ref: SOURCE_REF.background,
      }),
    );
  }
  return links;
}
