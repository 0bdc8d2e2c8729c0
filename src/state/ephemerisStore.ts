import { create } from 'zustand';
import type { OemIssue } from '../domain/oem/issues';
import type { OemMessage, OemSegment } from '../domain/oem/types';

/** An OEM file loaded in the browser: one object (the reader refuses a second one in a file). */
export interface LoadedEphemeris {
  fileName: string;
  /** As read: the file's own frames (for the panel and export), epochs on UTC. */
  message: OemMessage;
  /** The same segments in TEME (drawing, screening, covariance in RTN). */
  teme: OemSegment[];
  /** Usable spans of the segments, ms. */
  spansMs: [number, number][];
  /** Segments the reader refused while the others loaded. */
  rejected: OemIssue[];
  /** The catalog number it goes by (see services/drawnObjects), set when the catalog is composed. */
  id: number;
  /** A catalog object with that number is loaded: its SGP4 draws it outside the spans. */
  hasCounterpart: boolean;
  /**
   * A second OEM of an object already loaded: a planned manoeuvre, drawn as an object of its own
   * and screened against its nominal (the file named here) rather than replacing it.
   */
  plannedFor: string | null;
}

interface EphemerisState {
  entries: LoadedEphemeris[];
  set(entries: LoadedEphemeris[]): void;
}

/** The nominal ephemerides (the ones that stand in and are screened by default). */
export const nominalEntries = (entries: readonly LoadedEphemeris[]) =>
  entries.filter((e) => e.plannedFor === null);

export const useEphemerisStore = create<EphemerisState>()((set) => ({
  entries: [],
  set: (entries) => set({ entries }),
}));

/** The ephemeris drawn as catalog number `id`, if any. */
export function ephemerisById(
  entries: readonly LoadedEphemeris[],
  id: number | null,
): LoadedEphemeris | undefined {
  return id === null ? undefined : entries.find((e) => e.id === id);
}
