import type { RunDescription } from '../domain/screening/runs';
import { useCatalogStore } from '../state/catalogStore';
import { simNowMs } from '../state/clockStore';
import { useScreeningStore } from '../state/screeningStore';
import { useWatchListStore } from '../state/watchListStore';
import { cancelScreening, runScreening } from './screeningRunner';

/**
 * Screen the watch list (primaries) against the whole catalog whenever a catalog is loaded or
 * refreshed, and on demand: from the clock's time, over the set window and threshold, in the
 * screening workers. The results go to the event history (recordScreeningRun), labelled
 * with the catalog and the window. A run waits for any screening under way; a newer catalog
 * cancels a re-screening of an older one and starts again.
 */

/** A re-screening is owed (asked for while a screening was running). */
let owed = false;
/** A re-screening of ours is running. */
let ours = false;

const watch = () => useWatchListStore.getState();

/** The run: what was screened, against which catalog, over which window. */
export function rescreenRun(
  catalog: string,
  fetchedAtMs: number | undefined,
  startMs: number,
  hours: number,
  thresholdKm: number,
  count: number,
): RunDescription {
  return {
    kind: 'rescreen',
    startMs,
    hours,
    thresholdKm,
    scope: {
      kind: 'watchList',
      count,
      catalog,
      ...(fetchedAtMs === undefined ? {} : { fetchedAtMs }),
    },
  };
}

async function run(): Promise<void> {
  owed = false;
  const { entries, rescreen } = watch();
  const { objects, indexById, source } = useCatalogStore.getState();
  if (!entries.length || !source) {
    watch().setRescreenStatus({
      state: 'skipped',
      missing: [],
      reason: { code: entries.length ? 'noCatalog' : 'emptyList' },
    });
    return;
  }
  const primaries = entries.map((e) => e.noradId).filter((id) => indexById.has(id));
  const missing = entries.map((e) => e.noradId).filter((id) => !indexById.has(id));
  if (!primaries.length) {
    watch().setRescreenStatus({ state: 'skipped', missing, reason: { code: 'noneInCatalog' } });
    return;
  }
  const startMs = Math.floor(simNowMs() / 1000) * 1000;
  const run = rescreenRun(
    // The run's English label says when the catalog was a stale copy, as the status line does.
    source.stale ? `${source.label} (cached copy, CelesTrak unreachable)` : source.label,
    // The snapshot's fetch time is only when this page loaded it.
    source.kind === 'snapshot' ? undefined : source.fetchedAtMs,
    startMs,
    rescreen.durationHours,
    rescreen.thresholdKm,
    primaries.length,
  );
  watch().setRescreenStatus({ state: 'running', run, missing });
  ours = true;
  const finished = await runScreening(
    {
      startMs,
      durationHours: rescreen.durationHours,
      thresholdKm: rescreen.thresholdKm,
      primaries,
    },
    run,
  );
  ours = false;
  // The objects screened are gone when a newer catalog cancelled this run; it is owed again.
  if (objects !== useCatalogStore.getState().objects) owed = true;
  const { last, failure } = useScreeningStore.getState();
  watch().setRescreenStatus(
    finished
      ? { state: 'done', run, missing, events: last?.events ?? 0 }
      : {
          state: 'failed',
          run,
          missing,
          reason: failure ? { code: 'screening', failure } : { code: 'notFinished' },
        },
  );
  if (owed) request();
}

/** Ask for a re-screening: now, or as soon as the screening under way stops. */
export function request(): void {
  owed = true;
  if (useScreeningStore.getState().running) {
    // Ours screens a catalog that is being replaced; someone else's run is left to finish.
    if (ours) cancelScreening();
    return;
  }
  void run();
}

/** The operator's "Re-screen now". */
export const rescreenNow = request;

/** Re-screen on every new catalog (when the setting is on) and once the stored list is back. */
export function startWatchRescreen(): () => void {
  let screenedVersion = -1;
  const maybe = () => {
    const { version, objects } = useCatalogStore.getState();
    const { auto } = watch().rescreen;
    if (!auto || !watch().restored || !objects.length || version === screenedVersion) return;
    if (!watch().entries.length) return;
    screenedVersion = version;
    request();
  };
  const offs = [
    useCatalogStore.subscribe((s, prev) => {
      // After the loader has set the clock for the new catalog (same task, just after this).
      if (s.version !== prev.version) queueMicrotask(maybe);
    }),
    useWatchListStore.subscribe((s, prev) => {
      if (s.restored && !prev.restored) maybe();
    }),
    useScreeningStore.subscribe((s, prev) => {
      if (prev.running && !s.running && owed && !ours) queueMicrotask(() => owed && void run());
    }),
  ];
  return () => offs.forEach((off) => off());
}
