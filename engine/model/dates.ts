/**
 * Dates of links and interactions are stored as ISO `YYYY-MM-DD` strings, which sort and compare as
 * text. Accepted inputs: `YYYY-MM-DD`, `YYYY-MM`, `YYYY`, `DD/MM/YYYY` (French), and ISO date-times
 * (the time is dropped). A partial date is completed to the start of its period, or to its end with
 * `{ end: true }` (a link ending in `2019` lasts until `2019-12-31`).
 */
export function parseDate(raw: string, options: { end?: boolean } = {}): string | undefined {
  const s = raw.trim();
  let y: number;
  let m: number | undefined;
  let d: number | undefined;
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(s);
  if (match) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(s))) {
    [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  } else if ((match = /^(\d{4})-(\d{1,2})$/.exec(s))) [y, m] = [Number(match[1]), Number(match[2])];
  else if ((match = /^(\d{4})$/.exec(s))) y = Number(match[1]);
  else return undefined;
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
