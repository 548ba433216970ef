/**
 * A network's activities against an activity code, at any NAF level. Codes are in the dotted form the
 * registry stores: section letter (`C`), division (`25`), group (`25.6`), class (`25.62`), sub-class
 * (`25.62A`). A code *contains* another when the other lies inside it in the NAF tree: a section
 * contains the divisions of its range (`C` ⊇ `25`), and a numeric code contains every code it prefixes
 * (`25` ⊇ `25.6` ⊇ `25.62` ⊇ `25.62A`). Two codes are *related* when either contains the other (same,
 * coarser or finer code of one branch). An empty activity list means every activity.
 */
import { nafSection } from "../model/naf.ts";
import type { NafLevel } from "../model/nafLabels.ts";

const SECTION = /^[A-U]$/;
const DIVISION = /^\d{2}$/;
const GROUP = /^\d{2}\.\d$/;
const CLASS = /^\d{2}\.\d{2}$/;
const SUBCLASS = /^\d{2}\.\d{2}[A-Z]$/;

/** The level of a dotted code, or undefined when it is not one. */
export function activityLevel(code: string): NafLevel | undefined {
  if (SECTION.test(code)) return "section";
  if (DIVISION.test(code)) return "division";
  if (GROUP.test(code)) return "group";
  if (CLASS.test(code)) return "class";
  if (SUBCLASS.test(code)) return "subclass";
  return undefined;
}

/** Whether `fine` lies inside `coarse` (a code contains itself). */
export function codeContains(coarse: string, fine: string): boolean {
  if (coarse === fine) return true;
  const coarseLevel = activityLevel(coarse);
  const fineLevel = activityLevel(fine);
  if (coarseLevel === undefined || fineLevel === undefined || fineLevel === "section") return false;
  if (coarseLevel === "section") return nafSection(fine) === coarse;
  return fine.startsWith(coarse);
}

/** Whether either code contains the other. */
export const codesRelated = (a: string, b: string): boolean => codeContains(a, b) || codeContains(b, a);

/**
 * Whether activity `code` (any level) belongs to the activities: true when the list is empty (every
 * activity) or when one listed code is related to it. A null code belongs only to an empty list.
 */
export function activityMatches(code: string | null, activities: readonly string[]): boolean {
  if (activities.length === 0) return true;
  if (code === null) return false;
  return activities.some((a) => codesRelated(a, code));
}

/**
 * Whether a firm's sub-class `naf` falls inside the activities (a listed code contains it): the test
 * for "a firm of the network's activities". Empty list: every firm, a firm without NAF included.
 */
export function nafInActivities(naf: string | null, activities: readonly string[]): boolean {
  if (activities.length === 0) return true;
  if (naf === null) return false;
  return activities.some((a) => codeContains(a, naf));
}

/** The related pairs of codes of two activity lists (`[a, b]`, a from the first); empty lists relate as "*". */
export function relatedActivities(a: readonly string[], b: readonly string[]): [string, string][] {
  if (a.length === 0 || b.length === 0) {
    const left = a.length === 0 ? ["*"] : a;
    const right = b.length === 0 ? ["*"] : b;
    return left.flatMap((x) => right.map((y): [string, string] => [x, y]));
  }
  const pairs: [string, string][] = [];
  for (const x of a) for (const y of b) if (codesRelated(x, y)) pairs.push([x, y]);
  return pairs;
}

/** Whether two activity lists overlap: equal, or one code of one related to a code of the other (empty = all). */
export const activitiesOverlap = (a: readonly string[], b: readonly string[]): boolean =>
  relatedActivities(a, b).length > 0;
