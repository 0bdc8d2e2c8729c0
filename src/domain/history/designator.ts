// One spelling per object, whatever the source wrote: a CDM's "00025544", a SOCRATES "25544", a
// catalog number 25544 and a TLE's alpha-5 "A0001" (100001) must name the same object.
import { decodeAlpha5 } from '../catalog/alpha5';

/** A catalog number without leading zeros; alpha-5 decoded; anything else trimmed, upper case. */
export function normaliseDesignator(designator: string | number): string {
  const t = String(designator).trim().toUpperCase();
  if (/^\d{1,9}$/.test(t)) return String(Number(t));
  if (/^[A-HJ-NP-Z]\d{4}$/.test(t)) return String(decodeAlpha5(t));
  return t;
}

/** Catalog numbers numerically, before any other designator (then by text). */
export function compareDesignators(a: string, b: string): number {
  const na = /^\d+$/.test(a) ? Number(a) : NaN;
  const nb = /^\d+$/.test(b) ? Number(b) : NaN;
  if (!Number.isNaN(na) && !Number.isNaN(nb)) return na - nb;
  if (!Number.isNaN(na)) return -1;
  if (!Number.isNaN(nb)) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The unordered pair as one key: `<lower>-<higher>` of the normalised designators. */
export function pairKey(designator1: string | number, designator2: string | number): string {
  const [a, b] = [normaliseDesignator(designator1), normaliseDesignator(designator2)].sort(
    compareDesignators,
  );
  return `${a}-${b}`;
}
