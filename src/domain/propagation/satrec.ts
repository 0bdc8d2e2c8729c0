// SatRec creation from our ElementSet. satellite.js exports no sgp4init, so we go through
// json2satrec with an OMM object; it parses EPOCH with Date (ms resolution), so SGP4 is
// initialised at an epoch rounded by ≤ 0.5 ms. That only feeds GMST-at-epoch and the luni-solar
// epoch (Vallado set: ≤ 2.5 mm, 3.5 cm for one e = 0.97 orbit). Time since epoch must not use
// that rounded epoch (0.5 ms × 7.7 km/s = 4 m): propagateTeme takes our exact epochMs, and we
// reset satrec.jdsatepoch to it so satellite.js's own propagate() and WASM BulkPropagator agree
// to a Julian-date double's resolution (~40 µs, ≤ 0.4 m) instead of ≤ 5 m.
import { json2satrec, sgp4, type OMMJsonObject, type SatRec } from 'satellite.js';
import type { ElementSet } from '../catalog/types';
import { formatIsoMs } from '../time/iso';
import { jdFromMs } from '../time/julian';
import { propagationStatusMessage } from './status';
import { PropagationStatus } from './types';

export type CreateSatrecResult = { ok: true; satrec: SatRec } | { ok: false; reason: string };

// json2satrec's day-of-year arithmetic assumes every 4th year is a leap year (true 1901–2099).
const MIN_EPOCH_MS = Date.UTC(1957, 0, 1);
const MAX_EPOCH_MS = Date.UTC(2100, 0, 1);

function inputProblem(el: ElementSet): string | null {
  // One sum is finite exactly when every term is: the fields are only listed to name a bad one.
  const sum =
    el.epochMs +
    el.meanMotionRevPerDay +
    el.eccentricity +
    el.inclinationDeg +
    el.raOfAscNodeDeg +
    el.argOfPericenterDeg +
    el.meanAnomalyDeg +
    el.bstar +
    el.meanMotionDot +
    el.meanMotionDdot;
  if (!Number.isFinite(sum)) return nonFiniteField(el);
  return rangeProblem(el);
}

function nonFiniteField(el: ElementSet): string | null {
  const numeric: [string, number][] = [
    ['EPOCH', el.epochMs],
    ['MEAN_MOTION', el.meanMotionRevPerDay],
    ['ECCENTRICITY', el.eccentricity],
    ['INCLINATION', el.inclinationDeg],
    ['RA_OF_ASC_NODE', el.raOfAscNodeDeg],
    ['ARG_OF_PERICENTER', el.argOfPericenterDeg],
    ['MEAN_ANOMALY', el.meanAnomalyDeg],
    ['BSTAR', el.bstar],
    ['MEAN_MOTION_DOT', el.meanMotionDot],
    ['MEAN_MOTION_DDOT', el.meanMotionDdot],
  ];
  for (const [name, value] of numeric) {
    if (!Number.isFinite(value)) return `${name} is not a finite number`;
  }
  // Finite terms with an infinite sum (two of ±1e308): nothing names a field, the range does.
  return rangeProblem(el);
}

function rangeProblem(el: ElementSet): string | null {
  if (el.epochMs < MIN_EPOCH_MS || el.epochMs >= MAX_EPOCH_MS) {
    return 'EPOCH outside 1957–2099';
  }
  // NaN would slip past SGP4's own checks, so reject what it cannot start from.
  if (el.eccentricity < 0 || el.eccentricity >= 1) {
    return 'eccentricity out of range (0 ≤ e < 1)';
  }
  if (el.meanMotionRevPerDay <= 0) return 'mean motion must be positive';
  return null;
}

// V8 keeps a number field as a small integer until a fraction is stored in it; that first
// fraction changes the field's layout, and every object built before it is rebuilt when next
// touched. sgp4init leaves fields such as t and the deep-space integrator's state at 0, and SGP4
// stores fractions there: the first sample after a catalog's initialisation rebuilt every satrec
// (a worker's first pass took ~180 ms instead of ~100). A throwaway satrec with a fraction in every
// number field, made before any other, gives every later satrec that layout from the start.
const LAYOUT_PRIMER: OMMJsonObject = {
  OBJECT_NAME: 'LAYOUT PRIMER',
  OBJECT_ID: '',
  EPOCH: '2024-01-01T00:00:00.000Z',
  MEAN_MOTION: 15.5,
  ECCENTRICITY: 0.0005,
  INCLINATION: 51.6,
  RA_OF_ASC_NODE: 10,
  ARG_OF_PERICENTER: 90,
  MEAN_ANOMALY: 270,
  NORAD_CAT_ID: 1,
  ELEMENT_SET_NO: 999,
  REV_AT_EPOCH: 1,
  BSTAR: 0.0001,
  MEAN_MOTION_DOT: 0.00001,
  MEAN_MOTION_DDOT: 0,
};
let layoutPrimed = false;

function primeSatrecLayout(): void {
  layoutPrimed = true;
  const primer = json2satrec(LAYOUT_PRIMER, 'i') as unknown as Record<string, unknown>;
  for (const key of Object.keys(primer)) if (typeof primer[key] === 'number') primer[key] = 0.5;
}

/** Initialise SGP4 (improved mode, WGS-72) for an element set, or say why it cannot start. */
export function createSatrec(el: ElementSet): CreateSatrecResult {
  if (!layoutPrimed) primeSatrecLayout();
  const problem = inputProblem(el);
  if (problem) return { ok: false, reason: problem };
  const omm: OMMJsonObject = {
    OBJECT_NAME: el.objectName,
    OBJECT_ID: el.objectId,
    // Milliseconds, not microseconds: Date drops the rest anyway, and only 3 digits are portable
    // ES Date syntax. Rounding (not truncating) halves the epoch offset used for GMST.
    EPOCH: formatIsoMs(el.epochMs),
    MEAN_MOTION: el.meanMotionRevPerDay,
    ECCENTRICITY: el.eccentricity,
    INCLINATION: el.inclinationDeg,
    RA_OF_ASC_NODE: el.raOfAscNodeDeg,
    ARG_OF_PERICENTER: el.argOfPericenterDeg,
    MEAN_ANOMALY: el.meanAnomalyDeg,
    NORAD_CAT_ID: el.noradCatId,
    ELEMENT_SET_NO: el.elementSetNo,
    REV_AT_EPOCH: el.revAtEpoch,
    BSTAR: el.bstar,
    MEAN_MOTION_DOT: el.meanMotionDot,
    MEAN_MOTION_DDOT: el.meanMotionDdot,
  };
  let satrec: SatRec;
  try {
    satrec = json2satrec(omm, 'i');
  } catch (e) {
    return { ok: false, reason: `SGP4 initialisation failed: ${String(e)}` };
  }
  if (satrec.error !== PropagationStatus.Ok) {
    return { ok: false, reason: propagationStatusMessage(satrec.error) };
  }
  // sgp4init already evaluated t = 0; repeat it so the result (not just the flag) is checked.
  const atEpoch = sgp4(satrec, 0);
  if (!atEpoch) {
    return {
      ok: false,
      reason: propagationStatusMessage(satrec.error || PropagationStatus.NonFinite),
    };
  }
  const { position: r, velocity: v } = atEpoch;
  if (!Number.isFinite(r.x + r.y + r.z + v.x + v.y + v.z)) {
    return { ok: false, reason: propagationStatusMessage(PropagationStatus.NonFinite) };
  }
  satrec.jdsatepoch = jdFromMs(el.epochMs);
  return { ok: true, satrec };
}

/** null when SGP4 starts from these elements, else the reason (for the catalog loader). */
export function sgp4InitCheck(el: ElementSet): string | null {
  const result = createSatrec(el);
  return result.ok ? null : result.reason;
}
