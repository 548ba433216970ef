/**
 * Parsing cell values as French and English files write them: decimal comma or point, thousands
 * separated by spaces (including the narrow no-break space), yes/no in both languages. Every parser
 * returns undefined for a value it cannot read, so the caller can quarantine it with a reason.
 */

/** A number: `3 500`, `3500`, `12,5`, `12.5`, `1e3`; undefined otherwise. Thousands commas are not accepted (ambiguous with decimal commas). */
export function parseNumber(raw: string): number | undefined {
  let s = raw.trim().replace(/[\s\u00a0\u202f]/g, "");
  if (s === "") return undefined;
  if (/^-?\d+,\d+$/.test(s)) s = s.replace(",", ".");
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(s)) return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : undefined;
}

/** A non-negative integer (a headcount); `12,0` is accepted, `12,5` is not. */
export function parseCount(raw: string): number | undefined {
  const n = parseNumber(raw);
  return n !== undefined && n >= 0 && Number.isInteger(n) ? n : undefined;
}

const TRUE = new Set(["1", "true", "yes", "y", "oui", "o", "vrai", "x"]);
const FALSE = new Set(["0", "false", "no", "n", "non", "faux"]);

export function parseBoolean(raw: string): boolean | undefined {
  const s = raw.trim().toLowerCase();
  if (TRUE.has(s)) return true;
  if (FALSE.has(s)) return false;
  return undefined;
}

/**
 * Interactions per year: a number, or a word (daily 250, weekly 52, monthly 12, quarterly 4,
 * yearly 1, rarely 0.5; French: quotidien, hebdomadaire, mensuel, trimestriel, annuel, rare).
 */
const FREQUENCY_WORDS: Readonly<Record<string, number>> = {
  daily: 250,
  quotidien: 250,
  quotidienne: 250,
  weekly: 52,
  hebdomadaire: 52,
  monthly: 12,
  mensuel: 12,
  mensuelle: 12,
  quarterly: 4,
  trimestriel: 4,
  trimestrielle: 4,
  yearly: 1,
  annual: 1,
  annuel: 1,
  annuelle: 1,
  rarely: 0.5,
  rare: 0.5,
};

export function parseFrequency(raw: string): number | undefined {
  const n = parseNumber(raw);
  if (n !== undefined) return n >= 0 ? n : undefined;
  return FREQUENCY_WORDS[raw.trim().toLowerCase()];
}

/**
 * A public recognition cell: a yes/no answer (`oui`, `true`, `1`…) gives "yes" or none (null); any
 * other text is the label's name (e.g. "SPL", "pôle de compétitivité").
 */
export function parsePublicLabel(raw: string): string | null {
  const b = parseBoolean(raw);
  return b === undefined ? raw.trim() : b ? "yes" : null;
}
