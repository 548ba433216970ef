/**
 * SQL expressions that read establishment-table cells inside DuckDB, following the same rules as the
 * TypeScript readers (`model/commune.ts`, `model/naf.ts`, `io/values.ts`): a national file of a
 * million rows and thirty-odd count columns is then checked without a round trip through JS.
 * Each function takes the SQL of a VARCHAR cell and returns the SQL of its reading.
 */
import { COMMUNE_CODE_REASON } from "../model/commune.ts";

/**
 * White space as JavaScript's `\s` and `trim()` see it (RE2 syntax; RE2's own `\s` is ASCII only), so
 * that the no-break and narrow no-break spaces French files put in numbers are spaces here too.
 */
const SPACE_CHARS =
  "\\t\\n\\x{0B}\\f\\r \\x{00A0}\\x{1680}\\x{2000}-\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}";
const SPACE = `[${SPACE_CHARS}]`;

/** A cell with nothing in it (absent, empty or only spaces). */
export const blankSql = (cell: string): string =>
  `(${cell} IS NULL OR regexp_full_match(${cell}, '${SPACE}*'))`;

/** INSEE commune code, 5 characters (a 4-digit code that lost its leading zero is padded), or NULL. */
export function communeSql(cell: string): string {
  const c = `upper(regexp_replace(${cell}, '^${SPACE}+|${SPACE}+$', '', 'g'))`;
  return `(CASE WHEN regexp_full_match(${c}, '\\d{4}') THEN '0' || ${c}
    WHEN regexp_full_match(${c}, '\\d{5}|2[AB]\\d{3}') THEN ${c} END)`;
}

/** NAF rev.2 sub-class in official form `25.62A` (from `2562A`, `25.62a`, `25 62 A`), or NULL. */
export function nafSql(cell: string): string {
  const c = `regexp_replace(upper(${cell}), '[${SPACE_CHARS}_-]', '', 'g')`;
  return `(CASE WHEN regexp_full_match(${c}, '\\d{2}\\.?\\d{2}[A-Z]')
    THEN regexp_replace(${c}, '^(\\d{2})\\.?(\\d{2})([A-Z])$', '\\1.\\2\\3') END)`;
}

/**
 * The number in a non-blank cell as a DOUBLE, or NULL when it is none: `3 500`, `12,5` (decimal
 * comma), `12.5`, `1e3`. Plain digits, by far the most common, take a fast path.
 */
export function numberSql(cell: string): string {
  const s = `regexp_replace(${cell}, '${SPACE}', '', 'g')`;
  const t = `(CASE WHEN regexp_full_match(${s}, '-?\\d+,\\d+') THEN replace(${s}, ',', '.') ELSE ${s} END)`;
  return `(CASE WHEN ${cell} IS NULL THEN NULL
    WHEN regexp_full_match(${cell}, '\\d{1,15}') THEN CAST(${cell} AS DOUBLE)
    WHEN regexp_full_match(${t}, '[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?') THEN TRY_CAST(${t} AS DOUBLE) END)`;
}

const INT_MAX = 2_147_483_647;

/** Why a count cell cannot be read (NULL when blank or fine); `number` is the SQL of its `numberSql`. */
export function countProblemSql(blank: string, number: string): string {
  return `(CASE WHEN ${blank} THEN NULL
    WHEN ${number} IS NULL THEN 'not a number'
    WHEN ${number} < 0 THEN 'a negative count'
    WHEN ${number} <> floor(${number}) THEN 'not a whole number'
    WHEN ${number} > ${INT_MAX} THEN 'too large for a count' END)`;
}

/** A four-digit year as INTEGER, or NULL. */
export function yearSql(cell: string): string {
  const c = `regexp_replace(${cell}, '^${SPACE}+|${SPACE}+$', '', 'g')`;
  return `(CASE WHEN regexp_full_match(${c}, '\\d{4}') THEN CAST(${c} AS INTEGER) END)`;
}

export const COMMUNE_REASON = COMMUNE_CODE_REASON;
export const NAF_REASON = "not a NAF rev.2 sub-class code (expected e.g. 25.62A or 2562A)";
export const YEAR_REASON = "not a year (4 digits)";
