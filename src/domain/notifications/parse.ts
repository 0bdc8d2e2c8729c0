import {
  inputBytesIssue,
  inputRecordsIssue,
  inputTextIssue,
  INPUT_LIMITS,
  type LimitIssue,
} from '../limits';
import { csvIssue, csvToJson } from './csv';
import { formatError, limitError, notificationIssue } from './issues';
import {
  NOTIFICATION_SCHEMA_VERSION,
  type LaunchNotification,
  type LaunchNotificationJson,
  type NotificationDocument,
  type ParsedNotifications,
  type RejectedNotification,
} from './types';
import { checkNotification, checkNotifications, notificationItems } from './validate';

/** Largest notification file read (a notification is well under 10 kB; see INPUT_LIMITS). */
export const MAX_NOTIFICATION_FILE_BYTES = INPUT_LIMITS.notifications.maxBytes;

/** Why a notification file of `bytes` is not read (check File.size first), or null. */
export function checkNotificationFileSize(bytes: number): LimitIssue | null {
  return inputBytesIssue('notifications', bytes);
}

function looksLikeCsv(text: string): boolean {
  const firstLine =
    text
      .replace(/^\uFEFF/, '')
      .trimStart()
      .split(/\r?\n/, 1)[0] ?? '';
  return /(^|,)\s*"?windowStart"?\s*(,|$)/.test(firstLine);
}

/**
 * Whether the start of a file is a notification file rather than a catalog (used to route a
 * dropped file): JSON naming notification fields, or CSV with the notification header.
 */
export function isNotificationText(head: string): boolean {
  const t = head.replace(/^\uFEFF/, '').trimStart();
  if (t.startsWith('{') || t.startsWith('[')) {
    return /"notifications"\s*:/.test(t) || (/"azimuthDeg"\s*:/.test(t) && /"window"\s*:/.test(t));
  }
  return looksLikeCsv(t);
}

/**
 * Read a notification file: JSON (one notification, an array, or a document) or CSV. Valid
 * notifications load even when others are rejected; a file that cannot be read at all throws
 * NotificationFormatError.
 */
export function parseNotificationText(text: string): ParsedNotifications {
  const limitProblem = inputTextIssue('notifications', text);
  if (limitProblem) throw limitError(limitProblem);
  const t = text.replace(/^\uFEFF/, '').trim();
  if (!t) throw formatError('empty');
  if (t.startsWith('<')) throw formatError('markup');
  if (t.startsWith('{') || t.startsWith('[')) {
    let root: unknown;
    try {
      root = JSON.parse(t);
    } catch (error) {
      throw formatError('malformedJson', {
        detail: error instanceof Error ? error.message : String(error),
      });
    }
    const items = notificationItems(root);
    checkNotificationCount(items.length);
    return { format: 'JSON', ...checkNotifications(items) };
  }
  if (!looksLikeCsv(t)) {
    throw formatError('notNotifications');
  }
  const notifications: LaunchNotification[] = [];
  const rejected: RejectedNotification[] = [];
  const seen = new Set<string>();
  const rows = csvToJson(t);
  checkNotificationCount(rows.length);
  for (const row of rows) {
    const result = checkNotification(row.json);
    const issues = result.ok ? [] : result.issues.map(csvIssue);
    if (row.rowError) issues.unshift(notificationIssue('(row)', 'rowCells', row.rowError));
    const id = result.ok ? result.notification.id : result.id;
    if (result.ok && seen.has(id!)) {
      issues.push(notificationIssue('id', 'duplicateRowId', { id: id! }));
    }
    if (issues.length || !result.ok) {
      rejected.push({ index: row.index, line: row.line, id, issues });
    } else {
      seen.add(result.notification.id);
      notifications.push(result.notification);
    }
  }
  return { format: 'CSV', notifications, rejected };
}

function checkNotificationCount(count: number): void {
  const problem = inputRecordsIssue('notifications', count, 'notifications');
  if (problem) throw limitError(problem);
}

const isoUtc = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

/** The JSON form of a checked notification (what export writes and the browser stores). */
export function toNotificationJson(n: LaunchNotification): LaunchNotificationJson {
  const json: LaunchNotificationJson = {
    id: n.id,
    party: n.party,
    kind: n.kind,
    site: n.site.siteId
      ? { siteId: n.site.siteId }
      : { latDeg: n.site.latDeg, lonDeg: n.site.lonDeg, name: n.site.name },
    window: { start: isoUtc(n.windowStartMs), end: isoUtc(n.windowEndMs) },
    azimuthDeg:
      n.azimuth.minDeg === n.azimuth.maxDeg
        ? n.azimuth.minDeg
        : { min: n.azimuth.minDeg, max: n.azimuth.maxDeg },
  };
  if (n.vehicle !== undefined) json.vehicle = n.vehicle;
  if (n.hazardAreas.length) {
    json.hazardAreas = n.hazardAreas.map((a) => ({
      ...(a.name !== undefined ? { name: a.name } : {}),
      kind: a.kind,
      polygon: a.polygon.map((p) => [p[0], p[1]]),
    }));
  }
  if (n.targetOrbit) json.targetOrbit = { ...n.targetOrbit };
  if (n.intlDesignator !== undefined) json.intlDesignator = n.intlDesignator;
  if (n.remarks !== undefined) json.remarks = n.remarks;
  return json;
}

/** A notification file holding `list`, sorted by window start. */
export function toNotificationDocument(list: readonly LaunchNotification[]): NotificationDocument {
  return {
    schemaVersion: NOTIFICATION_SCHEMA_VERSION,
    notifications: sortByWindowStart(list).map(toNotificationJson),
  };
}

export function sortByWindowStart<T extends LaunchNotification>(list: readonly T[]): T[] {
  return [...list].sort(
    (a, b) =>
      a.windowStartMs - b.windowStartMs ||
      a.windowEndMs - b.windowEndMs ||
      a.id.localeCompare(b.id),
  );
}
