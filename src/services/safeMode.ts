import { limitUrlSearch } from '../domain/limits';
import { useSafeModeStore } from '../state/safeModeStore';
import {
  clearPersistedNotifications,
  clearSetAsideNotifications,
  countStoredNotifications,
} from './notifications';
import { clearPersistedWatchList, clearSetAsideWatchList, countStoredWatchList } from './watchList';

/**
 * Safe mode (`?safe=1`), for recovery: the page starts with nothing read from the browser's
 * stores and writes nothing to them, says so, and offers to remove what they hold.
 */

export function isSafeSearch(search: string): boolean {
  return limitUrlSearch(search).params?.get('safe') === '1';
}

const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Count what the stores hold, without loading any record. */
export async function countStoredData(): Promise<void> {
  try {
    const [n, w] = await Promise.all([countStoredNotifications(), countStoredWatchList()]);
    useSafeModeStore.getState().setStored({
      notifications: n.stored,
      watchList: w.stored,
      setAside: n.setAside + w.setAside,
    });
  } catch (error) {
    useSafeModeStore
      .getState()
      .setStored(null, `The browser's stores could not be read (${reason(error)})`);
  }
}

/** Remove every stored notification and watch-list entry, and what was set aside. */
export async function removeStoredData(): Promise<void> {
  try {
    await Promise.all([
      clearPersistedNotifications(),
      clearSetAsideNotifications(),
      clearPersistedWatchList(),
      clearSetAsideWatchList(),
    ]);
    await countStoredData();
    useSafeModeStore
      .getState()
      .setStored(
        useSafeModeStore.getState().stored,
        'Stored data removed; open the page without ?safe=1 to start normally',
      );
  } catch (error) {
    useSafeModeStore.getState().setStored(null, `Could not remove stored data (${reason(error)})`);
  }
}

/** At startup, before anything reads the stores. */
export function startSafeModeIfAsked(search: string): boolean {
  if (!isSafeSearch(search)) return false;
  useSafeModeStore.getState().start();
  void countStoredData();
  return true;
}
