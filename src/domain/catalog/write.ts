// Writers for OMM records and TLE lines: exports of a selection, and the tests' round trips.
import { encodeAlpha5 } from './alpha5';
import { daysInYear, formatOmmEpoch, MS_PER_DAY } from './epoch';
import { tleChecksum } from './tle';
import type { ElementSet } from './types';

/** OMM keyword → value in CelesTrak's order (numbers as numbers), ready for JSON or CSV. */
export function toOmmRecord(element: ElementSet): Record<string, string | number> {
  const record: Record<string, string | number> = {
    OBJECT_NAME: element.objectName,
    OBJECT_ID: element.objectId,
    EPOCH: formatOmmEpoch(element.epochMs),
    MEAN_MOTION: element.meanMotionRevPerDay,
    ECCENTRICITY: element.eccentricity,
    INCLINATION: element.inclinationDeg,
    RA_OF_ASC_NODE: element.raOfAscNodeDeg,
    ARG_OF_PERICENTER: element.argOfPericenterDeg,
    MEAN_ANOMALY: element.meanAnomalyDeg,
    EPHEMERIS_TYPE: element.ephemerisType,
    CLASSIFICATION_TYPE: element.classificationType,
    NORAD_CAT_ID: element.noradCatId,
    ELEMENT_SET_NO: element.elementSetNo,
    REV_AT_EPOCH: element.revAtEpoch,
    BSTAR: element.bstar,
    MEAN_MOTION_DOT: element.meanMotionDot,
    MEAN_MOTION_DDOT: element.meanMotionDdot,
  };
  if (element.objectType) record.OBJECT_TYPE = element.objectType;
  return record;
}

/** TLE "±NNNNN±E" implied-decimal exponent: 5.8848e-4 → " 58848-3". */
function impliedExponent(value: number): string {
  if (value === 0) return ' 00000+0';
  const [mantissa, exponent] = Math.abs(value).toExponential(4).split('e');
  const e = Number(exponent) + 1;
  if (e < -9) return ' 00000+0'; // below the field's resolution
  if (e > 9) throw new RangeError(`${value} does not fit a TLE exponent field`);
  const sign = value < 0 ? '-' : ' ';
  return `${sign}${mantissa.replace('.', '')}${e < 0 ? '-' : '+'}${Math.abs(e)}`;
}

/** "1998-067A" → "98067A  "; blank when the id is not an international designator. */
function designator(objectId: string): string {
  const m = /^\d\d(\d\d)-(\d{3})([A-Z]{1,3})$/.exec(objectId.trim());
  return (m ? `${m[1]}${m[2]}${m[3]}` : '').padEnd(8, ' ');
}

function tleEpoch(epochMs: number): string {
  let year = new Date(epochMs).getUTCFullYear();
  // Round to the field's 1e-8 day once, carrying into the next year if it rounds up to it.
  let units = Math.round(((epochMs - Date.UTC(year, 0, 1)) / MS_PER_DAY) * 1e8);
  if (units >= daysInYear(year) * 1e8) {
    units -= daysInYear(year) * 1e8;
    year += 1;
  }
  const day = (units / 1e8 + 1).toFixed(8).padStart(12, '0');
  return `${String(year % 100).padStart(2, '0')}${day}`;
}

function withChecksum(line: string): string {
  return line + tleChecksum(line);
}

/**
 * Writes an element set as TLE lines, with a name line first when `withName` (3-line form).
 * Throws RangeError for what a TLE cannot hold (catalog numbers over 339,999, e ≥ 1, …).
 */
export function toTleLines(element: ElementSet, withName = true): string[] {
  const satnum = encodeAlpha5(element.noradCatId);
  const ndot = element.meanMotionDot;
  if (Math.abs(ndot) >= 1) throw new RangeError(`mean motion dot ${ndot} does not fit a TLE`);
  const ndotText = `${ndot < 0 ? '-' : ' '}${Math.abs(ndot).toFixed(8).slice(1)}`;
  const ecc = Math.round(element.eccentricity * 1e7);
  if (ecc >= 1e7 || ecc < 0) throw new RangeError(`eccentricity ${element.eccentricity}`);
  const angle = (deg: number) => deg.toFixed(4).padStart(8, ' ');
  const line1 = withChecksum(
    `1 ${satnum}${element.classificationType || 'U'} ${designator(element.objectId)} ` +
      `${tleEpoch(element.epochMs)} ${ndotText} ${impliedExponent(element.meanMotionDdot)} ` +
      `${impliedExponent(element.bstar)} ${element.ephemerisType % 10} ` +
      `${String(element.elementSetNo % 10_000).padStart(4, ' ')}`,
  );
  const line2 = withChecksum(
    `2 ${satnum} ${angle(element.inclinationDeg)} ${angle(element.raOfAscNodeDeg)} ` +
      `${String(ecc).padStart(7, '0')} ${angle(element.argOfPericenterDeg)} ` +
      `${angle(element.meanAnomalyDeg)} ` +
      `${element.meanMotionRevPerDay.toFixed(8).padStart(11, ' ')}` +
      `${String(element.revAtEpoch % 100_000).padStart(5, ' ')}`,
  );
  return withName ? [element.objectName, line1, line2] : [line1, line2];
}
