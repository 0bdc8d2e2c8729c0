import { openDB, type IDBPDatabase } from 'idb';

/** CelesTrak GP groups offered in the picker (CelesTrak's own group names). */
export const CELESTRAK_GROUPS = [
  { group: 'active', label: 'Active satellites' },
  { group: 'stations', label: 'Space stations' },
  { group: 'visual', label: '100 (or so) brightest' },
  { group: 'starlink', label: 'Starlink' },
  { group: 'last-30-days', label: 'Launched in the last 30 days' },
  { group: 'analyst', label: 'Analyst objects' },
  { group: 'cosmos-1408-debris', label: 'Cosmos 1408 debris' },
  { group: 'fengyun-1c-debris', label: 'Fengyun 1C debris' },
  { group: 'iridium-33-debris', label: 'Iridium 33 debris' },
  { group: 'cosmos-2251-debris', label: 'Cosmos 2251 debris' },
] as const;

/** CelesTrak asks clients not to download the same data more often than every two hours. */
export const CELESTRAK_MIN_REFETCH_MS = 2 * 3_600_000;

export interface CachedGroup {
  group: string;
  text: string;
  fetchedAtMs: number;
}

/** Where GP data is fetched from: CelesTrak itself, or the dev/preview server's relay. */
export function celestrakBaseUrls(): string[] {
  const configured = import.meta.env.VITE_CELESTRAK_BASE as string | undefined;
  return [configured ?? 'https://celestrak.org', new URL('relay/celestrak', document.baseURI).href];
}

export function gpUrl(base: string, group: string): string {
  return `${base.replace(/\/$/, '')}/NORAD/elements/gp.php?GROUP=${encodeURIComponent(group)}&FORMAT=json`;
}

let db: Promise<IDBPDatabase> | null = null;
function cacheDb(): Promise<IDBPDatabase> {
  db ??= openDB('orbital-watch', 1, {
    upgrade(database) {
      database.createObjectStore('celestrak-gp', { keyPath: 'group' });
    },
  });
  return db;
}

/**
 * A cached group, when the stored record has the cache's shape; anything else is treated as
 * not cached (the group is fetched again and the record replaced: it is a copy of CelesTrak's).
 * The text itself is parsed and checked like any catalog file.
 */
export async function readCachedGroup(group: string): Promise<CachedGroup | undefined> {
  const record: unknown = await (await cacheDb()).get('celestrak-gp', group);
  const r = record as Partial<CachedGroup> | undefined;
  return r?.group === group && typeof r.text === 'string' && Number.isFinite(r.fetchedAtMs)
    ? (r as CachedGroup)
    : undefined;
}

async function writeCachedGroup(entry: CachedGroup): Promise<void> {
  await (await cacheDb()).put('celestrak-gp', entry);
}

/**
 * A group's GP data: from the browser's cache while it is younger than two hours, otherwise
 * fetched (directly, then through the relay) and cached with its fetch time. When every fetch
 * fails, older cached data is returned with `stale: true` rather than nothing.
 */
export async function fetchGroup(
  group: string,
  nowMs = Date.now(),
  fetchImpl: typeof fetch = fetch,
  bases = celestrakBaseUrls(),
): Promise<CachedGroup & { stale: boolean; fromCache: boolean }> {
  const cached = await readCachedGroup(group);
  if (cached && nowMs - cached.fetchedAtMs < CELESTRAK_MIN_REFETCH_MS) {
    return { ...cached, stale: false, fromCache: true };
  }
  const problems: string[] = [];
  for (const base of bases) {
    const url = gpUrl(base, group);
    try {
      const response = await fetchImpl(url);
      if (!response.ok) {
        problems.push(`${url}: HTTP ${response.status}`);
        continue;
      }
      const entry = { group, text: await response.text(), fetchedAtMs: nowMs };
      await writeCachedGroup(entry);
      return { ...entry, stale: false, fromCache: false };
    } catch (error) {
      problems.push(`${url}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (cached) return { ...cached, stale: true, fromCache: true };
  throw new Error(`Could not fetch CelesTrak group "${group}" (${problems.join('; ')})`);
}
