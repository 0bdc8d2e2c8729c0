import { create } from 'zustand';
import type { ManoeuvreComparison } from '../domain/screening/compare';
import { screeningInputText, type ScreeningInputIssue } from '../domain/screening/inputIssues';
import type { EphemerisCoverage, ScreeningStats } from '../domain/screening/types';

export interface ScreeningRequest {
  startMs: number;
  durationHours: number;
  thresholdKm: number;
  /** Catalog numbers of the primaries; empty: all against all. */
  primaries: number[];
}

export interface ScreeningRunSummary {
  request: ScreeningRequest;
  events: number;
  flagged: number;
  /** From start to the list updated. */
  wallMs: number;
  /** From start to the workers' merged result (the rest builds the event list). */
  screenMs: number;
  stats: ScreeningStats;
  /** Where each ephemeris primary was screened from its file (elsewhere SGP4 or nothing). */
  coverage: EphemerisCoverage[];
  /** A planned manoeuvre screened against its nominal in the same run, when one is loaded. */
  comparison: {
    objectName: string;
    nominalFile: string;
    plannedFile: string;
    plannedCoverage: EphemerisCoverage | null;
    result: ManoeuvreComparison;
  } | null;
}

/** Why a run did not finish, as data: the interface words it; `detail` is a worker's English. */
export type ScreeningFailure =
  | { code: 'tooFewObjects' | 'cancelled' }
  | { code: 'workerDied' | 'failed'; detail: string }
  /** Options or inputs refused before the run (what the command line prints as usage). */
  | { code: 'input'; issue: ScreeningInputIssue };

export function screeningFailureText(f: ScreeningFailure): string {
  switch (f.code) {
    case 'tooFewObjects':
      return 'Load a catalog with at least two objects first';
    case 'cancelled':
      return 'Screening cancelled';
    case 'workerDied':
      return `Screening failed: ${f.detail}; the event list is unchanged`;
    case 'failed':
      return `Screening failed: ${f.detail}`;
    case 'input':
      return `Screening failed: ${screeningInputText(f.issue)}`;
  }
}

interface ScreeningState {
  running: boolean;
  chunksDone: number;
  chunkCount: number;
  /** Events made into the event list so far, once the workers are done (null before). */
  eventsBuilt: { done: number; total: number } | null;
  /** The last finished run. */
  last: ScreeningRunSummary | null;
  /** Why the last run stopped, when it did not finish (English; `failure` is the same as data). */
  error: string | null;
  failure: ScreeningFailure | null;
  set(partial: Partial<Omit<ScreeningState, 'set'>>): void;
}

export const useScreeningStore = create<ScreeningState>()((set) => ({
  running: false,
  chunksDone: 0,
  chunkCount: 0,
  eventsBuilt: null,
  last: null,
  error: null,
  failure: null,
  set: (partial) => set(partial),
}));
