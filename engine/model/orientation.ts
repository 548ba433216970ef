/**
 * Orientation of a link when the file does not give it. The rule, in order:
 * 1. supply, subcontracting and client join two stages of one value chain: **vertical**, whatever the
 *    activity codes (a capacity subcontractor in the same trade is still a supplier);
 * 2. a link that does not join two firms (membership in an association, a tie to a lab or a person)
 *    has no orientation: null;
 * 3. between two firms with known NAF codes: the same division (2 digits, e.g. `25`) is **horizontal**
 *    (similar activities, "doing together"); different divisions are **intersectoral**;
 * 4. otherwise (a NAF code missing) null.
 */

import { nafDivision } from "./naf.ts";
import type { Actor } from "./types.ts";
import { type LinkKind, type Orientation, VALUE_CHAIN_KINDS } from "./vocabulary.ts";

export function deriveOrientation(
  kind: LinkKind,
  source: Pick<Actor, "kind" | "naf"> | undefined,
  target: Pick<Actor, "kind" | "naf"> | undefined,
): Orientation | null {
  if (VALUE_CHAIN_KINDS.has(kind)) return "vertical";
  if (kind === "membership") return null;
  if (!source || !target || source.kind !== "firm" || target.kind !== "firm") return null;
  if (!source.naf || !target.naf) return null;
  return nafDivision(source.naf) === nafDivision(target.naf) ? "horizontal" : "intersectoral";
}
