import { nextRefreshMs, refreshIntervalProblem } from '../domain/catalog/refreshSchedule';
import { useCatalogStore, type CatalogSource } from '../state/catalogStore';
import { useRefreshStore } from '../state/refreshStore';
import { loadCatalogUrl, loadCelestrakGroup } from './catalogLoader';

/**
 * Refresh the loaded catalog's source on the operator's schedule. A refresh is an ordinary load
 * (queued behind any other, the clock kept); when it fails the catalog on screen stays and the
 * failure is kept for the status line until a later refresh succeeds.
 */

let timer: ReturnType<typeof setTimeout> | null = null;
/** Wall time of the last load or refresh attempt of the current source. */
let lastAttemptMs = Date.now();

const refresh = () => useRefreshStore.getState();

function schedule(): void {
  if (timer !== null) clearTimeout(timer);
  timer = null;
  const { intervalMs } = refresh();
  const source = useCatalogStore.getState().source;
  if (intervalMs === null || !source) {
    refresh().set({ nextAtMs: null });
    return;
  }
  const nextAtMs = nextRefreshMs(source.kind, intervalMs, lastAttemptMs, source.fetchedAtMs);
  refresh().set({ nextAtMs });
  timer = setTimeout(() => void refreshNow(source), Math.max(1000, nextAtMs - Date.now()));
}

function reload(source: CatalogSource): Promise<boolean> {
  if (source.kind === 'celestrak' && source.ref) {
    return loadCelestrakGroup(source.ref, { keepClock: true });
  }
  if ((source.kind === 'url' || source.kind === 'snapshot') && source.ref) {
    return loadCatalogUrl(source.ref, source.kind, { keepClock: true });
  }
  return Promise.resolve(false);
}

async function refreshNow(source: CatalogSource): Promise<void> {
  timer = null;
  refresh().set({ nextAtMs: null });
  lastAttemptMs = Date.now();
  const ok = await reload(source);
  if (!ok) {
    const message = useCatalogStore.getState().error ?? 'the load failed';
    refresh().set({ failure: { atMs: lastAttemptMs, message } });
    // A newer catalog from elsewhere has rescheduled already; otherwise try again next interval.
    if (useCatalogStore.getState().source === source) schedule();
  }
}

/**
 * Set the schedule (null: off). Returns why it was refused (the schedule is then unchanged), or
 * null.
 */
export function setRefreshInterval(intervalMs: number | null): string | null {
  const source = useCatalogStore.getState().source;
  if (intervalMs !== null) {
    const problem = source
      ? refreshIntervalProblem(source.kind, intervalMs)
      : 'load a catalog first';
    if (problem) {
      refresh().set({ note: problem });
      return problem;
    }
  }
  refresh().set({ intervalMs, chosenIntervalMs: intervalMs, note: null, failure: null });
  schedule();
  return null;
}

/** Put the operator's choice in force as far as the catalog's source allows (say why not). */
export function applyRefreshChoice(chosenIntervalMs: number | null): void {
  const source = useCatalogStore.getState().source;
  const problem =
    chosenIntervalMs !== null && source
      ? refreshIntervalProblem(source.kind, chosenIntervalMs)
      : null;
  refresh().set({
    chosenIntervalMs,
    intervalMs: problem ? null : chosenIntervalMs,
    note: problem ? `Refresh off: ${problem}` : null,
  });
  schedule();
}

/** Keep the schedule in step with the catalog: each new catalog restarts the interval. */
export function startCatalogRefresh(): () => void {
  return useCatalogStore.subscribe((s, prev) => {
    if (s.version === prev.version) return;
    lastAttemptMs = Date.now();
    refresh().set({ failure: null });
    applyRefreshChoice(refresh().chosenIntervalMs);
  });
}
