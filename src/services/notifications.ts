import { openDB, type IDBPDatabase } from 'idb';
import { storedProblemText } from '../domain/notifications/notice';
import { inputRecordsIssue, limitUrlSearch, utf8Length } from '../domain/limits';
import type { NotificationNotice, StoredProblem } from '../domain/notifications/notice';
import {
  checkNotificationFileSize,
  isNotificationText,
  parseNotificationText,
  toNotificationDocument,
  toNotificationJson,
} from '../domain/notifications/parse';
import {
  NotificationFormatError,
  type LaunchNotification,
  type LaunchNotificationJson,
  type NotificationIssue,
} from '../domain/notifications/types';
import type { NotificationFileIssue } from '../domain/notifications/issues';
import { checkNotification } from '../domain/notifications/validate';
import { useNotificationStore } from '../state/notificationStore';
import { storageEnabled } from '../state/safeModeStore';

/**
 * Launch notifications in and out: files (open, drop), a same-origin URL (?notifications=),
 * the entry form, the browser's own store (IndexedDB, across reloads) and export to JSON.
 * Every problem goes to the notification alert; notifications already loaded stay.
 */

const DB_NAME = 'orbital-watch-notifications';
const STORE = 'notifications';
/** Stored records that no longer pass the checks, kept with the reason rather than deleted. */
const SET_ASIDE = 'set-aside';

let db: Promise<IDBPDatabase> | null = null;
function notificationDb(): Promise<IDBPDatabase> {
  db ??= openDB(DB_NAME, 2, {
    upgrade(database, oldVersion) {
      if (oldVersion < 1) database.createObjectStore(STORE, { keyPath: 'id' });
      if (oldVersion < 2) database.createObjectStore(SET_ASIDE, { autoIncrement: true });
    },
  });
  return db;
}

export async function readPersistedNotifications(): Promise<LaunchNotificationJson[]> {
  return (await notificationDb()).getAll(STORE) as Promise<LaunchNotificationJson[]>;
}

async function persist(list: readonly LaunchNotification[]): Promise<void> {
  if (!storageEnabled()) return;
  const tx = (await notificationDb()).transaction(STORE, 'readwrite');
  await Promise.all([...list.map((n) => tx.store.put(toNotificationJson(n))), tx.done]);
}

/** Forget every stored notification (tests, and a clean slate for support). */
export async function clearPersistedNotifications(): Promise<void> {
  await (await notificationDb()).clear(STORE);
}

const alert = (notice: NotificationNotice | null) =>
  useNotificationStore.getState().setAlert(notice);
const detail = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Show and store `list`; the browser's reason when it could not be saved. */
async function keep(list: readonly LaunchNotification[]): Promise<string | undefined> {
  useNotificationStore.getState().upsert(list);
  try {
    await persist(list);
    return undefined;
  } catch (error) {
    return detail(error);
  }
}

/**
 * Check and load notification text (JSON or CSV). Valid notifications load (replacing any with
 * the same id) even when others in the file are rejected; the alert names the file, each
 * rejected notification and its fields. Returns how many loaded.
 */
export async function ingestNotificationText(text: string, label: string): Promise<number> {
  let parsed;
  try {
    parsed = parseNotificationText(text);
  } catch (error) {
    // Anything else the reader threw is still said, as its own words.
    const issue: NotificationFileIssue =
      error instanceof NotificationFormatError
        ? error.issue
        : {
            code: 'unreadable',
            values: { detail: error instanceof Error ? error.message : String(error) },
          };
    alert({ kind: 'file', file: label, issue });
    return 0;
  }
  const { notifications, rejected } = parsed;
  const notSaved = notifications.length ? await keep(notifications) : undefined;
  const notice: NotificationNotice = {
    kind: 'loaded',
    file: label,
    loaded: notifications.length,
    rejected,
    ...(notSaved !== undefined ? { notSaved } : {}),
  };
  alert(rejected.length || !notifications.length || notSaved !== undefined ? notice : null);
  return notifications.length;
}

export async function loadNotificationsFile(file: File): Promise<number> {
  const limit = checkNotificationFileSize(file.size);
  if (limit) {
    alert({ kind: 'tooLarge', file: file.name, limit });
    return 0;
  }
  return ingestNotificationText(await file.text(), file.name);
}

/**
 * The URL `ref` resolved against `base`, when it is on the same origin (http or https);
 * otherwise why not.
 */
export function sameOriginUrl(
  ref: string,
  base: string,
): { url: string } | { problem: NotificationNotice } {
  let url: URL;
  try {
    url = new URL(ref, base);
  } catch {
    return { problem: { kind: 'notUrl', ref } };
  }
  const own = new URL(base).origin;
  if (url.origin !== own || !/^https?:$/.test(url.protocol)) {
    return { problem: { kind: 'foreignOrigin', ref, origin: url.origin, own } };
  }
  return { url: url.href };
}

/** Load notifications from a URL on this site's origin. */
export async function loadNotificationsUrl(
  ref: string,
  base: string = document.baseURI,
  fetchImpl: typeof fetch = fetch,
): Promise<number> {
  const checked = sameOriginUrl(ref, base);
  if ('problem' in checked) {
    alert(checked.problem);
    return 0;
  }
  let text: string;
  try {
    const response = await fetchImpl(checked.url);
    if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`.trim());
    const declared = Number(response.headers?.get('content-length') ?? NaN);
    const limit = Number.isFinite(declared) ? checkNotificationFileSize(declared) : null;
    if (limit) {
      alert({ kind: 'fetchTooLarge', ref, limit });
      return 0;
    }
    text = await response.text();
  } catch (error) {
    alert({ kind: 'fetchFailed', ref, detail: detail(error) });
    return 0;
  }
  return ingestNotificationText(text, ref);
}

/** A stored record that failed the checks, as kept in the set-aside store. */
export interface SetAsideNotification {
  record: unknown;
  reason: string;
  atMs: number;
}

/** Why one stored record cannot be loaded, or the checked notification. */
function checkStored(
  record: unknown,
): { notification: LaunchNotification } | { problem: StoredProblem } {
  let size: number;
  try {
    size = utf8Length(JSON.stringify(record) ?? '');
  } catch (error) {
    return { problem: { kind: 'unreadable', detail: detail(error) } };
  }
  const limit = checkNotificationFileSize(size);
  if (limit) return { problem: { kind: 'limit', limit } };
  const result = checkNotification(record);
  return result.ok
    ? { notification: result.notification }
    : { problem: { kind: 'issues', issues: result.issues } };
}

/** A stored record's name in a message: its id when it has one. */
function storedName(key: IDBValidKey, record: unknown): string {
  const id = (record as { id?: unknown } | null)?.id;
  return JSON.stringify(typeof id === 'string' ? id : key).slice(0, 70);
}

/**
 * The notifications kept in the browser, checked again like a file (the built-in sites may have
 * changed, and anything may have written the store). A record that fails is moved to the
 * set-aside store with its reason, not loaded and not deleted; the alert names it.
 */
export async function restoreNotifications(): Promise<number> {
  let keys: IDBValidKey[];
  let stored: unknown[];
  try {
    const database = await notificationDb();
    const count = await database.count(STORE);
    const limit = inputRecordsIssue('notifications', count, 'stored notifications');
    if (limit) {
      alert({ kind: 'storedTooMany', limit });
      return 0;
    }
    const tx = database.transaction(STORE);
    [keys, stored] = await Promise.all([tx.store.getAllKeys(), tx.store.getAll()]);
  } catch (error) {
    alert({ kind: 'storedUnreadable', detail: detail(error) });
    return 0;
  }
  const good: LaunchNotification[] = [];
  const bad: { key: IDBValidKey; record: unknown; problem: StoredProblem }[] = [];
  stored.forEach((record, i) => {
    const checked = checkStored(record);
    if ('problem' in checked) bad.push({ key: keys[i], record, problem: checked.problem });
    else good.push(checked.notification);
  });
  if (good.length) useNotificationStore.getState().upsert(good);
  if (!bad.length) return good.length;
  let notSetAside: string | undefined;
  try {
    const tx = (await notificationDb()).transaction([STORE, SET_ASIDE], 'readwrite');
    const atMs = Date.now();
    await Promise.all([
      ...bad.map((b) =>
        tx
          .objectStore(SET_ASIDE)
          .add({ record: b.record, reason: storedProblemText(b.problem), atMs }),
      ),
      ...bad.map((b) => tx.objectStore(STORE).delete(b.key)),
      tx.done,
    ]);
  } catch (error) {
    notSetAside = detail(error);
  }
  alert({
    kind: 'storedSetAside',
    records: bad.map((b) => ({ name: storedName(b.key, b.record), problem: b.problem })),
    ...(notSetAside !== undefined ? { notSetAside } : {}),
  });
  return good.length;
}

/** The records set aside so far (oldest first), for support and for the ?safe=1 view. */
export async function readSetAsideNotifications(): Promise<SetAsideNotification[]> {
  return (await notificationDb()).getAll(SET_ASIDE) as Promise<SetAsideNotification[]>;
}

/** Forget the records set aside. */
export async function clearSetAsideNotifications(): Promise<void> {
  await (await notificationDb()).clear(SET_ASIDE);
}

/** How many notifications the browser keeps, and how many it has set aside. */
export async function countStoredNotifications(): Promise<{ stored: number; setAside: number }> {
  const database = await notificationDb();
  return { stored: await database.count(STORE), setAside: await database.count(SET_ASIDE) };
}

/**
 * At startup: what the browser kept (not in safe mode), then `?notifications=<url>` when the
 * address has it.
 */
export async function bootNotifications(search: string = window.location.search): Promise<void> {
  if (storageEnabled()) await restoreNotifications();
  const ref = limitUrlSearch(search).params?.get('notifications');
  if (ref) await loadNotificationsUrl(ref);
}

/**
 * Add one notification entered by hand (JSON form). Returns the issues when it is not valid;
 * nothing is added then.
 */
export async function addNotification(json: unknown): Promise<NotificationIssue[]> {
  const result = checkNotification(json);
  if (!result.ok) return result.issues;
  const notSaved = await keep([result.notification]);
  const { id } = result.notification;
  alert(notSaved === undefined ? null : { kind: 'notSaved', id, detail: notSaved });
  return [];
}

export async function removeNotification(id: string): Promise<void> {
  useNotificationStore.getState().remove(id);
  if (!storageEnabled()) return;
  try {
    await (await notificationDb()).delete(STORE, id);
  } catch (error) {
    alert({ kind: 'notRemoved', id, detail: detail(error) });
  }
}

/** Every loaded notification as a JSON document (the schema's document form). */
export function exportNotificationsJson(
  list: readonly LaunchNotification[] = useNotificationStore.getState().notifications,
): string {
  return `${JSON.stringify(toNotificationDocument(list), null, 2)}\n`;
}

/**
 * A dropped file: notifications when its start reads as a notification file, otherwise
 * `otherwise` (the catalog loader).
 */
export async function dropNotificationsOr(
  file: File,
  otherwise: (file: File) => Promise<unknown>,
): Promise<void> {
  const head = await file.slice(0, 65_536).text();
  if (isNotificationText(head)) await loadNotificationsFile(file);
  else await otherwise(file);
}
