// Standard units per keyword, and the few conversions worth accepting (km where m is due and back).

import { COVARIANCE_KEYWORDS } from './types';

export const UNIT_BY_KEYWORD: Record<string, string> = {
  MISS_DISTANCE: 'm',
  RELATIVE_SPEED: 'm/s',
  RELATIVE_POSITION_R: 'm',
  RELATIVE_POSITION_T: 'm',
  RELATIVE_POSITION_N: 'm',
  RELATIVE_VELOCITY_R: 'm/s',
  RELATIVE_VELOCITY_T: 'm/s',
  RELATIVE_VELOCITY_N: 'm/s',
  X: 'km',
  Y: 'km',
  Z: 'km',
  X_DOT: 'km/s',
  Y_DOT: 'km/s',
  Z_DOT: 'km/s',
  ...Object.fromEntries(
    COVARIANCE_KEYWORDS.map((k) => {
      const dots = (k.match(/DOT/g) ?? []).length;
      return [k, ['m**2', 'm**2/s', 'm**2/s**2'][dots]];
    }),
  ),
};

/** Canonical spelling: lower case, no spaces, "^" or bare exponent as "**". */
function canonical(unit: string): string {
  return unit
    .trim()
    .toLowerCase()
    .replace(/\s+/g, '')
    .replace(/\^/g, '**')
    .replace(/(m|s)(\d)/g, '$1**$2')
    .replace(/sec\b/g, 's');
}

const FACTORS: Record<string, Record<string, number>> = {
  m: { km: 1000 },
  'm/s': { 'km/s': 1000 },
  km: { m: 1e-3 },
  'km/s': { 'm/s': 1e-3 },
  'm**2': { 'km**2': 1e6 },
  'm**2/s': { 'km**2/s': 1e6 },
  'm**2/s**2': { 'km**2/s**2': 1e6 },
};

/**
 * Factor that brings a value written in `unit` to the keyword's standard unit: 1 when the unit is
 * absent or standard, a power of 1000 for km/m mix-ups, null when the unit is wrong.
 */
export function unitFactor(keyword: string, unit: string | undefined): number | null {
  const expected = UNIT_BY_KEYWORD[keyword];
  if (!expected || unit === undefined || unit.trim() === '') return 1;
  const got = canonical(unit);
  if (got === expected) return 1;
  return FACTORS[expected]?.[got] ?? null;
}
