import type { RecordIssue } from './recordIssues';
/** Object type as the SATCAT names it; UNKNOWN when neither metadata nor the name tells. */
export type ObjectType = 'PAYLOAD' | 'ROCKET BODY' | 'DEBRIS' | 'UNKNOWN';

/** Orbit regime by period and eccentricity (see derive.ts for the exact boundaries). */
export type OrbitRegime = 'LEO' | 'MEO' | 'GEO' | 'HEO';

export type CatalogFormat = 'TLE' | 'OMM-JSON' | 'OMM-CSV' | 'OMM-XML';

/**
 * One element set: SGP4 mean elements in TEME, as carried by a CCSDS OMM or a TLE.
 * Units follow the OMM keywords; the epoch keeps sub-millisecond precision
 * (TLE day fractions resolve 0.864 ms, CelesTrak OMM epochs resolve 1 µs).
 */
export interface ElementSet {
  objectName: string;
  /** International designator, e.g. "1998-067A"; empty when the source has none. */
  objectId: string;
  /** NORAD catalog number; may exceed 99,999 (only OMM can carry those). */
  noradCatId: number;
  /** Epoch, UTC, milliseconds since 1970-01-01 (fractional). */
  epochMs: number;
  meanMotionRevPerDay: number;
  eccentricity: number;
  inclinationDeg: number;
  raOfAscNodeDeg: number;
  argOfPericenterDeg: number;
  meanAnomalyDeg: number;
  /** B* drag term, 1/earth radii. */
  bstar: number;
  /** First derivative of mean motion / 2, rev/day². */
  meanMotionDot: number;
  /** Second derivative of mean motion / 6, rev/day³. */
  meanMotionDdot: number;
  classificationType: string;
  elementSetNo: number;
  revAtEpoch: number;
  ephemerisType: number;
  /** OBJECT_TYPE from OMM/SATCAT metadata when the source carries it. */
  objectType?: ObjectType;
}

/** Why one record of a catalog file was not loaded. */
export interface RejectedRecord {
  /** 1-based record number within the file (TLE: element set; CSV: data row; JSON/XML: array item). */
  record: number;
  /**
   * 1-based line number in the file, where the format has lines: the line at fault when one
   * line is (e.g. a TLE's line 2 with a bad checksum), else the record's first line.
   */
  line?: number;
  /** The field at fault, in the format's own terms (e.g. "checksum", "ECCENTRICITY"). */
  field: string;
  /** The issue in English (the command line's); `issue` is the same as a code and values. */
  reason: string;
  issue: RecordIssue;
}

/** Where an accepted element set came from in the file. */
export interface RecordOrigin {
  /** 1-based record number, counted as in RejectedRecord. */
  record: number;
  /** 1-based line number of the record's first line, where the format has lines. */
  line?: number;
}

export interface ParsedCatalog {
  format: CatalogFormat;
  elements: ElementSet[];
  rejected: RejectedRecord[];
  /**
   * origins[i] says where elements[i] came from, so later stages (SGP4 init) can name the
   * record they reject. The parsers always fill it.
   */
  origins?: RecordOrigin[];
}

/** An element set that initialised SGP4, with the facts derived from it. */
export interface CatalogObject extends ElementSet {
  type: ObjectType;
  regime: OrbitRegime;
  perigeeKm: number;
  apogeeKm: number;
  periodMin: number;
  /**
   * Set on an OEM object the catalog does not have: its elements only describe it (osculating,
   * see oem/display.ts); its states come from the ephemeris and it is never screened as SGP4.
   */
  ephemerisOnly?: true;
}

/** A whole load: objects ready to propagate, and everything that was dropped. */
export interface LoadedCatalog {
  format: CatalogFormat;
  objects: CatalogObject[];
  rejected: RejectedRecord[];
  /** Records dropped because a newer epoch of the same catalog number was kept. */
  duplicatesDropped: number;
}
