/**
 * INSEE commune codes: five characters, the département first (`76540` Rouen, `2A004` Ajaccio).
 * Leading zeros are kept; a four-digit code read from a spreadsheet that dropped the zero is padded.
 */
const COMMUNE = /^(\d{5}|2[AB]\d{3})$/;

/** Why a value is refused as a commune code (every reader quarantines with this reason). */
export const COMMUNE_CODE_REASON = "not an INSEE commune code (5 characters, e.g. 76540 or 2A004)";

export function normalizeCommune(raw: string): string | undefined {
  let code = raw.trim().toUpperCase();
  if (/^\d{4}$/.test(code)) code = `0${code}`;
  return COMMUNE.test(code) ? code : undefined;
}

/** Département of a commune code: `76540` → `76`, `2A004` → `2A`, `97411` → `974`. */
export function departementOf(commune: string): string {
  return commune.startsWith("97") || commune.startsWith("98") ? commune.slice(0, 3) : commune.slice(0, 2);
}
