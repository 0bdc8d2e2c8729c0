import { parseIsoMs } from '../time/iso';
import type { MessageValues } from '../messages';
import {
  formatError,
  gotValues,
  notificationIssue,
  type NotificationIssue,
  type NotificationIssueCode,
} from './issues';
import { launchSite, similarSiteIds } from './sites';
import {
  HAZARD_KINDS,
  NOTIFICATION_KINDS,
  NOTIFICATION_SCHEMA_VERSION,
  type HazardArea,
  type LaunchNotification,
  type LonLat,
  type NotificationKind,
  type NotificationSite,
  type RejectedNotification,
  type TargetOrbit,
} from './types';

export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:/-]{0,63}$/;
/** A launch designator "YYYY-NNN", optionally with the piece letters of one object. */
export const DESIGNATOR_PATTERN = /^\d{4}-\d{3}[A-Z]{0,3}$/;
/** UTC only: a trailing Z (offsets are refused so that a window reads the same everywhere). */
const ISO_UTC_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/;

export const NOTIFICATION_FIELDS = [
  'id',
  'party',
  'kind',
  'vehicle',
  'site',
  'window',
  'azimuthDeg',
  'hazardAreas',
  'targetOrbit',
  'intlDesignator',
  'remarks',
] as const;
const REQUIRED_FIELDS = ['id', 'party', 'kind', 'site', 'window', 'azimuthDeg'] as const;
const DOCUMENT_FIELDS = ['$schema', 'schemaVersion', 'notifications'];

type Json = unknown;
const isObject = (v: Json): v is Record<string, Json> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Collects the issues of one notification. */
class Checker {
  readonly issues: NotificationIssue[] = [];
  fail(field: string, code: NotificationIssueCode, values: MessageValues = {}): undefined {
    this.issues.push(notificationIssue(field, code, values));
    return undefined;
  }
  unknownKeys(obj: Record<string, Json>, allowed: readonly string[], prefix: string): void {
    for (const key of Object.keys(obj)) {
      if (!allowed.includes(key)) {
        this.fail(prefix ? `${prefix}.${key}` : key, 'unknownField', {
          allowed: allowed.join(', '),
        });
      }
    }
  }
  string(v: Json, field: string, maxLength: number): string | undefined {
    if (typeof v !== 'string') return this.fail(field, 'notText', gotValues(v));
    const s = v.trim();
    if (!s) return this.fail(field, 'empty');
    if (s.length > maxLength) return this.fail(field, 'tooLong', { max: maxLength });
    return s;
  }
  number(
    v: Json,
    field: string,
    min: number,
    max: number,
    maxExclusive = false,
  ): number | undefined {
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      return this.fail(field, 'notNumber', gotValues(v));
    }
    if (v < min || v > max || (maxExclusive && v === max)) {
      const code = maxExclusive ? 'outOfRangeExclusive' : 'outOfRange';
      return this.fail(field, code, { value: String(v), min: String(min), max: String(max) });
    }
    return v;
  }
  time(v: Json, field: string): number | undefined {
    if (typeof v !== 'string') return this.fail(field, 'notTimeText', gotValues(v));
    const ms = ISO_UTC_PATTERN.test(v)
      ? parseIsoMs(v.length === 17 ? `${v.slice(0, 16)}:00Z` : v)
      : null;
    if (ms === null) return this.fail(field, 'notUtcTime', gotValues(v));
    return ms;
  }
}

function checkSite(c: Checker, v: Json): NotificationSite | undefined {
  if (!isObject(v)) {
    return c.fail('site', 'siteShape', gotValues(v));
  }
  c.unknownKeys(v, ['siteId', 'latDeg', 'lonDeg', 'name'], 'site');
  const explicit = 'latDeg' in v || 'lonDeg' in v;
  if ('siteId' in v) {
    if (explicit) return c.fail('site', 'siteBoth');
    const id = c.string(v.siteId, 'site.siteId', 64);
    if (id === undefined) return undefined;
    const site = launchSite(id);
    if (!site) {
      const similar = similarSiteIds(id);
      return similar.length
        ? c.fail('site.siteId', 'unknownSiteSimilar', { id, similar: similar.join(', ') })
        : c.fail('site.siteId', 'unknownSite', { id });
    }
    const name = 'name' in v ? c.string(v.name, 'site.name', 120) : site.name;
    return name === undefined
      ? undefined
      : { siteId: site.id, name, latDeg: site.latDeg, lonDeg: site.lonDeg };
  }
  if (!explicit) return c.fail('site', 'siteMissing');
  const latDeg = c.number(v.latDeg, 'site.latDeg', -90, 90);
  const lonDeg = c.number(v.lonDeg, 'site.lonDeg', -180, 180);
  const name = 'name' in v ? c.string(v.name, 'site.name', 120) : undefined;
  if (latDeg === undefined || lonDeg === undefined || ('name' in v && name === undefined))
    return undefined;
  return { name: name ?? `${latDeg.toFixed(2)}°, ${lonDeg.toFixed(2)}°`, latDeg, lonDeg };
}

function checkWindow(c: Checker, v: Json): { startMs: number; endMs: number } | undefined {
  if (!isObject(v)) return c.fail('window', 'windowShape', gotValues(v));
  c.unknownKeys(v, ['start', 'end'], 'window');
  const startMs = c.time(v.start, 'window.start');
  const endMs = c.time(v.end, 'window.end');
  if (startMs === undefined || endMs === undefined) return undefined;
  if (endMs <= startMs) {
    return c.fail('window', 'windowInverted', { end: String(v.end), start: String(v.start) });
  }
  return { startMs, endMs };
}

function checkAzimuth(c: Checker, v: Json): { minDeg: number; maxDeg: number } | undefined {
  if (typeof v === 'number') {
    const az = c.number(v, 'azimuthDeg', 0, 360, true);
    return az === undefined ? undefined : { minDeg: az, maxDeg: az };
  }
  if (!isObject(v)) {
    return c.fail('azimuthDeg', 'azimuthShape', gotValues(v));
  }
  c.unknownKeys(v, ['min', 'max'], 'azimuthDeg');
  const minDeg = c.number(v.min, 'azimuthDeg.min', 0, 360, true);
  const maxDeg = c.number(v.max, 'azimuthDeg.max', 0, 360, true);
  return minDeg === undefined || maxDeg === undefined ? undefined : { minDeg, maxDeg };
}

function checkPoint(c: Checker, v: Json, field: string): LonLat | undefined {
  if (!Array.isArray(v) || v.length !== 2) {
    return c.fail(field, 'pointShape', gotValues(v));
  }
  const lon = c.number(v[0], `${field}[0]`, -180, 180);
  const lat = c.number(v[1], `${field}[1]`, -90, 90);
  return lon === undefined || lat === undefined ? undefined : [lon, lat];
}

function checkPolygon(c: Checker, v: Json, field: string): LonLat[] | undefined {
  if (!Array.isArray(v)) return c.fail(field, 'polygonShape', gotValues(v));
  if (v.length < 4) return c.fail(field, 'polygonTooFew', { count: v.length });
  const before = c.issues.length;
  const points = v.map((p, i) => checkPoint(c, p, `${field}[${i}]`));
  if (c.issues.length > before) return undefined;
  const ring = points as LonLat[];
  const first = ring[0];
  const last = ring[ring.length - 1];
  if (first[0] !== last[0] || first[1] !== last[1]) {
    return c.fail(field, 'polygonOpen', { first: first.join(', '), last: last.join(', ') });
  }
  if (new Set(ring.slice(0, -1).map((p) => p.join(','))).size < 3) {
    return c.fail(field, 'polygonDegenerate');
  }
  return ring;
}

function checkHazards(c: Checker, v: Json): HazardArea[] | undefined {
  if (v === undefined) return [];
  if (!Array.isArray(v)) return c.fail('hazardAreas', 'notArray', gotValues(v));
  const areas: HazardArea[] = [];
  v.forEach((area, i) => {
    const field = `hazardAreas[${i}]`;
    if (!isObject(area)) {
      c.fail(field, 'hazardShape', gotValues(area));
      return;
    }
    c.unknownKeys(area, ['name', 'kind', 'polygon'], field);
    const name = 'name' in area ? c.string(area.name, `${field}.name`, 120) : undefined;
    let kind: HazardArea['kind'] = 'hazard';
    if ('kind' in area) {
      if (HAZARD_KINDS.includes(area.kind as HazardArea['kind']))
        kind = area.kind as HazardArea['kind'];
      else
        c.fail(`${field}.kind`, 'notOneOf', {
          options: HAZARD_KINDS.join(', '),
          ...gotValues(area.kind),
        });
    }
    const polygon = checkPolygon(c, area.polygon, `${field}.polygon`);
    if (polygon) areas.push(name === undefined ? { kind, polygon } : { name, kind, polygon });
  });
  return areas.length === v.length ? areas : undefined;
}

function checkTargetOrbit(c: Checker, v: Json): TargetOrbit | undefined {
  if (!isObject(v)) return c.fail('targetOrbit', 'notObject', gotValues(v));
  c.unknownKeys(v, ['inclinationDeg', 'altitudeKm'], 'targetOrbit');
  const orbit: TargetOrbit = {};
  if ('inclinationDeg' in v)
    orbit.inclinationDeg = c.number(v.inclinationDeg, 'targetOrbit.inclinationDeg', 0, 180);
  if ('altitudeKm' in v)
    orbit.altitudeKm = c.number(v.altitudeKm, 'targetOrbit.altitudeKm', 1, 1_000_000);
  if (!('inclinationDeg' in v) && !('altitudeKm' in v)) {
    return c.fail('targetOrbit', 'orbitMissing');
  }
  return orbit;
}

/**
 * Check one notification in its JSON form. Returns the checked notification, or every issue
 * found (all fields are checked, not just the first bad one).
 */
export function checkNotification(
  v: Json,
):
  | { ok: true; notification: LaunchNotification }
  | { ok: false; id?: string; issues: NotificationIssue[] } {
  const c = new Checker();
  if (!isObject(v)) {
    c.fail('(notification)', 'notObject', gotValues(v));
    return { ok: false, issues: c.issues };
  }
  c.unknownKeys(v, NOTIFICATION_FIELDS, '');
  for (const field of REQUIRED_FIELDS) if (!(field in v)) c.fail(field, 'required');
  const has = (k: string) => k in v;
  const id = has('id') ? c.string(v.id, 'id', 64) : undefined;
  if (id !== undefined && !ID_PATTERN.test(id)) {
    c.fail('id', 'badId', { id });
  }
  const party = has('party') ? c.string(v.party, 'party', 200) : undefined;
  let kind: NotificationKind | undefined;
  if (has('kind')) {
    if (NOTIFICATION_KINDS.includes(v.kind as NotificationKind)) kind = v.kind as NotificationKind;
    else
      c.fail('kind', 'notOneOf', { options: NOTIFICATION_KINDS.join(', '), ...gotValues(v.kind) });
  }
  const vehicle = has('vehicle') ? c.string(v.vehicle, 'vehicle', 120) : undefined;
  const site = has('site') ? checkSite(c, v.site) : undefined;
  const window = has('window') ? checkWindow(c, v.window) : undefined;
  const azimuth = has('azimuthDeg') ? checkAzimuth(c, v.azimuthDeg) : undefined;
  const hazardAreas = checkHazards(c, v.hazardAreas);
  const targetOrbit = has('targetOrbit') ? checkTargetOrbit(c, v.targetOrbit) : undefined;
  let intlDesignator: string | undefined;
  if (has('intlDesignator')) {
    intlDesignator = c.string(v.intlDesignator, 'intlDesignator', 16)?.toUpperCase();
    if (intlDesignator !== undefined && !DESIGNATOR_PATTERN.test(intlDesignator)) {
      intlDesignator = c.fail('intlDesignator', 'badDesignator', { value: intlDesignator });
    }
  }
  const remarks = has('remarks') ? c.string(v.remarks, 'remarks', 4000) : undefined;

  const goodId = id !== undefined && ID_PATTERN.test(id) ? id : undefined;
  if (c.issues.length) return { ok: false, id: goodId, issues: c.issues };
  const notification: LaunchNotification = {
    id: id!,
    party: party!,
    kind: kind!,
    site: site!,
    windowStartMs: window!.startMs,
    windowEndMs: window!.endMs,
    azimuth: azimuth!,
    hazardAreas: hazardAreas!,
  };
  if (vehicle !== undefined) notification.vehicle = vehicle;
  if (targetOrbit !== undefined) notification.targetOrbit = targetOrbit;
  if (intlDesignator !== undefined) notification.intlDesignator = intlDesignator;
  if (remarks !== undefined) notification.remarks = remarks;
  return { ok: true, notification };
}

/** The notifications a parsed JSON value holds: one, an array, or a document. */
export function notificationItems(root: Json): Json[] {
  if (Array.isArray(root)) return root;
  if (isObject(root) && 'notifications' in root) {
    const unknown = Object.keys(root).filter((k) => !DOCUMENT_FIELDS.includes(k));
    if (unknown.length) {
      throw formatError('unknownTopLevel', { fields: unknown.map((k) => `"${k}"`).join(', ') });
    }
    if ('schemaVersion' in root && root.schemaVersion !== NOTIFICATION_SCHEMA_VERSION) {
      throw formatError('schemaVersion', {
        ...gotValues(root.schemaVersion),
        expected: NOTIFICATION_SCHEMA_VERSION,
      });
    }
    if (!Array.isArray(root.notifications)) {
      throw formatError('notificationsNotArray', gotValues(root.notifications));
    }
    return root.notifications;
  }
  if (isObject(root) && 'id' in root) return [root];
  throw formatError('notNotificationRoot');
}

/**
 * Check a list of JSON notifications: valid ones are kept even when others are rejected. A
 * repeated id is rejected after its first use.
 */
export function checkNotifications(items: Json[]): {
  notifications: LaunchNotification[];
  rejected: RejectedNotification[];
} {
  const notifications: LaunchNotification[] = [];
  const rejected: RejectedNotification[] = [];
  const seen = new Set<string>();
  items.forEach((item, i) => {
    const result = checkNotification(item);
    if (!result.ok) {
      rejected.push({ index: i + 1, id: result.id, issues: result.issues });
    } else if (seen.has(result.notification.id)) {
      rejected.push({
        index: i + 1,
        id: result.notification.id,
        issues: [notificationIssue('id', 'duplicateId', { id: result.notification.id })],
      });
    } else {
      seen.add(result.notification.id);
      notifications.push(result.notification);
    }
  });
  return { notifications, rejected };
}

/** One line per rejected notification: "notification 2 (id X), window: inverted: …". */
export function describeRejection(r: RejectedNotification): string {
  const where =
    `notification ${r.index}` + (r.id ? ` (id ${r.id})` : '') + (r.line ? `, line ${r.line}` : '');
  return `${where}: ${r.issues.map((i) => `${i.field}: ${i.reason}`).join('; ')}`;
}
