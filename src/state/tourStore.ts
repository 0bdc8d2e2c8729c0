import { create } from 'zustand';
import { DEFAULT_TOUR, type TourSettings, type TourStop } from '../domain/briefing/tour';

export type TourPhase = 'idle' | 'replay' | 'dwell';

interface TourState {
  settings: TourSettings;
  stops: TourStop[];
  /** The stop on screen, −1 before the tour starts. */
  index: number;
  phase: TourPhase;
  /** The presenter paused the tour (Space). */
  paused: boolean;
  /** performance.now() when the current phase began. */
  phaseSinceMs: number;
  set(partial: Partial<Omit<TourState, 'set'>>): void;
}

export const useTourStore = create<TourState>()((set) => ({
  settings: DEFAULT_TOUR,
  stops: [],
  index: -1,
  phase: 'idle',
  paused: false,
  phaseSinceMs: 0,
  set: (partial) => set(partial),
}));
