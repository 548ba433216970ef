/**
 * SIRET-shaped identifiers for synthetic firms: 14 digits, a SIREN of 9 (with its Luhn check digit)
 * followed by a NIC of 5 chosen so that the whole SIRET passes the Luhn check too, as real ones do.
 * Every synthetic SIREN starts with `000`, so the ids are easy to tell apart at a glance; should one
 * match a real firm's number, it still describes no real firm (README.md, "Synthetic").
 *
 * Ids are stable because each structure has its own block of serial numbers: adding firms to one
 * block never renumbers another.
 */

/** Serial number blocks, one per structure (serial = block start + index). */
export const ID_BLOCKS = {
  pivot: 1,
  tier1: 100,
  tier2: 200,
  district: 400,
  background: 10_000,
} as const;

const BLOCK_CAPACITY = { pivot: 1, tier1: 100, tier2: 200, district: 100, background: 89_999 } as const;

/** Whether a digit string passes the Luhn check. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** The digit that makes `body + digit` pass the Luhn check. */
export function luhnCheckDigit(body: string): string {
  for (let d = 0; d <= 9; d++) if (luhnValid(body + d)) return String(d);
  throw new Error("unreachable: one Luhn digit always fits");
}

/** The SIRET-shaped id of the index-th firm of a block. */
export function syntheticSiret(block: keyof typeof ID_BLOCKS, index: number): string {
  if (!Number.isInteger(index) || index < 0 || index >= BLOCK_CAPACITY[block]) {
    throw new RangeError(`syntheticSiret: index ${index} outside block ${block}`);
  }
  const serial = String(ID_BLOCKS[block] + index).padStart(5, "0");
  const siren8 = `000${serial}`;
  const siren = siren8 + luhnCheckDigit(siren8);
  const nicBody = `${siren}0001`;
  return nicBody + luhnCheckDigit(nicBody);
}
