import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useCatalogStore, type CatalogSource, type LoadReport } from '../state/catalogStore';
import { useRefreshStore } from '../state/refreshStore';

// The loads themselves are the loader's (tested there); here: when they are asked for, and
// what a failure leaves.
const loads: { what: string; options: unknown }[] = [];
let nextLoadFails: string | null = null;
vi.mock('./catalogLoader', () => {
  const load = (what: string, options: unknown) => {
    loads.push({ what, options });
    if (nextLoadFails) {
      useCatalogStore.getState().failed(nextLoadFails);
      return Promise.resolve(false);
    }
    return Promise.resolve(true);
  };
  return {
    loadCelestrakGroup: (group: string, options: unknown) => load(`celestrak:${group}`, options),
    loadCatalogUrl: (url: string, _kind: string, options: unknown) => load(url, options),
  };
});
const { setRefreshInterval, startCatalogRefresh } = await import('./catalogRefresh');

const H = 3_600_000;
const NOW = Date.parse('2026-12-01T10:00:00Z');

function loaded(source: CatalogSource): void {
  useCatalogStore.getState().loaded([], { source } as unknown as LoadReport);
}

describe('catalog refresh on a schedule', () => {
  let stop: () => void;
  beforeEach(() => {
    vi.useFakeTimers({ now: NOW });
    loads.length = 0;
    nextLoadFails = null;
    useRefreshStore
      .getState()
      .set({ intervalMs: null, chosenIntervalMs: null, nextAtMs: null, failure: null, note: null });
    stop = startCatalogRefresh();
  });
  afterEach(() => {
    setRefreshInterval(null);
    stop();
    vi.useRealTimers();
  });

  it('refuses a CelesTrak group more often than every two hours; runs at the interval, keeping the clock', async () => {
    loaded({ kind: 'celestrak', label: 'CelesTrak active', ref: 'active', fetchedAtMs: NOW });
    expect(setRefreshInterval(H)).toMatch(/at most every 2 hours/);
    expect(useRefreshStore.getState().intervalMs).toBeNull();
    expect(setRefreshInterval(3 * H)).toBeNull();
    expect(useRefreshStore.getState().nextAtMs).toBe(NOW + 3 * H);
    await vi.advanceTimersByTimeAsync(3 * H - 2000);
    expect(loads).toEqual([]);
    await vi.advanceTimersByTimeAsync(2000);
    expect(loads).toEqual([{ what: 'celestrak:active', options: { keepClock: true } }]);
  });

  it('a failed refresh keeps the catalog, says why, and tries again an interval later', async () => {
    loaded({ kind: 'url', label: 'https://x/cat.json', ref: 'https://x/cat.json' });
    setRefreshInterval(10 * 60_000);
    nextLoadFails = 'Could not fetch https://x/cat.json: HTTP 503';
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(loads).toHaveLength(1);
    const s = useRefreshStore.getState();
    expect(s.failure).toEqual({
      atMs: NOW + 10 * 60_000,
      message: 'Could not fetch https://x/cat.json: HTTP 503',
    });
    expect(s.nextAtMs).toBe(NOW + 20 * 60_000);
    nextLoadFails = null;
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(loads).toHaveLength(2);
  });

  it('a local file turns the schedule off, saying why', () => {
    loaded({ kind: 'snapshot', label: 'Offline snapshot', ref: 'snapshot/x.csv' });
    expect(setRefreshInterval(30 * 60_000)).toBeNull();
    loaded({ kind: 'file', label: 'mine.tle' });
    const s = useRefreshStore.getState();
    expect(s.intervalMs).toBeNull();
    expect(s.nextAtMs).toBeNull();
    expect(s.note).toBe('Refresh off: a local file cannot be refreshed: open it again');
  });

  it("the operator's choice comes back with the next source that can refresh", () => {
    loaded({ kind: 'url', label: 'https://x/cat.json', ref: 'https://x/cat.json' });
    expect(setRefreshInterval(30 * 60_000)).toBeNull();
    loaded({ kind: 'file', label: 'mine.tle' });
    expect(useRefreshStore.getState()).toMatchObject({
      intervalMs: null,
      chosenIntervalMs: 30 * 60_000,
    });
    loaded({ kind: 'url', label: 'https://x/cat.json', ref: 'https://x/cat.json' });
    expect(useRefreshStore.getState()).toMatchObject({
      intervalMs: 30 * 60_000,
      nextAtMs: NOW + 30 * 60_000,
      note: null,
    });
    // A CelesTrak group cannot take 30 min: off, saying why, and the choice is kept.
    loaded({ kind: 'celestrak', label: 'CelesTrak active', ref: 'active', fetchedAtMs: NOW });
    expect(useRefreshStore.getState()).toMatchObject({
      intervalMs: null,
      chosenIntervalMs: 30 * 60_000,
      note: 'Refresh off: CelesTrak groups refresh at most every 2 hours (CelesTrak asks for no more)',
    });
  });
});
