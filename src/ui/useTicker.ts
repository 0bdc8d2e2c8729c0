import { useEffect, useState } from 'react';
import { simNowMs, useClockStore } from '../state/clockStore';

/** Simulation time for display, refreshed a few times a second (never every frame). */
export function useSimTime(intervalMs = 250): number {
  const clock = useClockStore();
  // Re-render on a timer while playing; the time itself is derived from the clock's anchor.
  const [, setTick] = useState(0);
  useEffect(() => {
    if (!clock.playing) return;
    const id = setInterval(() => setTick((n) => n + 1), intervalMs);
    return () => clearInterval(id);
  }, [clock.playing, intervalMs]);
  return simNowMs(clock);
}

/** Wall-clock now, refreshed every `intervalMs` (for data ages). */
export function useWallNow(intervalMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(id);
  }, [intervalMs]);
  return now;
}
