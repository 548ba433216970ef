/**
 * Redundant networks: pairs of registered networks that serve the same activities on the same
 * territory with largely the same members — candidates to merge, or at least to coordinate. A pair of
 * networks existing at asOf (founded ≤ asOf or unknown, not ended before asOf) is redundant when all of:
 * - **activities overlap**: equal lists, or a code of one contains or lies inside a code of the other
 *   at some NAF level (`activities.ts`; an empty list means every activity and overlaps any list);
 * - **territory Jaccard** |T_A ∩ T_B| / |T_A ∪ T_B| over their communes ≥ `minTerritoryJaccard`
 *   (default 0.5: at least as many shared communes as communes served by one alone); a network with
 *   no territory cannot be compared and is never redundant;
 * - **membership Jaccard** at asOf ≥ `minMemberJaccard` (default 0.3, about one member in two of the
 *   smaller network shared when sizes are alike).
 * Sorted by membership Jaccard descending, then territory Jaccard, then registry order.
 */
import { relatedActivities } from "./activities.ts";
import { type Measured, networkActiveAt } from "./context.ts";
import { setOverlap } from "./membershipOverlap.ts";
import type { RegisteredNetwork } from "./types.ts";

export const DEFAULT_MIN_TERRITORY_JACCARD = 0.5;
export const DEFAULT_MIN_MEMBER_JACCARD = 0.3;

export interface RedundancyOptions {
  minTerritoryJaccard?: number;
  minMemberJaccard?: number;
}

export interface RedundantPair {
  a: string;
  b: string;
  /** Related codes, `[code of a, code of b]` ("*" for an empty list: every activity). */
  activities: [string, string][];
  sharedCommunes: string[];
  territoryJaccard: number;
  sharedMembers: string[];
  memberJaccard: number;
  memberOverlap: Measured;
  /** The evidence in one sentence. */
  evidence: string;
}

export function redundantNetworks(
  networks: readonly RegisteredNetwork[],
  memberSets: ReadonlyMap<string, ReadonlySet<string>>,
  asOf: string,
  options: RedundancyOptions = {},
): RedundantPair[] {
  const minTerritory = options.minTerritoryJaccard ?? DEFAULT_MIN_TERRITORY_JACCARD;
  const minMembers = options.minMemberJaccard ?? DEFAULT_MIN_MEMBER_JACCARD;
  const live = networks.filter((n) => networkActiveAt(n, asOf));
  const empty = new Set<string>();
  const found: { pair: RedundantPair; order: number }[] = [];
  for (let i = 0; i < live.length; i++)
    for (let j = i + 1; j < live.length; j++) {
      const a = live[i];
      const b = live[j];
      const activities = relatedActivities(a.activities, b.activities);
      if (activities.length === 0) continue;
      const territory = setOverlap(new Set(a.territory), new Set(b.territory));
      if (territory.jaccard.value === null || territory.jaccard.value < minTerritory) continue;
      const members = setOverlap(memberSets.get(a.id) ?? empty, memberSets.get(b.id) ?? empty);
      if (members.jaccard.value === null || members.jaccard.value < minMembers) continue;
      const shown = activities.map(([x, y]) => (x === y ? x : `${x}~${y}`)).join(", ");
      found.push({
        order: found.length,
        pair: {
          a: a.id,
          b: b.id,
          activities,
          sharedCommunes: territory.shared,
          territoryJaccard: territory.jaccard.value,
          sharedMembers: members.shared,
          memberJaccard: members.jaccard.value,
          memberOverlap: members.overlap,
          evidence:
            `activities ${shown}; ${territory.shared.length} shared communes (Jaccard ${territory.jaccard.value.toFixed(2)}); ` +
            `${members.shared.length} shared members (Jaccard ${members.jaccard.value.toFixed(2)})`,
        },
      });
    }
  return found
    .sort(
      (x, y) =>
        y.pair.memberJaccard - x.pair.memberJaccard ||
        y.pair.territoryJaccard - x.pair.territoryJaccard ||
        x.order - y.order,
    )
    .map((f) => f.pair);
}
