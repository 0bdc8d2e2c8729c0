import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { CELESTRAK_MIN_REFETCH_MS, fetchGroup, gpUrl } from './celestrak';

const bases = ['https://celestrak.org', 'http://127.0.0.1:4173/relay/celestrak'];

function fakeFetch(responses: (string | Error | number)[]) {
  const calls: string[] = [];
  const impl = (async (url: string) => {
    calls.push(url);
    const next = responses.shift();
    if (next instanceof Error) throw next;
    if (typeof next === 'number') return new Response('', { status: next });
    return new Response(next ?? '[]');
  }) as unknown as typeof fetch;
  return { impl, calls };
}

describe('CelesTrak GP groups', () => {
  it('builds the GP query for a group in JSON', () => {
    expect(gpUrl('https://celestrak.org/', 'last-30-days')).toBe(
      'https://celestrak.org/NORAD/elements/gp.php?GROUP=last-30-days&FORMAT=json',
    );
  });

  it('never fetches the same group twice within two hours, and refetches after', async () => {
    const t0 = Date.UTC(2026, 10, 22, 8);
    const { impl, calls } = fakeFetch(['[{"first":1}]', '[{"second":2}]']);
    const first = await fetchGroup('stations', t0, impl, bases);
    expect(first).toMatchObject({ text: '[{"first":1}]', fetchedAtMs: t0, fromCache: false });
    const again = await fetchGroup('stations', t0 + CELESTRAK_MIN_REFETCH_MS - 1, impl, bases);
    expect(again).toMatchObject({
      text: '[{"first":1}]',
      fetchedAtMs: t0,
      fromCache: true,
      stale: false,
    });
    expect(calls).toHaveLength(1);
    const later = await fetchGroup('stations', t0 + CELESTRAK_MIN_REFETCH_MS, impl, bases);
    expect(later).toMatchObject({ text: '[{"second":2}]', fromCache: false });
    expect(calls).toHaveLength(2);
  });

  it('falls back to the relay when CelesTrak cannot be reached directly', async () => {
    const { impl, calls } = fakeFetch([new TypeError('Failed to fetch'), '[{"relay":1}]']);
    const result = await fetchGroup('visual', Date.UTC(2026, 0, 1), impl, bases);
    expect(result.text).toBe('[{"relay":1}]');
    expect(calls[1]).toBe(
      'http://127.0.0.1:4173/relay/celestrak/NORAD/elements/gp.php?GROUP=visual&FORMAT=json',
    );
  });

  it('returns older cached data, marked stale, when every source fails', async () => {
    const t0 = Date.UTC(2026, 1, 1);
    await fetchGroup('starlink', t0, fakeFetch(['[{"cached":1}]']).impl, bases);
    const { impl } = fakeFetch([503, new TypeError('offline')]);
    const result = await fetchGroup('starlink', t0 + 3 * 3_600_000, impl, bases);
    expect(result).toMatchObject({ text: '[{"cached":1}]', stale: true, fetchedAtMs: t0 });
  });

  it('names every source it tried when nothing is cached', async () => {
    const { impl } = fakeFetch([503, new TypeError('offline')]);
    await expect(fetchGroup('analyst', Date.UTC(2026, 2, 1), impl, bases)).rejects.toThrow(
      /analyst.*HTTP 503.*relay\/celestrak.*offline/,
    );
  });

  it('a cached record without the cache shape counts as not cached: the group is fetched again', async () => {
    const database = await openDB('orbital-watch', 1);
    const t0 = Date.UTC(2026, 3, 1);
    // fresh by its time, but its text is not text
    await database.put('celestrak-gp', { group: 'visual', text: 42, fetchedAtMs: t0 });
    database.close();
    const { impl, calls } = fakeFetch(['[{"fresh":1}]']);
    const result = await fetchGroup('visual', t0 + 60_000, impl, bases);
    expect(result).toMatchObject({ text: '[{"fresh":1}]', fromCache: false });
    expect(calls).toHaveLength(1);
  });
});
