import { openDB, type IDBPDatabase } from 'idb';
import {
  blankEntry,
  checkStoredEntry,
  hbrByObject,
  MAX_WATCH_ENTRIES,
  MAX_WATCH_FILE_BYTES,
  parseWatchListCsv,
  upsertEntries,
  watchListToCsv,
  watchNoticeText,
  watchReasonText,
  type WatchEntry,
  type WatchNotice,
  type WatchReason,
} from '../domain/watchlist';
import { useConjunctionStore } from '../state/conjunctionStore';
import { storageEnabled } from '../state/safeModeStore';
import { useWatchListStore } from '../state/watchListStore';

/**
 * The watch list in and out: the browser's store (IndexedDB, across reloads), typed catalog
 * numbers, the panel's edits, CSV import and export. Every change is written through as a whole
 * list in one transaction, so a failed write never leaves half a list. Problems go to the watch
 * list's alert; the list on screen is never lost to a bad file.
 */

const DB_NAME = 'orbital-watch-watchlist';
const STORE = 'entries';
/** Stored records that no longer read as entries, kept with the reason rather than deleted. */
const SET_ASIDE = 'set-aside';

let db: Promise<IDBPDatabase> | null = null;
function watchDb(): Promise<IDBPDatabase> {
  db ??= openDB(DB_NAME, 1, {
    upgrade(database) {
      database.createObjectStore(STORE, { keyPath: 'noradId' });
      database.createObjectStore(SET_ASIDE, { autoIncrement: true });
    },
  });
  return db;
}

const store = () => useWatchListStore.getState();
/** The alert: the English and the same as data, for the interface to word. */
const notify = (notice: WatchNotice | null) =>
  store().setAlert(notice && watchNoticeText(notice), notice ?? undefined);
const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Other tabs of this browser: told after each write, they read the stored list again. */
const CHANNEL = 'orbital-watch-watchlist';
let channel: BroadcastChannel | null = null;

async function persist(entries: readonly WatchEntry[]): Promise<void> {
  // In safe mode the list is this session's only: the stored one is left as it is.
  if (!storageEnabled()) return;
  const tx = (await watchDb()).transaction(STORE, 'readwrite');
  await Promise.all([tx.store.clear(), ...entries.map((e) => tx.store.put(e)), tx.done]);
  channel?.postMessage({ type: 'changed' });
}

/** Show `entries` and write them through; a failed write is reported, the list stays shown. */
async function commit(entries: WatchEntry[]): Promise<void> {
  store().setEntries(entries);
  try {
    await persist(entries);
    notify(null);
  } catch (error) {
    notify({ kind: 'notSaved', detail: reason(error) });
  }
}

/** Set while the stored list is read back (at start, or on another tab's word): changes wait for it. */
let restoring: Promise<void> = Promise.resolve();

/**
 * Read the stored list back. Records that fail the checks are moved to a set-aside store with
 * their reason (not deleted) and named in the alert.
 */
export function restoreWatchList(): Promise<void> {
  restoring = readBack('merge');
  return restoring;
}

/**
 * Follow the list other tabs write: on their word, the stored list replaces the one shown (after
 * any change of ours under way). Not in safe mode, whose list is this tab's own.
 */
export function startWatchListSync(): () => void {
  if (typeof BroadcastChannel === 'undefined' || !storageEnabled()) return () => {};
  channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = (e: MessageEvent<{ type?: unknown }>) => {
    if (e.data?.type !== 'changed') return;
    restoring = restoring.then(() => readBack('replace'));
  };
  return () => {
    channel?.close();
    channel = null;
  };
}

/** Read the stored list: merged into the one shown (the first read) or replacing it (a sync). */
async function readBack(how: 'merge' | 'replace'): Promise<void> {
  try {
    const database = await watchDb();
    const stored: unknown[] = await database.getAll(STORE);
    const good: WatchEntry[] = [];
    const bad: { record: unknown; reason: WatchReason }[] = [];
    for (const record of stored) {
      const checked = checkStoredEntry(record);
      if ('code' in checked) bad.push({ record, reason: checked });
      else good.push(checked);
    }
    if (bad.length) {
      const tx = database.transaction([STORE, SET_ASIDE], 'readwrite');
      const keyOf = (r: unknown) => (r as { noradId?: IDBValidKey }).noradId;
      await Promise.all([
        ...bad.map((b) =>
          tx
            .objectStore(SET_ASIDE)
            .add({ record: b.record, reason: watchReasonText(b.reason), atMs: Date.now() }),
        ),
        ...bad.map((b) => tx.objectStore(STORE).delete(keyOf(b.record)!)),
        tx.done,
      ]);
    }
    store().setEntries(how === 'merge' ? (upsertEntries(store().entries, good) ?? good) : good);
    // A sync leaves this tab's last message standing unless it has something to say.
    if (how === 'merge' || bad.length)
      notify(
        bad.length
          ? {
              kind: 'setAside',
              records: bad.map((b) => ({
                record: JSON.stringify(b.record).slice(0, 60),
                reason: b.reason,
              })),
            }
          : null,
      );
  } catch (error) {
    notify({ kind: 'notRead', detail: reason(error) });
  } finally {
    store().setRestored();
  }
}

/** Watched objects' hard-body radii go to the conjunction list as they change. */
export function startWatchListHbrSync(): () => void {
  const push = () =>
    useConjunctionStore.getState().setObjectHbrs(hbrByObject(useWatchListStore.getState().entries));
  return useWatchListStore.subscribe((s, prev) => {
    if (s.entries !== prev.entries) push();
  });
}

export async function watchObjects(ids: readonly number[]): Promise<void> {
  await restoring;
  const { entries } = store();
  const fresh = ids.filter((id) => !entries.some((e) => e.noradId === id)).map(blankEntry);
  if (!fresh.length) return;
  const next = upsertEntries(entries, fresh);
  if (!next) {
    notify({ kind: 'listFull', max: MAX_WATCH_ENTRIES });
    return;
  }
  await commit(next);
}

export async function unwatchObject(id: number): Promise<void> {
  await restoring;
  await commit(store().entries.filter((e) => e.noradId !== id));
}

export async function toggleWatched(id: number): Promise<void> {
  await restoring;
  if (store().ids.has(id)) await unwatchObject(id);
  else await watchObjects([id]);
}

/** Change fields of one entry (already checked by the form), applied to the list as it is then. */
export async function updateWatchEntry(
  noradId: number,
  change: Partial<Omit<WatchEntry, 'noradId'>>,
): Promise<void> {
  await restoring;
  const { entries } = store();
  if (!entries.some((e) => e.noradId === noradId)) return;
  await commit(entries.map((e) => (e.noradId === noradId ? { ...e, ...change } : e)));
}

/**
 * Merge a watch-list CSV into the list (objects already listed take the file's label, HBR and
 * note). One bad row rejects the whole file: the alert names each problem's row, line, column
 * and reason and the list stays as it was. Returns how many objects the file held.
 */
export async function importWatchListText(text: string, label: string): Promise<number> {
  await restoring;
  const parsed = parseWatchListCsv(text);
  if (!parsed.ok) {
    notify({ kind: 'notImported', file: label, issues: parsed.issues });
    return 0;
  }
  const next = upsertEntries(store().entries, parsed.entries);
  if (!next) {
    notify({ kind: 'wouldExceed', file: label, max: MAX_WATCH_ENTRIES });
    return 0;
  }
  await commit(next);
  return parsed.entries.length;
}

export async function importWatchListFile(file: File): Promise<number> {
  if (file.size > MAX_WATCH_FILE_BYTES) {
    notify({ kind: 'fileTooLarge', file: file.name, size: (file.size / 1048576).toFixed(1) });
    return 0;
  }
  return importWatchListText(await file.text(), file.name);
}

export function exportWatchListCsv(): string {
  return watchListToCsv(store().entries);
}

/** Forget the stored list (tests, and "remove stored data" in safe mode). */
export async function clearPersistedWatchList(): Promise<void> {
  await (await watchDb()).clear(STORE);
}

/** How many entries the browser keeps, and how many records it has set aside. */
export async function countStoredWatchList(): Promise<{ stored: number; setAside: number }> {
  const database = await watchDb();
  return { stored: await database.count(STORE), setAside: await database.count(SET_ASIDE) };
}

/** Forget the records set aside. */
export async function clearSetAsideWatchList(): Promise<void> {
  await (await watchDb()).clear(SET_ASIDE);
}
