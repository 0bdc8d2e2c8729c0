import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { notificationNoticeText } from '../domain/notifications/notice';
import * as parse from '../domain/notifications/parse';
import { useNotificationStore } from '../state/notificationStore';
import { useSafeModeStore } from '../state/safeModeStore';
import { isSafeSearch } from './safeMode';
import {
  addNotification,
  bootNotifications,
  countStoredNotifications,
  clearPersistedNotifications,
  clearSetAsideNotifications,
  dropNotificationsOr,
  exportNotificationsJson,
  ingestNotificationText,
  loadNotificationsUrl,
  readPersistedNotifications,
  readSetAsideNotifications,
  removeNotification,
  restoreNotifications,
  sameOriginUrl,
} from './notifications';

const base = 'http://127.0.0.1:4173/app/';

const notification = (
  id: string,
  start = '2024-10-31T12:00:00Z',
  end = '2024-10-31T14:00:00Z',
) => ({
  id,
  party: 'United States',
  kind: 'space-launch',
  site: { siteId: 'cape-canaveral' },
  window: { start, end },
  azimuthDeg: { min: 45, max: 60 },
});

const store = () => useNotificationStore.getState();
const alertText = () => {
  const notice = store().alert;
  return notice && notificationNoticeText(notice);
};
const ids = () => store().notifications.map((n) => n.id);

beforeEach(async () => {
  await clearPersistedNotifications();
  useNotificationStore.setState({ notifications: [], alert: null, version: 0 });
});

describe('notification loading', () => {
  it('loads a file, sorted by window start, and keeps it in the browser', async () => {
    const text = JSON.stringify([
      notification('late', '2024-11-01T00:00:00Z', '2024-11-01T01:00:00Z'),
      notification('early'),
    ]);
    expect(await ingestNotificationText(text, 'a.json')).toBe(2);
    expect(ids()).toEqual(['early', 'late']);
    expect(alertText()).toBeNull();
    expect((await readPersistedNotifications()).map((n) => n.id).sort()).toEqual(['early', 'late']);

    // a reload: the store is empty, the browser still has them
    useNotificationStore.setState({ notifications: [] });
    expect(await restoreNotifications()).toBe(2);
    expect(ids()).toEqual(['early', 'late']);
  });

  it('a malformed file raises an alert naming the file and keeps what is loaded', async () => {
    await ingestNotificationText(JSON.stringify([notification('kept')]), 'good.json');
    expect(await ingestNotificationText('{"notifications": [', 'broken.json')).toBe(0);
    expect(alertText()).toMatch(/^broken\.json: not valid JSON .*already loaded are unchanged$/);
    expect(ids()).toEqual(['kept']);
  });

  it('an error the reader did not foresee is still said, in its own words, and nothing is lost', async () => {
    await ingestNotificationText(JSON.stringify([notification('kept')]), 'good.json');
    const spy = vi.spyOn(parse, 'parseNotificationText').mockImplementation(() => {
      throw new RangeError('Maximum call stack size exceeded');
    });
    try {
      expect(await ingestNotificationText('[]', 'deep.json')).toBe(0);
    } finally {
      spy.mockRestore();
    }
    expect(alertText()).toBe(
      'deep.json: cannot be read (Maximum call stack size exceeded); the notifications already loaded are unchanged',
    );
    expect(ids()).toEqual(['kept']);
  });

  it('loads the valid notifications of a mixed file and names each rejected one and its field', async () => {
    const bad = {
      ...notification('bad'),
      window: { start: '2024-10-31T15:00:00Z', end: '2024-10-31T12:00:00Z' },
    };
    const badSite = { ...notification('nowhere'), site: { siteId: 'atlantis' } };
    const n = await ingestNotificationText(
      JSON.stringify([notification('ok'), bad, badSite]),
      'mixed.json',
    );
    expect(n).toBe(1);
    expect(ids()).toEqual(['ok']);
    expect(alertText()).toMatch(
      /^mixed\.json: 1 loaded, 2 rejected: notification 2 \(id bad\): window: inverted/,
    );
    expect(alertText()).toMatch(
      /notification 3 \(id nowhere\): site\.siteId: unknown launch site "atlantis"/,
    );
  });

  it('a later load with the same id replaces the notification', async () => {
    await ingestNotificationText(JSON.stringify([notification('x')]), 'a.json');
    await ingestNotificationText(
      JSON.stringify([{ ...notification('x'), party: 'Replaced' }]),
      'b.json',
    );
    expect(store().notifications).toHaveLength(1);
    expect(store().notifications[0].party).toBe('Replaced');
    expect((await readPersistedNotifications())[0].party).toBe('Replaced');
  });

  it('adds a hand-entered notification only when valid; removes one from the browser too', async () => {
    const issues = await addNotification({ ...notification('form'), azimuthDeg: 400 });
    expect(issues).toEqual([
      {
        field: 'azimuthDeg',
        code: 'outOfRangeExclusive',
        values: { value: '400', min: '0', max: '360' },
        reason: '400 is outside 0–360 (exclusive)',
      },
    ]);
    expect(ids()).toEqual([]);
    expect(await addNotification(notification('form'))).toEqual([]);
    expect(ids()).toEqual(['form']);
    await removeNotification('form');
    expect(ids()).toEqual([]);
    expect(await readPersistedNotifications()).toEqual([]);
  });

  it('exports the loaded notifications as a document that loads again unchanged', async () => {
    await ingestNotificationText(JSON.stringify([notification('b'), notification('a')]), 'x.json');
    const before = store().notifications;
    const text = exportNotificationsJson();
    expect(JSON.parse(text)).toMatchObject({
      schemaVersion: 1,
      notifications: [{ id: 'a' }, { id: 'b' }],
    });
    useNotificationStore.setState({ notifications: [] });
    await ingestNotificationText(text, 'export.json');
    expect(store().notifications).toEqual(before);
  });
});

describe('notifications from an address', () => {
  it('accepts only URLs on the same origin', () => {
    expect(sameOriginUrl('fixtures/n.json', base)).toEqual({
      url: 'http://127.0.0.1:4173/app/fixtures/n.json',
    });
    expect(sameOriginUrl('/n.json', base)).toEqual({ url: 'http://127.0.0.1:4173/n.json' });
    expect(sameOriginUrl('https://example.org/n.json', base)).toEqual({
      problem: {
        kind: 'foreignOrigin',
        ref: 'https://example.org/n.json',
        origin: 'https://example.org',
        own: 'http://127.0.0.1:4173',
      },
    });
    expect(sameOriginUrl('http://127.0.0.1:9999/n.json', base)).toHaveProperty('problem');
    expect(sameOriginUrl('javascript:alert(1)', base)).toHaveProperty('problem');
  });

  it('fetches a same-origin URL and refuses another origin without fetching', async () => {
    const calls: string[] = [];
    const fetchImpl = (async (url: string) => {
      calls.push(url);
      return new Response(JSON.stringify([notification('remote')]));
    }) as unknown as typeof fetch;
    expect(await loadNotificationsUrl('https://evil.example/n.json', base, fetchImpl)).toBe(0);
    expect(calls).toEqual([]);
    expect(alertText()).toMatch(
      /^Ignored notifications=https:\/\/evil\.example\/n\.json: .*not this site's origin/,
    );
    expect(await loadNotificationsUrl('n.json', base, fetchImpl)).toBe(1);
    expect(calls).toEqual(['http://127.0.0.1:4173/app/n.json']);
    expect(ids()).toEqual(['remote']);
  });

  it('reports an HTTP failure', async () => {
    const fetchImpl = (async () =>
      new Response('', { status: 404, statusText: 'Not Found' })) as unknown as typeof fetch;
    expect(await loadNotificationsUrl('missing.json', base, fetchImpl)).toBe(0);
    expect(alertText()).toBe('Could not fetch missing.json: HTTP 404 Not Found');
  });
});

describe('dropped files', () => {
  it('routes notification files here and anything else to the catalog loader', async () => {
    const toCatalog: string[] = [];
    const otherwise = async (f: File) => toCatalog.push(f.name);
    await dropNotificationsOr(
      new File([JSON.stringify({ notifications: [notification('d')] })], 'n.json'),
      otherwise,
    );
    await dropNotificationsOr(
      new File(
        [
          'id,party,kind,siteId,windowStart,windowEnd,azimuthDeg\nc,P,other,kourou,2024-10-31T12:00Z,2024-10-31T13:00Z,90\n',
        ],
        'n.csv',
      ),
      otherwise,
    );
    await dropNotificationsOr(new File(['[{"OBJECT_NAME":"ISS"}]'], 'omm.json'), otherwise);
    await dropNotificationsOr(new File(['OBJECT_NAME,OBJECT_ID,EPOCH\n'], 'omm.csv'), otherwise);
    expect(ids()).toEqual(['c', 'd']); // same window start: by id
    expect(toCatalog).toEqual(['omm.json', 'omm.csv']);
  });
});

describe('stored notifications are checked like a file', () => {
  /** Write records straight into the store, as an older build or a tampered profile might. */
  async function seed(...records: object[]): Promise<void> {
    const database = await openDB('orbital-watch-notifications');
    for (const r of records) await database.put('notifications', r);
    database.close();
  }

  it('loads the good ones, sets the bad ones aside with the reason, and names them', async () => {
    await seed(
      notification('good'),
      { ...notification('nan-azimuth'), azimuthDeg: { min: Number.NaN, max: 10 } },
      { id: 'not-a-notification', hello: 1 },
      { ...notification('pole'), site: { latDeg: 90, lonDeg: 180 }, azimuthDeg: 0 },
    );
    expect(await restoreNotifications()).toBe(2);
    expect(ids().sort()).toEqual(['good', 'pole']);
    expect(alertText()).toMatch(/^2 stored notifications not loaded, kept aside in the browser: /);
    expect(alertText()).toContain(
      'stored notification "nan-azimuth": azimuthDeg.min: expected a number, got NaN',
    );
    expect(alertText()).toContain('stored notification "not-a-notification": hello: unknown field');
    // nothing destroyed: the bad records are in the set-aside store, out of the main one
    const aside = await readSetAsideNotifications();
    expect(aside.map((a) => (a.record as { id: string }).id).sort()).toEqual([
      'nan-azimuth',
      'not-a-notification',
    ]);
    expect(aside.every((a) => a.reason.length > 0 && Number.isFinite(a.atMs))).toBe(true);
    expect((await readPersistedNotifications()).map((n) => n.id).sort()).toEqual(['good', 'pole']);
    // the next start is clean
    useNotificationStore.setState({ notifications: [], alert: null });
    expect(await restoreNotifications()).toBe(2);
    expect(alertText()).toBeNull();
    await clearSetAsideNotifications();
    expect(await readSetAsideNotifications()).toEqual([]);
  });

  it('a record too large for a notification file is set aside, not parsed', async () => {
    await seed({ ...notification('huge'), remarks: 'x'.repeat(6 * 1024 * 1024) });
    expect(await restoreNotifications()).toBe(0);
    expect(alertText()).toMatch(
      /stored notification "huge": file is 6\.0 MB; the limit for notification files is 5 MB/,
    );
    await clearSetAsideNotifications();
  });
});

describe('the notification store upgrade (version 1 → 2 adds the set-aside store)', () => {
  it('keeps the records a version-1 store holds', async () => {
    const previous = globalThis.indexedDB;
    globalThis.indexedDB = new IDBFactory();
    try {
      const v1 = await openDB('orbital-watch-notifications', 1, {
        upgrade: (database) => database.createObjectStore('notifications', { keyPath: 'id' }),
      });
      await v1.put('notifications', notification('from-v1'));
      await v1.put('notifications', { id: 'broken-v1' });
      v1.close();
      vi.resetModules();
      const fresh = await import('./notifications');
      const { useNotificationStore: freshStore } = await import('../state/notificationStore');
      expect(await fresh.restoreNotifications()).toBe(1);
      expect(freshStore.getState().notifications.map((n) => n.id)).toEqual(['from-v1']);
      expect((await fresh.readSetAsideNotifications()).map((a) => a.reason)[0]).toMatch(
        /party: is required/,
      );
    } finally {
      globalThis.indexedDB = previous;
      vi.resetModules();
    }
  });
});

describe('safe mode (?safe=1)', () => {
  it('reads nothing from the store at start and writes nothing to it', async () => {
    await ingestNotificationText(JSON.stringify([notification('stored')]), 'a.json');
    useNotificationStore.setState({ notifications: [], alert: null });
    useSafeModeStore.getState().start();
    try {
      await bootNotifications('?safe=1');
      expect(ids()).toEqual([]);
      expect(await addNotification(notification('session-only'))).toEqual([]);
      expect(ids()).toEqual(['session-only']);
      await removeNotification('session-only');
      expect((await readPersistedNotifications()).map((n) => n.id)).toEqual(['stored']);
      expect(await countStoredNotifications()).toEqual({ stored: 1, setAside: 0 });
    } finally {
      useSafeModeStore.setState({ active: false });
    }
  });

  it('is asked for by safe=1 only', () => {
    expect(isSafeSearch('?safe=1')).toBe(true);
    expect(isSafeSearch('?mode=public&safe=1')).toBe(true);
    expect(isSafeSearch('?safe=0')).toBe(false);
    expect(isSafeSearch('?safe=true')).toBe(false);
    expect(isSafeSearch('')).toBe(false);
  });
});
