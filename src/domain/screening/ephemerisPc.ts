// Collision probability of a screening event whose object comes from an ephemeris with
// covariance. Covariance at TCA: the OEM covariance nearest in time to TCA within the segment
// used at TCA (no interpolation or propagation of covariance; the offset is reported). An object
// without one gets the element-set model: SOCRATES's assumed 1σ of 100 m radial, 300 m in-track,
// 100 m cross-track (CelesTrak SOCRATES), whatever its regime or element age. Pc: Foster 2D on the
// summed covariances; beside it the maximum Pc over the scale of that summed covariance (Alfano).
import { encounterPlaneInertial, type ObjectState } from '../probability/encounter';
import { fosterPc2d, FOSTER_METHOD } from '../probability/foster';
import type { Mat3 } from '../probability/linalg';
import { maxPcOverScale, SOCRATES_SIGMAS_M } from '../probability/maxPc';
import { covarianceRtnToInertial } from '../probability/rtn';
import { usableSpan } from '../oem/interpolate';
import type { OemSegment } from '../oem/types';
import type { ConjunctionEvent, ScreeningEphemeris } from './types';

export const ELEMENT_SET_COVARIANCE_MODEL = 'SOCRATES 100/300/100 m RTN';

export type CovarianceSource =
  | {
      kind: 'ephemeris';
      /** How the covariance at TCA was taken. */
      rule: 'nearest';
      epochMs: number;
      /** Covariance epoch − TCA, s. */
      offsetS: number;
    }
  | { kind: 'model'; model: typeof ELEMENT_SET_COVARIANCE_MODEL };

export interface EventPc {
  pc: number;
  method: typeof FOSTER_METHOD;
  /** Maximum Pc over the scale of the summed covariance (its shape kept). */
  pcMax: number;
  hbrM: number;
  covariance1: CovarianceSource;
  covariance2: CovarianceSource;
  /** e.g. "FOSTER-1992, object 1: OEM covariance (nearest, +30 s), object 2: SOCRATES …". */
  label: string;
}

interface Covariance {
  source: CovarianceSource;
  /** Inertial (TEME) position covariance, m². */
  matrixM2: Mat3;
}

/** The segment used at tMs (the last whose usable span holds it, as the screening does). */
function segmentAt(eph: ScreeningEphemeris, tMs: number): OemSegment | null {
  for (let k = eph.segments.length - 1; k >= 0; k--) {
    const [from, to] = usableSpan(eph.segments[k]);
    if (tMs >= from && tMs <= to) return eph.segments[k];
  }
  return null;
}

/** The position block (m²) of the segment's covariance nearest to tcaMs; null when it has none. */
function nearestCovariance(segment: OemSegment, tcaMs: number): Covariance | null {
  let best = null;
  for (const c of segment.covariances) {
    if (!best || Math.abs(c.epochMs - tcaMs) < Math.abs(best.epochMs - tcaMs)) best = c;
  }
  if (!best) return null;
  if (best.frame !== 'TEME') throw new Error('screening ephemerides carry TEME covariances');
  const m = best.matrix;
  const row = (r: number): [number, number, number] => [
    m[r * 6] * 1e6,
    m[r * 6 + 1] * 1e6,
    m[r * 6 + 2] * 1e6,
  ];
  return {
    source: {
      kind: 'ephemeris',
      rule: 'nearest',
      epochMs: best.epochMs,
      offsetS: (best.epochMs - tcaMs) / 1000,
    },
    matrixM2: [row(0), row(1), row(2)],
  };
}

function modelCovariance(state: ObjectState): Covariance {
  const { radial, inTrack, crossTrack } = SOCRATES_SIGMAS_M;
  const rtn: Mat3 = [
    [radial ** 2, 0, 0],
    [0, inTrack ** 2, 0],
    [0, 0, crossTrack ** 2],
  ];
  return {
    source: { kind: 'model', model: ELEMENT_SET_COVARIANCE_MODEL },
    matrixM2: covarianceRtnToInertial(rtn, state.positionM, state.velocityMS),
  };
}

const toState = (s: ConjunctionEvent['state1']): ObjectState => ({
  positionM: [s.rKm[0] * 1e3, s.rKm[1] * 1e3, s.rKm[2] * 1e3],
  velocityMS: [s.vKmS[0] * 1e3, s.vKmS[1] * 1e3, s.vKmS[2] * 1e3],
});

function describe(source: CovarianceSource): string {
  if (source.kind === 'model') return `element-set model ${source.model}`;
  const s = source.offsetS;
  return `OEM covariance (nearest, ${s >= 0 ? '+' : ''}${s.toFixed(0)} s)`;
}

/**
 * The event's Pc when at least one of its objects was an ephemeris at TCA whose segment there
 * carries covariance; null otherwise (then there is no covariance of an operator to use).
 */
export function ephemerisEventPc(
  event: ConjunctionEvent,
  ephemerides: readonly ScreeningEphemeris[],
  hbrM: number,
): EventPc | null {
  const fromEphemeris = (id: number, source: ConjunctionEvent['source1']): Covariance | null => {
    if (source !== 'ephemeris') return null;
    const eph = ephemerides.find((e) => e.id === id);
    const segment = eph && segmentAt(eph, event.tcaMs);
    return segment ? nearestCovariance(segment, event.tcaMs) : null;
  };
  const c1 = fromEphemeris(event.id1, event.source1);
  const c2 = fromEphemeris(event.id2, event.source2);
  if (!c1 && !c2) return null;
  const s1 = toState(event.state1);
  const s2 = toState(event.state2);
  const cov1 = c1 ?? modelCovariance(s1);
  const cov2 = c2 ?? modelCovariance(s2);
  const plane = encounterPlaneInertial(s1, cov1.matrixM2, s2, cov2.matrixM2);
  const input = {
    missXM: plane.missXM,
    missZM: plane.missZM,
    covariancePlaneM2: plane.covariancePlaneM2,
    hbrM,
  };
  const foster = fosterPc2d(input);
  const max = maxPcOverScale(input.missXM, input.missZM, foster.principal.covarianceM2, hbrM);
  return {
    pc: foster.pc,
    method: FOSTER_METHOD,
    pcMax: Math.max(max.pcMax, foster.pc),
    hbrM,
    covariance1: cov1.source,
    covariance2: cov2.source,
    label: `${FOSTER_METHOD}, object 1: ${describe(cov1.source)}, object 2: ${describe(cov2.source)}`,
  };
}
