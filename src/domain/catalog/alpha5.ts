// Alpha-5: the TLE's 5-column catalog number extended past 99,999 by a leading letter.
// A=10 … Z=33, skipping I and O (they read as 1 and 0), so A0000 = 100000, Z9999 = 339999.

const LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ';

/** Largest catalog number a TLE can carry. */
export const MAX_ALPHA5_CATALOG_NUMBER = 339_999;

/** Reads a 5-column catalog number ("25544", "A0000", "  123"); NaN when it is not one. */
export function decodeAlpha5(field: string): number {
  if (/^[A-HJ-NP-Z]\d{4}$/.test(field)) {
    return (LETTERS.indexOf(field[0]) + 10) * 10_000 + Number(field.slice(1));
  }
  return /^ *\d+$/.test(field) ? Number(field) : NaN;
}

/** Writes a catalog number in 5 columns, zero-padded; throws past 339,999. */
export function encodeAlpha5(catalogNumber: number): string {
  if (!Number.isInteger(catalogNumber) || catalogNumber < 0) {
    throw new RangeError(`catalog number ${catalogNumber} is not a non-negative integer`);
  }
  if (catalogNumber < 100_000) return String(catalogNumber).padStart(5, '0');
  if (catalogNumber > MAX_ALPHA5_CATALOG_NUMBER) {
    throw new RangeError(`catalog number ${catalogNumber} does not fit a TLE (max 339999)`);
  }
  const lead = Math.floor(catalogNumber / 10_000);
  return LETTERS[lead - 10] + String(catalogNumber % 10_000).padStart(4, '0');
}
