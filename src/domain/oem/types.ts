// The typed model of a CCSDS Orbit Ephemeris Message (502.0-B-3; versions 1.0, 2.0 and 3.0), as
// read from KVN or XML: epochs on our UTC ms line, positions km, velocities km/s.
import type { TimeScale } from '../time/timeScales';
import type { OemIssue } from './issues';

export type OemVersion = '1.0' | '2.0' | '3.0';
export type OemFormat = 'KVN' | 'XML';
export type OemInterpolation = 'LAGRANGE' | 'HERMITE' | 'LINEAR';
/** Reference frames we can bring to TEME: inertial J2000-like, TEME, or Earth-fixed ITRF. */
export type OemRefFrame = 'EME2000' | 'GCRF' | 'ICRF' | 'TEME' | `ITRF${string}`;
/** Frame of a covariance: the orbit's own local frames, or an inertial/Earth-fixed one. */
export type OemCovarianceFrame = 'RTN' | 'TNW' | OemRefFrame;

export type Vec3 = [number, number, number];

export interface OemState {
  /** UTC ms since 1970 (fractional), whatever TIME_SYSTEM the file used. */
  epochMs: number;
  positionKm: Vec3;
  velocityKmS: Vec3;
  accelerationKmS2?: Vec3;
}

export interface OemCovariance {
  epochMs: number;
  /** COV_REF_FRAME (RSW is read as RTN), or the segment's REF_FRAME when absent. */
  frame: OemCovarianceFrame;
  /** Full symmetric 6×6, row-major, order x y z ẋ ẏ ż: km², km²/s, km²/s². */
  matrix: Float64Array;
  /** 1-based line of its EPOCH keyword (the XML element's line). */
  line: number;
}

export interface OemMetadata {
  objectName: string;
  objectId: string;
  centerName: string;
  refFrame: OemRefFrame;
  /** REF_FRAME_EPOCH as written (only meaningful for frames that need one). */
  refFrameEpoch?: string;
  timeSystem: TimeScale;
  startMs: number;
  stopMs: number;
  useableStartMs?: number;
  useableStopMs?: number;
  interpolation?: OemInterpolation;
  interpolationDegree?: number;
  comments: string[];
}

export interface OemSegment {
  /** 1-based position of the segment in its file. */
  index: number;
  /** 1-based line of its META_START (or <segment>). */
  line: number;
  metadata: OemMetadata;
  /** Strictly increasing in time. */
  states: OemState[];
  covariances: OemCovariance[];
  /** COMMENT lines at the start of the data (and of the covariance section). */
  dataComments: string[];
}

export interface OemHeader {
  version: OemVersion;
  creationDate: string;
  originator: string;
  /** Version 3.0 only. */
  messageId?: string;
  comments: string[];
}

export interface OemMessage {
  format: OemFormat;
  header: OemHeader;
  /** The segments that loaded, in file order. */
  segments: OemSegment[];
}

/** The whole result: what loaded and, beside it, every segment refused and why. */
export type OemReadResult =
  { ok: true; message: OemMessage; rejected: OemIssue[] } | { ok: false; errors: OemIssue[] };
