import type { ElementSet } from '../catalog/types';
import type { OemSegment } from '../oem/types';

/** A screening volume around the primary, in its radial / transverse / normal frame. */
export interface ScreeningVolume {
  shape: 'box' | 'ellipsoid';
  /** Half-extents (box) or semi-axes (ellipsoid), km: radial, transverse, normal. */
  halfRtnKm: [number, number, number];
}

export interface ScreeningOptions {
  /** Window start, ms since 1970 UTC. */
  startMs: number;
  /** Window length in hours (at most 168). */
  durationHours: number;
  /** Miss-distance threshold, km (default 5). Ignored for acceptance when a volume is given. */
  thresholdKm?: number;
  /** Catalog numbers of the primaries; empty or absent: all against all. */
  primaries?: number[];
  volume?: ScreeningVolume;
  /**
   * Objects whose states come from ephemerides. One with the catalog number of a catalog object
   * stands in for it wherever the ephemeris covers the time; the others are screened only there.
   */
  ephemerides?: ScreeningEphemeris[];
  /** Tuning (defaults measured, see README in this folder). */
  sampleStepS?: number;
  fineStepS?: number;
  chunkHours?: number;
}

/**
 * An ephemeris object: an OEM's segments for one object, already in TEME (messageToTeme), its
 * states interpolated by each segment's own method within the segment's usable span.
 */
export interface ScreeningEphemeris {
  /** Catalog number: the catalog object it stands in for, or a number no catalog object has. */
  id: number;
  name: string;
  /** Where it came from (file and OBJECT_ID), for output. */
  label: string;
  /** The OEM's OBJECT_ID, to tell two ephemerides of one object (nominal and planned) apart. */
  objectId?: string;
  segments: OemSegment[];
}

/** Where an object's states came from at an instant. */
export type StateSource = 'sgp4' | 'ephemeris';

/** What an ephemeris covered in the window. */
export interface EphemerisCoverage {
  id: number;
  name: string;
  label: string;
  /** True when a catalog object with the same number exists (its SGP4 fills the gaps). */
  standsIn: boolean;
  /**
   * Parts of the window screened with the ephemeris (ms since 1970 UTC): whole sample steps
   * inside one usable span. The rest of the window is screened with the catalog object's SGP4
   * when standsIn, else not screened at all.
   */
  screenedMs: [number, number][];
}

/** Options with every default filled in and derived figures computed. */
export interface ResolvedOptions {
  startMs: number;
  endMs: number;
  thresholdKm: number;
  /** Radius (km) beyond which no event can be accepted (threshold, or the volume's reach). */
  reachKm: number;
  primaries: number[];
  volume: ScreeningVolume | null;
  sampleStepS: number;
  fineStepS: number;
  chunkS: number;
  chunkCount: number;
}

/** One close approach. Object 1 is the primary (all against all: the lower catalog number). */
export interface ConjunctionEvent {
  id1: number;
  name1: string;
  id2: number;
  name2: string;
  /** Time of closest approach, ms since 1970 UTC (fractional). */
  tcaMs: number;
  tca: string;
  rangeKm: number;
  relSpeedKmS: number;
  /** Miss vector (object 2 − object 1) in object 1's radial / transverse / normal frame, km. */
  ricKm: [number, number, number];
  /**
   * Days since each object's element epoch at TCA (an ephemeris object: since the first state of
   * the segment used).
   */
  dse1: number;
  dse2: number;
  /** Where each object's state at TCA came from (the engine always says; absent: SGP4). */
  source1?: StateSource;
  source2?: StateSource;
  /** TEME states at TCA: [x, y, z] km, [vx, vy, vz] km/s. */
  state1: { rKm: [number, number, number]; vKmS: [number, number, number] };
  state2: { rKm: [number, number, number]; vKmS: [number, number, number] };
}

/** An object left out of (part of) the screening. */
export interface ScreeningFlag {
  id: number;
  name: string;
  /**
   * 'init': SGP4 would not start; 'propagation': SGP4 failed at failedAtMs (e.g. decay);
   * 'ephemeris-gap': an ephemeris object without a catalog counterpart is not screened in part of
   * the window (its coverage says where it is).
   */
  kind: 'init' | 'propagation' | 'ephemeris-gap';
  reason: string;
  failedAtMs?: number;
}

/** Counters, summed over chunks. */
export interface ScreeningStats {
  objects: number;
  /** Objects screened (SGP4 started, passed the apogee/perigee filter). */
  screened: number;
  /** Pairs whose padded perigee–apogee shells overlap. */
  pairsApogeePerigee: number;
  sgp4Calls: number;
  gridSteps: number;
  /** Pair-steps closer than the grid tolerance. */
  pairsGrid: number;
  /** Pair-windows in which the interpolated range rate crosses zero (a minimum). */
  pairsMinimum: number;
  /** Minima close enough to refine with SGP4. */
  pairsRefined: number;
  events: number;
}

/** Doubles per event in ChunkResult.packed (see packEvent and packEventAt in refine.ts). */
export const PACKED_EVENT_SIZE = 20;

export interface ChunkResult {
  chunk: number;
  /**
   * Events, PACKED_EVENT_SIZE doubles each: object indices (catalog-number order), TCA, range,
   * relative speed, RTN miss vector, both TEME states. Compact to send between threads; the
   * merge turns them back into ConjunctionEvents.
   */
  packed: Float64Array;
  flags: ScreeningFlag[];
  stats: ScreeningStats;
}

export interface ScreeningResult {
  /** The window screened, ms since 1970 UTC. */
  startMs: number;
  endMs: number;
  /**
   * Catalog numbers of the primaries screened against the whole catalog; empty: all against all.
   * An event of a pair that includes a primary (or any pair, all against all) within the window
   * and missing from this result was not found by this run.
   */
  primaries: number[];
  objects: number;
  events: ConjunctionEvent[];
  flags: ScreeningFlag[];
  /** One per ephemeris object, in catalog-number order (the engine always says; absent: none). */
  ephemerides?: EphemerisCoverage[];
  stats: ScreeningStats;
}

export type ScreeningInput = ElementSet[];
