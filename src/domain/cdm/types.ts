// Typed model of a CCSDS Conjunction Data Message (CCSDS 508.0-B-1). Values are held in the
// standard's units: relative data in m and m/s, states in km and km/s, covariances in m², m²/s and
// m²/s², all as the keyword names say.
import type { CdmIssue } from './issues';
import type { Vec3 } from '../probability/linalg';

export type { Vec3 };

/** A keyword the model keeps verbatim (optional ones without a dedicated field). */
export interface CdmExtra {
  keyword: string;
  value: string;
  unit?: string;
}

export interface CdmHeader {
  /** CCSDS_CDM_VERS, e.g. "1.0". */
  version: string;
  /** CREATION_DATE as written and as UTC ms since 1970. */
  creationDate: string;
  creationDateMs: number;
  originator: string;
  messageFor?: string;
  messageId: string;
  comments: string[];
}

export interface CdmRelativeMetadata {
  /** TCA as written, as UTC ms since 1970 (fractional below 1 ms), and as ISO 8601 with Z. */
  tca: string;
  tcaMs: number;
  tcaIso: string;
  missDistanceM: number;
  relativeSpeedMS?: number;
  /** RELATIVE_POSITION_R/T/N (object2 relative to object1, object1's RTN), m; all three or none. */
  relativePositionRtnM?: Vec3;
  relativeVelocityRtnMS?: Vec3;
  collisionProbability?: number;
  collisionProbabilityMethod?: string;
  /** From a `COMMENT HBR = 10 [m]` line in this section, m. */
  hbrM?: number;
  /** Other relative keywords (screening period and volume…), in file order. */
  extra: CdmExtra[];
  comments: string[];
}

/** The 21 position/velocity covariance keywords in the standard's lower-triangle order. */
export const COVARIANCE_KEYWORDS = [
  'CR_R',
  'CT_R',
  'CT_T',
  'CN_R',
  'CN_T',
  'CN_N',
  'CRDOT_R',
  'CRDOT_T',
  'CRDOT_N',
  'CRDOT_RDOT',
  'CTDOT_R',
  'CTDOT_T',
  'CTDOT_N',
  'CTDOT_RDOT',
  'CTDOT_TDOT',
  'CNDOT_R',
  'CNDOT_T',
  'CNDOT_N',
  'CNDOT_RDOT',
  'CNDOT_TDOT',
  'CNDOT_NDOT',
] as const;

export type CovarianceKeyword = (typeof COVARIANCE_KEYWORDS)[number];

export interface CdmObject {
  object: 'OBJECT1' | 'OBJECT2';
  objectDesignator: string;
  catalogName: string;
  objectName: string;
  internationalDesignator: string;
  objectType?: string;
  ephemerisName: string;
  covarianceMethod: string;
  maneuverable: string;
  /** REF_FRAME of the state vector: EME2000, GCRF or ITRF (see inertial.ts for ITRF). */
  refFrame: string;
  /** From `COMMENT EXCLUSION_VOLUME_RADIUS = 10 [m]` (any case, spaces or underscores), m. */
  exclusionVolumeRadiusM?: number;
  /** Other metadata keywords (GRAVITY_MODEL, OPERATOR_*…), in file order. */
  metadataExtra: CdmExtra[];
  /** OD and additional parameters (OBS_USED, AREA_PC, SEDR…), in file order. */
  dataExtra: CdmExtra[];
  positionKm: Vec3;
  velocityKmS: Vec3;
  /**
   * 6×6 symmetric RTN covariance of (R, T, N, RDOT, TDOT, NDOT): m², m²/s, m²/s².
   * covarianceRtn[0..2][0..2] is the position block used for 2D Pc.
   */
  covarianceRtn: number[][];
  /** Optional drag/SRP/thrust covariance rows (CDRG_R … CTHR_THR) as written, standard units. */
  covarianceExtra: CdmExtra[];
  comments: string[];
}

export interface CdmMessage {
  format: 'KVN' | 'XML';
  /** 1-based line where the message starts in its file. */
  line: number;
  header: CdmHeader;
  relative: CdmRelativeMetadata;
  object1: CdmObject;
  object2: CdmObject;
  /** Tolerated irregularities (e.g. a wrong unit suffix), each with keyword and line. */
  warnings: CdmWarning[];
}

export interface CdmWarning {
  line: number;
  keyword: string;
  reason: string;
}

/** Why one message of a file was not loaded. */
export interface CdmError {
  /** 1-based index of the message within the file (0 for content outside any message). */
  message: number;
  /** 1-based line of the offending keyword (or where a missing one was due). */
  line: number;
  /** The keyword at fault, when there is one. */
  keyword?: string;
  /** English, as the command line prints it. */
  reason: string;
  /** The same as a code and values, for the interface to word. */
  issue: CdmIssue;
}

export interface CdmParseResult {
  messages: CdmMessage[];
  errors: CdmError[];
}
