/**
 * Numbers in the report, formatted one way throughout: English conventions (`183,731`, `1.52`,
 * `12.5%`), the language of the report's text. An undefined measure (null, NaN, ±Infinity) is shown as
 * an em dash in HTML and written as an empty cell in CSV, never as `NaN`.
 */

export const LOCALE = "en-US";
/** What an undefined measure shows in the report. */
export const MISSING = "—";

const formatters = new Map<string, Intl.NumberFormat>();
function formatter(minimum: number, maximum: number, style: "decimal" | "percent"): Intl.NumberFormat {
  const key = `${minimum}:${maximum}:${style}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(LOCALE, {
      minimumFractionDigits: minimum,
      maximumFractionDigits: maximum,
      style,
    });
    formatters.set(key, f);
  }
  return f;
}

export const isNumber = (value: unknown): value is number =>
  typeof value === "number" && Number.isFinite(value);

/** A whole number with thousands separators: `183,731`. */
export function formatInteger(value: number | null | undefined): string {
  return isNumber(value) ? formatter(0, 0, "decimal").format(Math.round(value)) : MISSING;
}

/** A decimal with a fixed number of digits (default 2): `1.52`. */
export function formatDecimal(value: number | null | undefined, digits = 2): string {
  return isNumber(value) ? formatter(digits, digits, "decimal").format(value) : MISSING;
}

/** A share in [0, 1] as a percentage with `digits` decimals (default 1): `0.125` → `12.5%`. */
export function formatPercent(value: number | null | undefined, digits = 1): string {
  return isNumber(value) ? formatter(digits, digits, "percent").format(value) : MISSING;
}

/** A signed change: `+0.42`, `−0.10` (with a true minus sign), `0.00`. */
export function formatChange(value: number | null | undefined, digits = 2): string {
  if (!isNumber(value)) return MISSING;
  const text = formatDecimal(Math.abs(value), digits);
  const zero = Number(value.toFixed(digits)) === 0;
  return zero ? text : `${value > 0 ? "+" : "\u2212"}${text}`;
}
