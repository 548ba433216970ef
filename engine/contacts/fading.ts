/**
 * Fading contacts, to re-motivate or reconnect (DOMAIN.md §7): a contact with at least one interaction
 * before the last window, and either none in the last window (`silent`) or fewer than `ratio` times as
 * many as in the previous window (`declining`). Defaults: 12-month windows, ratio ½ — the rule the
 * built-in rouen contact book was planted with. A contact never met before the last window is not
 * fading (it is new, or never active).
 */
import type { WindowCounts } from "./windows.ts";

export interface FadingRules {
  /** A contact is declining when last < ratio × previous. Default 0.5. */
  ratio: number;
}

export const DEFAULT_FADING_RULES: FadingRules = { ratio: 0.5 };

export interface FadingContact {
  id: string;
  kind: "silent" | "declining";
  interactionsLast: number;
  interactionsPrevious: number;
  lastInteraction: string | null;
  reason: string;
}

export function fadingOf(
  id: string,
  c: WindowCounts,
  rules: FadingRules = DEFAULT_FADING_RULES,
): FadingContact | undefined {
  if (c.before === 0) return undefined;
  const base = {
    id,
    interactionsLast: c.last,
    interactionsPrevious: c.previous,
    lastInteraction: c.lastDate,
  };
  if (c.last === 0) {
    return { ...base, kind: "silent", reason: `no interaction in the last window (latest: ${c.lastDate})` };
  }
  if (c.last < rules.ratio * c.previous) {
    return {
      ...base,
      kind: "declining",
      reason: `${c.last} interactions in the last window < ${rules.ratio} x ${c.previous} in the previous one`,
    };
  }
  return undefined;
}

/** Fading contacts, in the order of `counts`. */
export function fadingContacts(
  counts: ReadonlyMap<string, WindowCounts>,
  rules: Partial<FadingRules> = {},
): FadingContact[] {
  const r = { ...DEFAULT_FADING_RULES, ...rules };
  const out: FadingContact[] = [];
  for (const [id, c] of counts) {
    const f = fadingOf(id, c, r);
    if (f) out.push(f);
  }
  return out;
}
