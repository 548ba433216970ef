/**
 * A network's territory as the registry writes it: INSEE commune codes (5 characters, `76540`, `2A004`)
 * and EPCI SIREN codes (9 digits, `200023414` Métropole Rouen Normandie), mixed in one list. EPCI codes
 * are expanded to their member communes, from the `membres` of `data/epci.json` in the installed
 * `@etalab/decoupage-administratif` (a commune entry of `communes.json` carries no EPCI field, so the
 * EPCI side is the one that lists the link). Commune codes are brought to the same vintage by
 * `communeVintage` (engine/territory/communeVintage.ts): a current code stays, an old code of a merged
 * commune maps to the commune it joined. A code known to neither list is unknown: the caller quarantines
 * the row naming it.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { normalizeCommune } from "../model/commune.ts";
import { communeVintage } from "../territory/communeVintage.ts";

interface EpciEntry {
  code: string;
  nom: string;
  membres: Array<{ code: string }>;
}

export interface EpciTable {
  /** Version of `@etalab/decoupage-administratif` the table comes from. */
  vintage: string;
  /** Member commune codes of an EPCI (sorted), undefined when the SIREN is no EPCI of the table. */
  communes(siren: string): readonly string[] | undefined;
  name(siren: string): string | null;
}

let cached: EpciTable | undefined;

/** The EPCI of the installed package (loaded once). */
export function epciTable(): EpciTable {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const pkg = JSON.parse(
    readFileSync(require.resolve("@etalab/decoupage-administratif/package.json"), "utf8"),
  ) as { version: string };
  const entries = JSON.parse(
    readFileSync(require.resolve("@etalab/decoupage-administratif/data/epci.json"), "utf8"),
  ) as EpciEntry[];
  const members = new Map<string, string[]>();
  const names = new Map<string, string>();
  for (const e of entries) {
    members.set(e.code, [...new Set(e.membres.map((m) => m.code))].sort());
    names.set(e.code, e.nom);
  }
  cached = {
    vintage: pkg.version,
    communes: (siren) => members.get(siren),
    name: (siren) => names.get(siren) ?? null,
  };
  return cached;
}

export type TerritoryResult =
  | { ok: true; communes: string[]; given: string[] }
  | { ok: false; code: string; reason: string };

const SIREN = /^\d{9}$/;

/**
 * The communes of a territory list (codes as written, already split): sorted and distinct, with the
 * codes as given (trimmed, upper-cased, each once, in the order written). The first code that is neither
 * a known commune nor an EPCI makes the result an error naming it.
 */
export function resolveTerritory(codes: readonly string[]): TerritoryResult {
  const communes = new Set<string>();
  const given: string[] = [];
  for (const raw of codes) {
    const code = raw.trim().toUpperCase().replace(/\s+/g, "");
    if (code === "" || given.includes(code)) continue;
    if (SIREN.test(code)) {
      const members = epciTable().communes(code);
      if (!members) return { ok: false, code, reason: `"${code}" is not an EPCI SIREN code` };
      for (const m of members) communes.add(m);
      given.push(code);
      continue;
    }
    const commune = normalizeCommune(code);
    if (!commune) {
      return {
        ok: false,
        code,
        reason: `"${code}" is neither an INSEE commune code (5 characters) nor an EPCI SIREN code (9 digits)`,
      };
    }
    const resolved = communeVintage().resolve(commune);
    if (!resolved) return { ok: false, code, reason: `"${code}" is not a known INSEE commune code` };
    communes.add(resolved.to);
    given.push(commune);
  }
  return { ok: true, communes: [...communes].sort(), given };
}
