// One conjunction event whatever it came from: our own screening, an imported CCSDS CDM or an
// imported SOCRATES list. The list, the encounter view, exports and the briefing tour all read this.
import type { CdmMessage } from '../cdm/types';
import type { Mat3, Vec3 } from '../probability/linalg';
import type { PcIssue } from '../probability/issues';
import type { RunDescription } from '../screening/runs';

export type ConjunctionSource = 'screening' | 'cdm' | 'socrates';

/**
 * A collision probability and what it is. `covariance`: a 2D (Foster) Pc from known covariances;
 * `maximum`: the largest Pc any covariance of the assumed shape could give (no covariance known).
 */
export interface PcSummary {
  value: number;
  method: string;
  kind: 'covariance' | 'maximum';
  hbrM?: number;
  /** Where the hard-body radius came from: 'COMMENT HBR', 'OBJECT1 EXCLUSION_VOLUME_RADIUS', 'DEFAULT'… */
  hbrSource?: string;
  /** Equal-area-square Pc, the cross-check of a covariance Pc. */
  crossCheck?: number;
  /** The probability the source itself reported (CDM COLLISION_PROBABILITY, SOCRATES MAX_PROB). */
  reported?: number;
  /** Beside a covariance Pc: the largest Pc over that covariance's scale (its shape kept). */
  maxValue?: number;
}

/** Position (km) and velocity (km/s). */
export interface StateKm {
  rKm: Vec3;
  vKmS: Vec3;
}

/**
 * Both objects' states at TCA in one inertial frame. `frame` names it: 'TEME' (SGP4), or the
 * CDM's own REF_FRAME (EME2000/GCRF; ITRF states are rotated to a true-of-date frame on import and
 * named 'TOD (from ITRF)').
 */
export interface EventStates {
  frame: string;
  object1: StateKm;
  object2: StateKm;
}

/** Our own SGP4 prediction of the same pair near the event's TCA, when the catalog holds both. */
export type Sgp4Comparison =
  | {
      ok: true;
      tcaMs: number;
      rangeKm: number;
      relSpeedKmS: number;
      /** Ours − the event's. */
      dTcaMs: number;
      dRangeM: number;
      /** Days from each element set's epoch to TCA. */
      dse1: number;
      dse2: number;
    }
  | { ok: false; reason: string };

export interface ConjunctionRecord {
  /** `<designator1>-<designator2>@<TCA ISO 8601 with ms>`: stable, used in links (`?event=`). */
  key: string;
  source: ConjunctionSource;
  /** The file or run it came from (a run: its English label). */
  sourceLabel: string;
  /** Screening: the run as data, worded at display time (older stored records: only the label). */
  run?: RunDescription;
  /** Catalog numbers (null when a CDM's designator is not a number). */
  id1: number | null;
  id2: number | null;
  designator1: string;
  designator2: string;
  name1: string;
  name2: string;
  /** OBJECT_TYPE when the source says (CDM); the catalog's type is looked up at display time. */
  type1?: string;
  type2?: string;
  /** TCA, UTC ms since 1970 (fractional). */
  tcaMs: number;
  rangeKm: number;
  relSpeedKmS: number;
  /** Miss vector (object 2 − object 1) in object 1's radial/transverse/normal frame, km. */
  ricKm?: Vec3;
  /** Days since each object's element (or OD) epoch at TCA. */
  dse1?: number;
  dse2?: number;
  pc?: PcSummary;
  /** Why no probability could be computed, when there is none (English; older records: only this). */
  pcProblem?: string;
  /** The same as data, for the interface to word. */
  pcIssue?: PcIssue;
  states?: EventStates;
  /** Screening: where each object's states came from (an OEM, or SGP4). */
  stateSources?: { object1: 'sgp4' | 'ephemeris'; object2: 'sgp4' | 'ephemeris' };
  /** 3×3 position covariances in each object's RTN frame, m² (CDM only). */
  covariancesRtnM2?: [Mat3, Mat3];
  cdm?: CdmMessage;
  comparison?: Sgp4Comparison;
}
