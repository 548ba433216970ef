/**
 * Dates of links and interactions are stored as ISO `YYYY-MM-DD` strings, which sort and compare as
 * text. Accepted inputs: `YYYY-MM-DD`, `YYYY-MM`, `YYYY`, `DD/MM/YYYY` or `DD.MM.YYYY` (French,
 * Norwegian), and date-times (the time is dropped). A partial date is completed to the start of its period, or to its end with
 * `{ end: true }` (a link ending in `2019` lasts until `2019-12-31`).
 */
/** Accepted patterns and where year, month and day sit in each match (0 = absent). */
const PATTERNS: ReadonlyArray<readonly [RegExp, number, number, number]> = [
  [/^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/, 1, 2, 3],
  [/^(\d{1,2})[/.](\d{1,2})[/.](\d{4})(?: [\d:]+)?$/, 3, 2, 1],
  [/^(\d{4})-(\d{1,2})$/, 1, 2, 0],
  [/^(\d{4})$/, 1, 0, 0],
];

export function parseDate(raw: string, options: { end?: boolean } = {}): string | undefined {
  const s = raw.trim();
  let y = 0;
  let m: number | undefined;
  let d: number | undefined;
  const found = PATTERNS.some(([pattern, yi, mi, di]) => {
    const match = pattern.exec(s);
    if (!match) return false;
    y = Number(match[yi]);
    m = mi ? Number(match[mi]) : undefined;
    d = di ? Number(match[di]) : undefined;
    return true;
  });
  if (!found) return undefined;
  if (y < 1000 || y > 2999) return undefined;
  if (m !== undefined && (m < 1 || m > 12)) return undefined;
  const month = m ?? (options.end ? 12 : 1);
  const last = new Date(Date.UTC(y, month, 0)).getUTCDate();
  if (d !== undefined && (d < 1 || d > last)) return undefined;
  const day = d ?? (options.end ? last : 1);
  return `${String(y).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** Whether the interval [start, end] (open ends allowed) meets [from, to]. */
export function overlaps(
  start: string | null,
  end: string | null,
  from: string | null | undefined,
  to: string | null | undefined,
): boolean {
  if (to && start && start > to) return false;
  if (from && end && end < from) return false;
  return true;
}
