import {
  planTour,
  REPLAY_AFTER_TCA_MS,
  stepIndex,
  watchedEvents,
  type TourSettings,
  type TourStop,
} from '../domain/briefing/tour';
import { simNowMs, SCRUB_HALF_SPAN_MS, useClockStore } from '../state/clockStore';
import { useConjunctionStore } from '../state/conjunctionStore';
import { notificationsInPeriod, useNotificationStore } from '../state/notificationStore';
import { useSyncStore } from '../state/syncStore';
import { useTourStore } from '../state/tourStore';
import { useWatchListStore } from '../state/watchListStore';

const TICK_MS = 250;

function stopKey(stop: TourStop | undefined): string | null {
  if (!stop) return null;
  return stop.kind === 'event' ? `event:${stop.key}` : `notification:${stop.id}`;
}

/** Rebuild the stops from the current events and notifications, keeping the current stop. */
function replan(): void {
  const tour = useTourStore.getState();
  const clock = useClockStore.getState();
  const all = useConjunctionStore
    .getState()
    .eventsSortedBy(tour.settings.rankBy === 'pc' ? 'pc' : 'range');
  const ranked = tour.settings.watchOnly
    ? watchedEvents(all, useWatchListStore.getState().ids)
    : all;
  const launches = notificationsInPeriod(
    useNotificationStore.getState().notifications,
    clock.startMs - SCRUB_HALF_SPAN_MS,
    clock.startMs + SCRUB_HALF_SPAN_MS,
  );
  const stops = planTour(ranked, launches, tour.settings);
  const current = stopKey(tour.stops[tour.index]);
  const index = current === null ? -1 : stops.findIndex((s) => stopKey(s) === current);
  tour.set({ stops, index, phase: index < 0 ? 'idle' : tour.phase });
}

/** Show stop `index`: an event is selected and its approach replayed; a launch window is shown. */
export function goToStop(index: number): void {
  const tour = useTourStore.getState();
  const stop = tour.stops[index];
  if (!stop) return;
  // The presenter's window drives the other displays from here on.
  const sync = useSyncStore.getState();
  if (sync.role === 'follower') sync.takeLead();
  tour.set({
    index,
    phase: stop.kind === 'event' ? 'replay' : 'dwell',
    phaseSinceMs: performance.now(),
  });
  if (stop.kind === 'event') {
    // Selecting pauses the clock shortly before TCA; the replay plays through it.
    useConjunctionStore.getState().select(stop.key);
    const clock = useClockStore.getState();
    clock.setRate(tour.settings.replayRate);
    if (!tour.paused) clock.play();
  } else {
    useNotificationStore.getState().requestFocus(stop.id);
  }
}

export function stepTour(delta: number): void {
  const { index, stops } = useTourStore.getState();
  goToStop(stepIndex(index, delta, stops.length));
}

export function toggleTourPause(): void {
  const tour = useTourStore.getState();
  const paused = !tour.paused;
  tour.set({ paused, phaseSinceMs: performance.now() });
  const clock = useClockStore.getState();
  if (paused) clock.pause();
  else if (tour.phase === 'replay') clock.play();
}

/** Advance the phases: a replay ends just after TCA and holds there; a kiosk moves on by itself. */
function tick(): void {
  const tour = useTourStore.getState();
  const stop = tour.stops[tour.index];
  if (!stop || tour.paused) return;
  if (
    tour.phase === 'replay' &&
    stop.kind === 'event' &&
    simNowMs() >= stop.tcaMs + REPLAY_AFTER_TCA_MS
  ) {
    const clock = useClockStore.getState();
    clock.pause();
    clock.setTime(stop.tcaMs);
    tour.set({ phase: 'dwell', phaseSinceMs: performance.now() });
  } else if (
    tour.phase === 'dwell' &&
    tour.settings.kiosk &&
    performance.now() - tour.phaseSinceMs >= tour.settings.dwellMs
  ) {
    stepTour(1);
  }
}

function onKey(event: KeyboardEvent): void {
  if (event.target instanceof HTMLInputElement || event.target instanceof HTMLSelectElement) return;
  const next = ['PageDown', 'ArrowRight', 'ArrowDown'];
  const previous = ['PageUp', 'ArrowLeft', 'ArrowUp'];
  if (next.includes(event.key)) stepTour(1);
  else if (previous.includes(event.key)) stepTour(-1);
  else if (event.key === ' ') toggleTourPause();
  else if (event.key === 'Home') goToStop(0);
  else return;
  event.preventDefault();
}

/**
 * The presenter-driven tour of a briefing: Page Down / arrows / a clicker step through the top
 * events (then the launch notifications of the period), Space pauses, a kiosk loops by itself.
 */
export function startBriefingTour(settings: TourSettings): () => void {
  useTourStore.getState().set({ settings });
  replan();
  const offs = [
    useConjunctionStore.subscribe((s, prev) => s.version !== prev.version && replan()),
    useNotificationStore.subscribe((s, prev) => s.notifications !== prev.notifications && replan()),
    useWatchListStore.subscribe((s, prev) => s.ids !== prev.ids && settings.watchOnly && replan()),
  ];
  window.addEventListener('keydown', onKey);
  const timer = setInterval(tick, TICK_MS);
  // A kiosk starts by itself once there is something to show.
  const kioskStart = settings.kiosk
    ? useTourStore.subscribe((s) => s.index < 0 && s.stops.length > 0 && goToStop(0))
    : () => undefined;
  if (settings.kiosk && useTourStore.getState().stops.length > 0) goToStop(0);
  return () => {
    offs.forEach((off) => off());
    kioskStart();
    window.removeEventListener('keydown', onKey);
    clearInterval(timer);
  };
}
