import { create } from 'zustand';

/** Playback rates offered, from real time to ±3,600×. */
export const PLAYBACK_RATES = [-3600, -600, -60, -10, 1, 10, 60, 600, 3600] as const;

/** The scrubber spans this much either side of the start time. */
export const SCRUB_HALF_SPAN_MS = 7 * 86_400_000;

interface ClockState {
  /** Simulation time at `anchorWallMs`. */
  anchorSimMs: number;
  anchorWallMs: number;
  rate: number;
  playing: boolean;
  /** The time the scrubber is centred on (now, or the catalog's median epoch). */
  startMs: number;
  /** The catalog's median epoch. */
  catalogEpochMs: number | null;
  /** Why the clock starts where it does, when that is not now. */
  startNote: string | null;
  /** Bumps when the time is set by hand (a seek), not by playback. */
  seekCount: number;
  setTime(simMs: number): void;
  setRate(rate: number): void;
  play(): void;
  pause(): void;
  setStart(startMs: number, catalogEpochMs: number | null, note: string | null): void;
  /** Follow another window's clock: its time now, rate, play state and scrubber centre. */
  follow(remote: { simMs: number; rate: number; playing: boolean; startMs: number }): void;
}

const wallNow = () => performance.now();

export const useClockStore = create<ClockState>()((set, get) => ({
  anchorSimMs: Date.now(),
  anchorWallMs: wallNow(),
  rate: 1,
  playing: true,
  startMs: Date.now(),
  catalogEpochMs: null,
  startNote: null,
  seekCount: 0,
  setTime: (simMs) =>
    set((s) => ({ anchorSimMs: simMs, anchorWallMs: wallNow(), seekCount: s.seekCount + 1 })),
  setRate: (rate) => set({ anchorSimMs: simNowMs(get()), anchorWallMs: wallNow(), rate }),
  play: () => set({ anchorSimMs: simNowMs(get()), anchorWallMs: wallNow(), playing: true }),
  pause: () => set({ anchorSimMs: simNowMs(get()), anchorWallMs: wallNow(), playing: false }),
  setStart: (startMs, catalogEpochMs, startNote) =>
    set((s) => ({
      startMs,
      catalogEpochMs,
      startNote,
      anchorSimMs: startMs,
      anchorWallMs: wallNow(),
      seekCount: s.seekCount + 1,
    })),
  follow: ({ simMs, rate, playing, startMs }) =>
    set((s) => ({
      anchorSimMs: simMs,
      anchorWallMs: wallNow(),
      rate,
      playing,
      startMs,
      // Only a jump counts as a seek; a matching running clock is a small correction.
      seekCount:
        Math.abs(simNowMs(s) - simMs) > 1000 * Math.max(1, Math.abs(rate))
          ? s.seekCount + 1
          : s.seekCount,
    })),
}));

type ClockAnchor = Pick<ClockState, 'anchorSimMs' | 'anchorWallMs' | 'rate' | 'playing'>;

/** Simulation time now; cheap enough for every frame. */
export function simNowMs(clock: ClockAnchor = useClockStore.getState()): number {
  if (!clock.playing) return clock.anchorSimMs;
  return clock.anchorSimMs + (wallNow() - clock.anchorWallMs) * clock.rate;
}
