import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CatalogObject } from '../domain/catalog/types';
import { runLabelText, type RunDescription } from '../domain/screening/runs';
import { useCatalogStore, type LoadReport } from '../state/catalogStore';
import { useClockStore } from '../state/clockStore';
import { useScreeningStore, type ScreeningRequest } from '../state/screeningStore';
import { useWatchListStore } from '../state/watchListStore';

// The worker pool is not under test here: a stand-in that records each run and finishes when
// told to, as the real runner does (running flag, last run).
const runs: {
  request: ScreeningRequest;
  label?: string;
  done: boolean;
  finish(ok: boolean): void;
}[] = [];
const cancelScreening = vi.fn();
vi.mock('./screeningRunner', () => ({
  cancelScreening: () => cancelScreening(),
  runScreening: (request: ScreeningRequest, described?: RunDescription) => {
    useScreeningStore.getState().set({ running: true });
    return new Promise<boolean>((resolve) => {
      const run = {
        request,
        label: described && runLabelText(described),
        done: false,
        finish: (ok: boolean) => {
          run.done = true;
          useScreeningStore.getState().set({
            running: false,
            error: ok ? null : 'Screening cancelled',
            failure: ok ? null : { code: 'cancelled' },
          });
          resolve(ok);
        },
      };
      runs.push(run);
    });
  },
}));
const { rescreenRun, startWatchRescreen } = await import('./watchRescreen');

const T0 = Date.parse('2024-11-01T00:00:00Z');
const object = (id: number) => ({ noradCatId: id, objectName: `OBJ ${id}` }) as CatalogObject;

function loadCatalog(ids: number[], label = 'test.csv'): void {
  useCatalogStore.getState().loaded(ids.map(object), {
    source: { kind: 'url', label, ref: label, fetchedAtMs: Date.parse('2026-12-01T09:30:00Z') },
  } as LoadReport);
  // The loader sets the clock in the same task.
  useClockStore.getState().setStart(T0, T0, null);
  useClockStore.getState().pause();
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('re-screening the watch list on each new catalog', () => {
  let stop: () => void;
  beforeEach(() => {
    runs.length = 0;
    cancelScreening.mockClear();
    useScreeningStore.getState().set({ running: false });
    useWatchListStore.getState().setEntries([
      { noradId: 1, label: '', hbrM: null, note: '' },
      { noradId: 9, label: '', hbrM: null, note: '' },
    ]);
    useWatchListStore.getState().setRestored();
    stop = startWatchRescreen();
  });
  afterEach(async () => {
    for (const run of runs) if (!run.done) run.finish(false);
    await flush();
    stop();
  });

  it('screens the watched objects in the catalog from the clock, 7 days, 5 km, labelled', async () => {
    loadCatalog([1, 2, 3]);
    await flush();
    expect(runs).toHaveLength(1);
    expect(runs[0].request).toEqual({
      startMs: T0,
      durationHours: 168,
      thresholdKm: 5,
      primaries: [1],
    });
    expect(runs[0].label).toBe(
      'watch list (1) vs test.csv of 2026-12-01 09:30 UTC: 2024-11-01 00:00 UTC + 168 h, 5 km',
    );
    expect(useWatchListStore.getState().rescreenStatus).toMatchObject({
      state: 'running',
      missing: [9],
    });
    runs[0].finish(true);
    await flush();
    expect(useWatchListStore.getState().rescreenStatus?.state).toBe('done');
  });

  it('a newer catalog cancels the re-screening of the older one and runs again', async () => {
    loadCatalog([1, 2]);
    await flush();
    loadCatalog([1, 2, 9], 'newer.csv');
    await flush();
    expect(cancelScreening).toHaveBeenCalledTimes(1);
    runs[0].finish(false);
    await flush();
    expect(runs).toHaveLength(2);
    expect(runs[1].request.primaries).toEqual([1, 9]);
    expect(runs[1].label).toContain('newer.csv');
  });

  it("waits for someone else's screening, and is off when the setting is", async () => {
    useScreeningStore.getState().set({ running: true });
    loadCatalog([1, 2]);
    await flush();
    expect(runs).toHaveLength(0);
    expect(cancelScreening).not.toHaveBeenCalled();
    useScreeningStore.getState().set({ running: false });
    await flush();
    expect(runs).toHaveLength(1);
    runs[0].finish(true);
    await flush();

    useWatchListStore.getState().setRescreen({ auto: false });
    loadCatalog([1, 2, 3]);
    await flush();
    expect(runs).toHaveLength(1);
    useWatchListStore.getState().setRescreen({ auto: true });
  });

  it('names the catalog without a fetch time when it has none', () => {
    expect(runLabelText(rescreenRun('Offline snapshot', undefined, T0, 24, 2, 50))).toBe(
      'watch list (50) vs Offline snapshot: 2024-11-01 00:00 UTC + 24 h, 2 km',
    );
  });
});
