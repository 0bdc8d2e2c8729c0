import type { ScreeningEphemeris } from '../domain/screening/types';
import { useCatalogStore } from '../state/catalogStore';
import { useEphemerisStore } from '../state/ephemerisStore';
import { useScreeningStore, type ScreeningRequest } from '../state/screeningStore';
import { useRecoveryStore } from '../state/recoveryStore';
import {
  defaultScreeningPoolSize,
  ScreeningCancelled,
  screenInBrowser,
} from '../workers/screeningPool';
import { recordScreeningRun } from './eventHistory';
import { yieldToPage } from './slices';
import { WorkerDiedError } from '../workers/supervisor';

let controller: AbortController | null = null;

/**
 * Screen the loaded catalog in the browser's worker pool; the events become updates of the event
 * history (events the run covered but no longer finds are marked dropped), under `label` (by default one naming the window,
 * threshold and primaries). Progress and failures go to the screening store. Returns whether
 * the run finished.
 */
export async function runScreening(asked: ScreeningRequest, label?: string): Promise<boolean> {
  const store = useScreeningStore.getState();
  if (store.running) return false;
  // Ephemeris-only objects are screened from their OEM, never from their descriptive elements.
  const objects = useCatalogStore.getState().objects.filter((o) => !o.ephemerisOnly);
  const ephemerides = screeningEphemerides();
  // As the CLI: with ephemerides loaded and no primaries named, the ephemerides are the primaries.
  const request =
    asked.primaries.length === 0 && ephemerides.length > 0
      ? { ...asked, primaries: ephemerides.map((e) => e.id) }
      : asked;
  if (objects.length + ephemerides.length < 2) {
    store.set({ error: 'Load a catalog with at least two objects first' });
    return false;
  }
  controller = new AbortController();
  store.set({ running: true, chunksDone: 0, chunkCount: 0, eventsBuilt: null, error: null });
  const started = performance.now();
  try {
    const result = await screenInBrowser(
      objects,
      {
        startMs: request.startMs,
        durationHours: request.durationHours,
        thresholdKm: request.thresholdKm,
        primaries: request.primaries,
        ephemerides,
      },
      (p) =>
        useScreeningStore.getState().set({ chunksDone: p.chunksDone, chunkCount: p.chunkCount }),
      controller.signal,
      defaultScreeningPoolSize(),
      {
        onDeath: (death) =>
          useRecoveryStore.getState().report({ kind: 'worker-died', pool: 'screening', ...death }),
      },
      undefined,
      yieldToPage,
    );
    const screenedMs = performance.now() - started;
    const when = new Date(request.startMs).toISOString().slice(0, 16).replace('T', ' ');
    const scope = asked.primaries.length
      ? `${request.primaries.length} primaries`
      : ephemerides.length
        ? `${ephemerides.length} ephemeris primar${ephemerides.length === 1 ? 'y' : 'ies'}`
        : 'all vs all';
    await recordScreeningRun(
      result,
      label ??
        `screening ${when} UTC + ${request.durationHours} h, ${request.thresholdKm} km, ${scope}`,
      request,
      Date.now(),
      ephemerides,
      (done, total) => useScreeningStore.getState().set({ eventsBuilt: { done, total } }),
    );
    useScreeningStore.getState().set({
      last: {
        request,
        events: result.events.length,
        flagged: result.flags.length,
        wallMs: performance.now() - started,
        screenMs: screenedMs,
        stats: result.stats,
      },
    });
    return true;
  } catch (error) {
    const message =
      error instanceof ScreeningCancelled
        ? 'Screening cancelled'
        : error instanceof WorkerDiedError
          ? `Screening failed: ${error.message}; the event list is unchanged`
          : `Screening failed: ${error instanceof Error ? error.message : String(error)}`;
    useScreeningStore.getState().set({ error: message });
    return false;
  } finally {
    controller = null;
    useScreeningStore.getState().set({ running: false, eventsBuilt: null });
  }
}

/** The loaded OEMs as screening objects (their catalog numbers settled by drawnObjects). */
function screeningEphemerides(): ScreeningEphemeris[] {
  return useEphemerisStore.getState().entries.map((e) => ({
    id: e.id,
    name: e.message.segments[0].metadata.objectName,
    label: `${e.fileName} (${e.message.segments[0].metadata.objectId})`,
    segments: e.teme,
  }));
}

export function cancelScreening(): void {
  controller?.abort();
}
