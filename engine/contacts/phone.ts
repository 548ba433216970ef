/**
 * Phone numbers written the many ways French address books hold them (`06 12 34 56 78`,
 * `06.12.34.56.78`, `+33 6 12 34 56 78`, `+33 (0)6…`, `0033…`, `tel:+33-6-…` in vCard 4.0) brought to one
 * form, so that the same phone is recognised whatever the spelling: E.164 (`+33612345678`) for French
 * national numbers (ten digits starting with 0) and for any number given with its country code; other
 * strings keep their digits only (with a leading `+` when they had one). This is "E.164-ish": no
 * numbering-plan validation is made, only the spelling is normalised.
 */

/** The normalised phone, or undefined when the text holds no digit. */
export function normalisePhone(raw: string): string | undefined {
  let s = raw.trim().replace(/^tel:/i, "");
  // "+33 (0)6 …": the trunk 0 in parentheses is not dialled after the country code.
  s = s.replace(/\(0\)/g, "");
  const plus = s.startsWith("+");
  const digits = s.replace(/[^0-9]/g, "");
  if (digits === "") return undefined;
  if (plus) return `+${digits}`;
  if (digits.startsWith("00") && digits.length > 4) return `+${digits.slice(2)}`;
  if (digits.length === 10 && digits.startsWith("0") && digits[1] !== "0") return `+33${digits.slice(1)}`;
  return digits;
}
