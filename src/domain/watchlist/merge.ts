import { MAX_WATCH_ENTRIES, type WatchEntry } from './types';

/**
 * `incoming` merged into `list`: an object already listed is replaced in place, new ones are
 * appended in their order. Null when the result would exceed the list's limit.
 */
export function upsertEntries(
  list: readonly WatchEntry[],
  incoming: readonly WatchEntry[],
): WatchEntry[] | null {
  const byId = new Map(incoming.map((e) => [e.noradId, e]));
  const out = list.map((e) => byId.get(e.noradId) ?? e);
  const present = new Set(list.map((e) => e.noradId));
  for (const e of byId.values()) if (!present.has(e.noradId)) out.push(e);
  return out.length > MAX_WATCH_ENTRIES ? null : out;
}

/** A new entry for a catalog number, with nothing filled in. */
export const blankEntry = (noradId: number): WatchEntry => ({
  noradId,
  label: '',
  hbrM: null,
  note: '',
});

/** Catalog number → the operator's hard-body radius, for the objects that have one. */
export function hbrByObject(entries: readonly WatchEntry[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const e of entries) if (e.hbrM !== null) out.set(e.noradId, e.hbrM);
  return out;
}
