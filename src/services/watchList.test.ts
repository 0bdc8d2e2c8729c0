import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { beforeEach, describe, expect, it } from 'vitest';
import { useConjunctionStore } from '../state/conjunctionStore';
import { useWatchListStore } from '../state/watchListStore';
import {
  clearPersistedWatchList,
  exportWatchListCsv,
  importWatchListText,
  restoreWatchList,
  startWatchListHbrSync,
  startWatchListSync,
  toggleWatched,
  updateWatchEntry,
  watchObjects,
} from './watchList';

const reset = async () => {
  await clearPersistedWatchList();
  useWatchListStore.getState().setEntries([]);
  useWatchListStore.getState().setAlert(null);
};

describe('watch list service', () => {
  beforeEach(reset);

  it('keeps the list across a reload (IndexedDB)', async () => {
    await watchObjects([25544, 20580]);
    await updateWatchEntry(20580, { label: 'HST', hbrM: 6, note: 'n' });
    await toggleWatched(25544);
    await toggleWatched(48274);
    useWatchListStore.getState().setEntries([]); // what a reload starts with
    await restoreWatchList();
    expect(useWatchListStore.getState().entries).toEqual([
      { noradId: 20580, label: 'HST', hbrM: 6, note: 'n' },
      { noradId: 48274, label: '', hbrM: null, note: '' },
    ]);
    expect(useWatchListStore.getState().alert).toBeNull();
  });

  it('sets aside stored records that no longer check, with a message', async () => {
    await watchObjects([7]);
    const database = await openDB('orbital-watch-watchlist', 1);
    await database.put('entries', { noradId: 8, label: 'x', hbrM: 'big', note: '' });
    database.close();
    useWatchListStore.getState().setEntries([]);
    await restoreWatchList();
    const s = useWatchListStore.getState();
    expect(s.entries.map((e) => e.noradId)).toEqual([7]);
    expect(s.alert).toMatch(/^1 stored watch-list record set aside: .*"noradId":8.*hbrM "big"/);
    const again = await openDB('orbital-watch-watchlist', 1);
    expect(await again.getAllKeys('entries')).toEqual([7]);
    expect(await again.count('set-aside')).toBeGreaterThan(0);
    again.close();
  });

  it("follows another tab's writes: its list replaces the one shown, removals included", async () => {
    await watchObjects([7, 8]);
    const stop = startWatchListSync();
    const tellOthers = new BroadcastChannel('orbital-watch-watchlist');
    const heard = new BroadcastChannel('orbital-watch-watchlist');
    const ours = new Promise((resolve) => (heard.onmessage = resolve));
    // Our own change is announced to the other tabs.
    await watchObjects([9]);
    expect((await ours) as MessageEvent).toMatchObject({ data: { type: 'changed' } });
    // The other tab drops 7 and 9 and adds 10.
    const database = await openDB('orbital-watch-watchlist', 1);
    await database.clear('entries');
    await database.put('entries', { noradId: 8, label: 'mine', hbrM: null, note: '' });
    await database.put('entries', { noradId: 10, label: '', hbrM: null, note: '' });
    database.close();
    const changed = new Promise((resolve) =>
      useWatchListStore.subscribe((st, prev) => st.entries !== prev.entries && resolve(null)),
    );
    tellOthers.postMessage({ type: 'changed' });
    await changed;
    expect(useWatchListStore.getState().entries.map((e) => [e.noradId, e.label])).toEqual([
      [8, 'mine'],
      [10, ''],
    ]);
    tellOthers.close();
    heard.close();
    stop();
  });

  it('imports a CSV by merging; a broken row names itself and changes nothing', async () => {
    await watchObjects([25544]);
    expect(
      await importWatchListText('noradId,label,hbrM,note\n25544,ISS,20,\n1,one,,\n', 'a.csv'),
    ).toBe(2);
    const before = useWatchListStore.getState().entries;
    expect(before.map((e) => [e.noradId, e.label])).toEqual([
      [25544, 'ISS'],
      [1, 'one'],
    ]);
    expect(
      await importWatchListText('noradId,label,hbrM,note\n2,two,,\n3,three,x,\n', 'b.csv'),
    ).toBe(0);
    expect(useWatchListStore.getState().entries).toBe(before);
    expect(useWatchListStore.getState().alert).toBe(
      'b.csv: not imported — row 2 (line 3), hbrM: "x" is not a number of metres; the watch list is unchanged',
    );
    expect(exportWatchListCsv()).toBe('noradId,label,hbrM,note\n25544,ISS,20,\n1,one,,\n');
  });

  it("passes watched objects' radii to the conjunction list", async () => {
    const stop = startWatchListHbrSync();
    await importWatchListText('noradId,hbrM\n25544,20\n1,\n', 'c.csv');
    expect(useConjunctionStore.getState().settings.objectHbrM).toEqual(new Map([[25544, 20]]));
    stop();
  });
});
