/**
 * Commune codes to one vintage: the Code officiel géographique of the installed
 * `@etalab/decoupage-administratif` (`data/communes.json`). Tables of several years, and geo files of
 * another vintage (the shipped Rouen geometry is 2018), name a merged commune by its old code; the
 * indices need each place under one code. Rule, in order:
 * 1. a `commune-actuelle` code (or a Paris/Lyon/Marseille `arrondissement-municipal`) stays as it is;
 * 2. a code listed in the `anciensCodes` of a current commune maps to it (`ancien-code`);
 * 3. a `commune-deleguee` / `commune-associee` code maps to its `chefLieu`;
 * 4. anything else is unknown: reported, and left out of every index.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { AdjacencyPair, CommuneMappingReport } from "./types.ts";

interface CogEntry {
  code: string;
  nom: string;
  type: "commune-actuelle" | "commune-deleguee" | "commune-associee" | "arrondissement-municipal";
  chefLieu?: string;
  anciensCodes?: string[];
}

export type MappingReason = CommuneMappingReport["mapped"][number]["reason"];

/** Where one code goes: itself, another code with the reason, or nowhere (unknown). */
export type CommuneResolution = { to: string; reason: MappingReason | null } | null;

export interface CommuneVintage {
  /** Version of `@etalab/decoupage-administratif`. */
  vintage: string;
  resolve(code: string): CommuneResolution;
  /** Name of a current code (null when unknown). */
  name(code: string): string | null;
}

let cached: CommuneVintage | undefined;

/** The vintage of the installed package (loaded once, about 0.3 s). */
export function communeVintage(): CommuneVintage {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const file = require.resolve("@etalab/decoupage-administratif/data/communes.json");
  const pkg = JSON.parse(
    readFileSync(require.resolve("@etalab/decoupage-administratif/package.json"), "utf8"),
  ) as { version: string };
  const entries = JSON.parse(readFileSync(file, "utf8")) as CogEntry[];
  const current = new Map<string, string>();
  const ancient = new Map<string, string>();
  const delegated = new Map<string, { to: string; reason: MappingReason }>();
  for (const e of entries) {
    if (e.type === "commune-actuelle" || e.type === "arrondissement-municipal") current.set(e.code, e.nom);
    for (const old of e.anciensCodes ?? []) if (e.type === "commune-actuelle") ancient.set(old, e.code);
  }
  for (const e of entries) {
    if (
      (e.type === "commune-deleguee" || e.type === "commune-associee") &&
      e.chefLieu &&
      !current.has(e.code)
    )
      delegated.set(e.code, { to: e.chefLieu, reason: e.type });
  }
  cached = {
    vintage: pkg.version,
    resolve(code) {
      if (current.has(code)) return { to: code, reason: null };
      const old = ancient.get(code);
      if (old) return { to: old, reason: "ancien-code" };
      return delegated.get(code) ?? null;
    },
    name: (code) => current.get(code) ?? null,
  };
  return cached;
}

/** The identity vintage: every code stays, no name (when mapping is switched off). */
export const IDENTITY_VINTAGE: CommuneVintage = {
  vintage: "none",
  resolve: (code) => ({ to: code, reason: null }),
  name: () => null,
};

/** Map each code of a table (code → rows) and report what changed and what is unknown. */
export function mapCommuneCodes(
  vintage: CommuneVintage,
  rowsByCode: ReadonlyMap<string, number>,
): {
  map: Map<string, string | null>;
  mapped: CommuneMappingReport["mapped"];
  unknown: CommuneMappingReport["unknown"];
} {
  const map = new Map<string, string | null>();
  const mapped: CommuneMappingReport["mapped"] = [];
  const unknown: CommuneMappingReport["unknown"] = [];
  for (const code of [...rowsByCode.keys()].sort()) {
    const r = vintage.resolve(code);
    const rows = rowsByCode.get(code) ?? 0;
    if (r === null) {
      map.set(code, null);
      unknown.push({ code, rows });
    } else if (r.reason !== null) {
      map.set(code, r.to);
      mapped.push({ from: code, to: r.to, reason: r.reason, rows });
    }
  }
  return { map, mapped, unknown };
}

/**
 * Adjacency mapped to the vintage: both ends resolved, pairs inside one commune dropped, duplicates
 * merged; returns the neighbour lists (sorted) and the report.
 */
export function mapAdjacency(
  vintage: CommuneVintage,
  pairs: readonly AdjacencyPair[],
): { neighbours: Map<string, string[]>; report: CommuneMappingReport["adjacency"] } {
  const sets = new Map<string, Set<string>>();
  const unknownCodes = new Set<string>();
  let mapped = 0;
  let selfLoopsDropped = 0;
  const add = (a: string, b: string) => {
    let s = sets.get(a);
    if (!s) {
      s = new Set();
      sets.set(a, s);
    }
    s.add(b);
  };
  for (const { a, b } of pairs) {
    const ra = vintage.resolve(a);
    const rb = vintage.resolve(b);
    if (ra === null) unknownCodes.add(a);
    if (rb === null) unknownCodes.add(b);
    if (ra === null || rb === null) continue;
    if (ra.reason !== null || rb.reason !== null) mapped++;
    if (ra.to === rb.to) {
      selfLoopsDropped++;
      continue;
    }
    add(ra.to, rb.to);
    add(rb.to, ra.to);
  }
  const neighbours = new Map<string, string[]>();
  for (const [k, s] of sets) neighbours.set(k, [...s].sort());
  return {
    neighbours,
    report: { pairs: pairs.length, mapped, selfLoopsDropped, unknownCodes: [...unknownCodes].sort() },
  };
}
