import type { ElementSet } from '../catalog/types';

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
  /** Tuning (defaults measured, see README in this folder). */
  sampleStepS?: number;
  fineStepS?: number;
  chunkHours?: number;
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
  /** Days since each object's element epoch at TCA. */
  dse1: number;
  dse2: number;
  /** TEME states at TCA: [x, y, z] km, [vx, vy, vz] km/s. */
  state1: { rKm: [number, number, number]; vKmS: [number, number, number] };
  state2: { rKm: [number, number, number]; vKmS: [number, number, number] };
}

/** An object left out of (part of) the screening. */
export interface ScreeningFlag {
  id: number;
  name: string;
  /** 'init': SGP4 would not start; 'propagation': SGP4 failed at failedAtMs (e.g. decay). */
  kind: 'init' | 'propagation';
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

/** Doubles per event in ChunkResult.packed (see packEvent in refine.ts). */
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
  stats: ScreeningStats;
}

export type ScreeningInput = ElementSet[];
