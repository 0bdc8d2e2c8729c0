// The operator's settings kept in the browser between visits: the catalog refresh schedule, the
// watch list's re-screening and the alert thresholds. Read back like any file: each field is
// checked on its own, a bad one is named and replaced by its default, the good ones are kept.

import { REFRESH_CHOICES_MS } from '../catalog/refreshSchedule';
import { DEFAULT_ALERT_THRESHOLDS, type AlertThresholds } from '../history/alerts';

export interface RescreenSettings {
  /** Screen the watch list whenever a catalog is loaded or refreshed. */
  auto: boolean;
  durationHours: number;
  thresholdKm: number;
}

export const DEFAULT_RESCREEN: RescreenSettings = {
  auto: true,
  durationHours: 168,
  thresholdKm: 5,
};

export const RESCREEN_MAX_HOURS = 168;
export const RESCREEN_MAX_THRESHOLD_KM = 100;
/** Miss-distance alert threshold: larger would turn every screening event into an alert. */
export const ALERT_MAX_MISS_KM = 1_000;
/** The stored document is a few hundred bytes; anything far larger is not ours. */
export const MAX_SETTINGS_CHARS = 16_384;

export interface OperatorSettings {
  /** The chosen refresh interval; null: no scheduled refresh. */
  refreshIntervalMs: number | null;
  rescreen: RescreenSettings;
  alerts: AlertThresholds;
}

export const DEFAULT_OPERATOR_SETTINGS: OperatorSettings = {
  refreshIntervalMs: null,
  rescreen: DEFAULT_RESCREEN,
  alerts: DEFAULT_ALERT_THRESHOLDS,
};

export const SETTINGS_SCHEMA_VERSION = 1;

/** Why a re-screening window or threshold is unusable, or null. */
export function rescreenProblem(r: Pick<RescreenSettings, 'durationHours' | 'thresholdKm'>) {
  const hoursOk =
    Number.isInteger(r.durationHours) &&
    r.durationHours >= 1 &&
    r.durationHours <= RESCREEN_MAX_HOURS;
  const kmOk =
    Number.isFinite(r.thresholdKm) &&
    r.thresholdKm > 0 &&
    r.thresholdKm <= RESCREEN_MAX_THRESHOLD_KM;
  return {
    hours: hoursOk ? null : `hours must be a whole number from 1 to ${RESCREEN_MAX_HOURS}`,
    thresholdKm: kmOk
      ? null
      : `the threshold must be above 0 and at most ${RESCREEN_MAX_THRESHOLD_KM} km`,
  };
}

/** Why alert thresholds are unusable, or null. */
export function alertThresholdsProblem(t: AlertThresholds): string | null {
  const isPc = (x: number) => Number.isFinite(x) && x > 0 && x <= 1;
  if (!isPc(t.redPc)) return 'the red threshold must be a probability above 0, at most 1';
  if (!isPc(t.yellowPc)) return 'the yellow threshold must be a probability above 0, at most 1';
  if (t.yellowPc > t.redPc) return 'the yellow threshold must not be above the red one';
  if (!(Number.isFinite(t.missKm) && t.missKm >= 0 && t.missKm <= ALERT_MAX_MISS_KM))
    return `the miss-distance threshold must be from 0 to ${ALERT_MAX_MISS_KM} km`;
  return null;
}

export function operatorSettingsDocument(s: OperatorSettings): string {
  return JSON.stringify({ schemaVersion: SETTINGS_SCHEMA_VERSION, ...s });
}

export interface ReadSettings {
  settings: OperatorSettings;
  /** Each refused part and why (`rescreen: …`); empty when all was sound or nothing was stored. */
  problems: string[];
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Parse the stored document (null: nothing stored). Never throws. */
export function readOperatorSettings(text: string | null): ReadSettings {
  const settings = structuredClone(DEFAULT_OPERATOR_SETTINGS);
  if (text === null) return { settings, problems: [] };
  if (text.length > MAX_SETTINGS_CHARS)
    return { settings, problems: [`${text.length} characters; at most ${MAX_SETTINGS_CHARS}`] };
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return { settings, problems: ['not JSON'] };
  }
  if (!isObject(doc)) return { settings, problems: ['not an object'] };
  if (doc.schemaVersion !== SETTINGS_SCHEMA_VERSION)
    return {
      settings,
      problems: [`schemaVersion ${String(doc.schemaVersion)} is not ${SETTINGS_SCHEMA_VERSION}`],
    };
  const problems: string[] = [];

  const interval = doc.refreshIntervalMs;
  if (interval === null || REFRESH_CHOICES_MS.includes(interval as number))
    settings.refreshIntervalMs = interval as number | null;
  else
    problems.push(
      `refreshIntervalMs: ${JSON.stringify(interval)} is not one of the offered intervals`,
    );

  const rescreen = readPart<RescreenSettings>(
    doc.rescreen,
    { auto: 'boolean', durationHours: 'number', thresholdKm: 'number' },
    (r) => {
      const p = rescreenProblem(r);
      return p.hours ?? p.thresholdKm;
    },
  );
  if (typeof rescreen === 'string') problems.push(`rescreen: ${rescreen}`);
  else settings.rescreen = rescreen;

  const alerts = readPart<AlertThresholds>(
    doc.alerts,
    { redPc: 'number', yellowPc: 'number', missKm: 'number' },
    alertThresholdsProblem,
  );
  if (typeof alerts === 'string') problems.push(`alerts: ${alerts}`);
  else settings.alerts = alerts;

  return { settings, problems };
}

type FieldTypes<T> = { [K in keyof T]: T[K] extends boolean ? 'boolean' : 'number' };

/**
 * One part of the document: an object with these fields of these types (any others are
 * ignored) that `problem` accepts; otherwise why not.
 */
function readPart<T extends object>(
  value: unknown,
  types: FieldTypes<T>,
  problem: (part: T) => string | null,
): T | string {
  const keys = Object.keys(types) as (keyof T & string)[];
  if (!isObject(value) || keys.some((k) => typeof value[k] !== types[k]))
    return `needs ${keys.slice(0, -1).join(', ')} and ${keys.at(-1)}`;
  const part = Object.fromEntries(keys.map((k) => [k, value[k]])) as T;
  return problem(part) ?? part;
}
