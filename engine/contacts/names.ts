/**
 * Comparing person names across sources that spell them differently: accents dropped or kept, hyphens
 * or spaces (`Jean-Luc` / `Jean Luc`), surname first and in capitals (`DUPONT Jean`).
 *
 * - `foldName`: NFD, combining marks removed, lower case, every run of non-letters (hyphen, apostrophe,
 *   dot, comma…) turned into one space, tokens sorted alphabetically so that order does not matter.
 * - `nameDistance(a, b)`: the Levenshtein edit distance (insertions, deletions, substitutions, cost 1)
 *   between the two folded names, divided by the length of the longer one: 0 for the same folded name,
 *   1 for names with nothing in common. Levenshtein, V. I. (1966), Binary codes capable of correcting
 *   deletions, insertions and reversals.
 */

export function foldName(...parts: ReadonlyArray<string | null | undefined>): string {
  return parts
    .filter((p): p is string => !!p)
    .join(" ")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .split(" ")
    .filter((t) => t !== "")
    .sort()
    .join(" ");
}

/** Levenshtein edit distance (two-row dynamic programme). */
export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let previous = new Array<number>(b.length + 1);
  let current = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1] + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1);
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, substitution);
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length];
}

/** Normalised edit distance of two folded names, 0–1 (see the file comment). Two empty names: 1. */
export function nameDistance(a: string, b: string): number {
  const longer = Math.max(a.length, b.length);
  if (longer === 0 || a === "" || b === "") return 1;
  return levenshtein(a, b) / longer;
}
