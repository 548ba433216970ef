/**
 * NAF rev.2 activity codes (the French version of NACE rev.2). The official sub-class form is
 * `DD.DDL` (e.g. `25.62A`, décolletage); `2562A`, `25.62a` and `25 62 A` are accepted and stored in the
 * official form. The hierarchy: section (letter), division (2 digits), group (3), class (4), sub-class (5).
 */

const SUBCLASS = /^(\d{2})\.?(\d{2})([A-Z])$/;

/** Official form `DD.DDL` of a NAF rev.2 sub-class code, or undefined when it is not one. */
export function normalizeNaf(raw: string): string | undefined {
  const compact = raw
    .trim()
    .toUpperCase()
    .replace(/[\s_-]/g, "");
  const m = SUBCLASS.exec(compact);
  if (!m) return undefined;
  return `${m[1]}.${m[2]}${m[3]}`;
}

/** Division (2 digits) of a normalised sub-class code: `25.62A` → `25`. */
export const nafDivision = (naf: string): string => naf.slice(0, 2);
/** Group (3 digits, dotted): `25.62A` → `25.6`. */
export const nafGroup = (naf: string): string => naf.slice(0, 4);
/** Class (4 digits, dotted): `25.62A` → `25.62`. */
export const nafClass = (naf: string): string => naf.slice(0, 5);

/** NAF rev.2 sections and the divisions they span (INSEE nomenclature). */
const SECTION_RANGES: ReadonlyArray<readonly [string, number, number]> = [
  ["A", 1, 3],
  ["B", 5, 9],
  ["C", 10, 33],
  ["D", 35, 35],
  ["E", 36, 39],
  ["F", 41, 43],
  ["G", 45, 47],
  ["H", 49, 53],
  ["I", 55, 56],
  ["J", 58, 63],
  ["K", 64, 66],
  ["L", 68, 68],
  ["M", 69, 75],
  ["N", 77, 82],
  ["O", 84, 84],
  ["P", 85, 85],
  ["Q", 86, 88],
  ["R", 90, 93],
  ["S", 94, 96],
  ["T", 97, 98],
  ["U", 99, 99],
];

/** Section letter of a normalised code (`25.62A` → `C`), or undefined for a division outside NAF. */
export function nafSection(naf: string): string | undefined {
  const division = Number(naf.slice(0, 2));
  for (const [letter, lo, hi] of SECTION_RANGES) if (division >= lo && division <= hi) return letter;
  return undefined;
}
