import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_OPERATOR_SETTINGS } from '../domain/settings/operatorSettings';
import { useCatalogStore, type LoadReport } from '../state/catalogStore';
import { useHistoryStore } from '../state/historyStore';
import { useRefreshStore } from '../state/refreshStore';
import { useSafeModeStore } from '../state/safeModeStore';
import { useWatchListStore } from '../state/watchListStore';
import { setRefreshInterval } from './catalogRefresh';
import { SETTINGS_KEY, startOperatorSettings } from './operatorSettings';

/** localStorage with a quota switch, and a window that can deliver another tab's change. */
class MemoryStorage {
  items = new Map<string, string>();
  full = false;
  getItem = (k: string) => this.items.get(k) ?? null;
  setItem = (k: string, v: string) => {
    if (this.full) throw new DOMException('quota exceeded', 'QuotaExceededError');
    this.items.set(k, v);
  };
}
const storage = new MemoryStorage();
const page = new EventTarget();
Object.assign(globalThis, { localStorage: storage, window: page });

const H = 3_600_000;
const stored = () => JSON.parse(storage.getItem(SETTINGS_KEY) ?? 'null');
const otherTab = (newValue: string) =>
  page.dispatchEvent(Object.assign(new Event('storage'), { key: SETTINGS_KEY, newValue }));

describe('operator settings between visits and tabs', () => {
  let stop = () => {};
  beforeEach(() => {
    storage.items.clear();
    storage.full = false;
    useSafeModeStore.setState({ active: false });
    useWatchListStore.getState().setAlert(null);
    useWatchListStore.getState().setRescreen(DEFAULT_OPERATOR_SETTINGS.rescreen);
    useHistoryStore.getState().setThresholds(DEFAULT_OPERATOR_SETTINGS.alerts);
    useRefreshStore.getState().set({ intervalMs: null, chosenIntervalMs: null, note: null });
    useCatalogStore.getState().loaded([], {
      source: { kind: 'url', label: 'u', ref: 'https://x/c.json' },
    } as unknown as LoadReport);
  });
  afterEach(() => {
    stop();
    setRefreshInterval(null);
  });

  it('writes what the operator sets and reads it back on the next visit', () => {
    stop = startOperatorSettings(true);
    expect(setRefreshInterval(6 * H)).toBeNull();
    useWatchListStore.getState().setRescreen({ durationHours: 24, thresholdKm: 2 });
    useHistoryStore.getState().setThresholds({ redPc: 1e-3 });
    expect(stored()).toMatchObject({
      refreshIntervalMs: 6 * H,
      rescreen: { auto: true, durationHours: 24, thresholdKm: 2 },
      alerts: { redPc: 1e-3, yellowPc: 1e-7, missKm: 1 },
    });
    stop();
    // A new visit: the stores start from their defaults.
    useWatchListStore.getState().setRescreen(DEFAULT_OPERATOR_SETTINGS.rescreen);
    useHistoryStore.getState().setThresholds(DEFAULT_OPERATOR_SETTINGS.alerts);
    useRefreshStore.getState().set({ intervalMs: null, chosenIntervalMs: null });
    stop = startOperatorSettings(true);
    expect(useWatchListStore.getState().rescreen).toEqual({
      auto: true,
      durationHours: 24,
      thresholdKm: 2,
    });
    expect(useHistoryStore.getState().thresholds.redPc).toBe(1e-3);
    expect(useRefreshStore.getState().intervalMs).toBe(6 * H);
    expect(useRefreshStore.getState().nextAtMs).not.toBeNull();
  });

  it('does not write a value being typed until it is sound', () => {
    stop = startOperatorSettings(true);
    useWatchListStore.getState().setRescreen({ durationHours: 48 });
    useWatchListStore.getState().setRescreen({ durationHours: 0 });
    expect(stored().rescreen.durationHours).toBe(48);
    useHistoryStore.getState().setThresholds({ yellowPc: 0.5 });
    expect(stored().alerts.yellowPc).toBe(1e-7);
  });

  it("follows another tab's change, without scheduling refreshes in a briefing tab", () => {
    stop = startOperatorSettings(false);
    otherTab(
      JSON.stringify({
        schemaVersion: 1,
        refreshIntervalMs: 2 * H,
        rescreen: { auto: false, durationHours: 12, thresholdKm: 1 },
        alerts: { redPc: 1e-5, yellowPc: 1e-8, missKm: 2 },
      }),
    );
    expect(useWatchListStore.getState().rescreen.auto).toBe(false);
    expect(useHistoryStore.getState().thresholds).toEqual({
      redPc: 1e-5,
      yellowPc: 1e-8,
      missKm: 2,
    });
    expect(useRefreshStore.getState().intervalMs).toBeNull();
    expect(storage.getItem(SETTINGS_KEY)).toBeNull();
  });

  it('names a refused stored part and uses its default; the rest applies', () => {
    storage.setItem(
      SETTINGS_KEY,
      JSON.stringify({
        schemaVersion: 1,
        refreshIntervalMs: 7,
        rescreen: { auto: false, durationHours: 12, thresholdKm: 1 },
        alerts: { redPc: 1e-5, yellowPc: 1e-8, missKm: 2 },
      }),
    );
    stop = startOperatorSettings(true);
    expect(useWatchListStore.getState().rescreen.durationHours).toBe(12);
    expect(useRefreshStore.getState().chosenIntervalMs).toBeNull();
    expect(useWatchListStore.getState().alert).toBe(
      'Stored settings partly refused, defaults used: refreshIntervalMs: 7 is not one of the offered intervals',
    );
  });

  it('reports storage that is full; the setting stays for this visit', () => {
    stop = startOperatorSettings(true);
    storage.full = true;
    useWatchListStore.getState().setRescreen({ thresholdKm: 3 });
    expect(useWatchListStore.getState().rescreen.thresholdKm).toBe(3);
    expect(useWatchListStore.getState().alert).toMatch(
      /^The settings could not be saved in the browser \(quota exceeded\)/,
    );
  });

  it('in safe mode reads and writes nothing', () => {
    storage.setItem(SETTINGS_KEY, JSON.stringify({ schemaVersion: 1, rescreen: 'x' }));
    useSafeModeStore.setState({ active: true });
    stop = startOperatorSettings(true);
    useWatchListStore.getState().setRescreen({ thresholdKm: 3 });
    expect(stored()).toEqual({ schemaVersion: 1, rescreen: 'x' });
    expect(useWatchListStore.getState().alert).toBeNull();
  });
});
