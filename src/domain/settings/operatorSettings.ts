// The operator's settings kept in the browser between visits: the catalog refresh schedule, the
// watch list's re-screening and the alert thresholds. Read back like any file: each field is
// checked on its own, a bad one is named and replaced by its default, the good ones are kept.

import { codesOf, type MessageTemplates, type MessageValues } from '../messages';
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

/** Why a stored document, or a value typed, is refused; the interface words the code. */
const TEMPLATES = {
  tooLong: (v) => `${v.chars} characters; at most ${v.max}`,
  notJson: () => 'not JSON',
  notObject: () => 'not an object',
  schemaVersion: (v) => `schemaVersion ${v.found} is not ${v.expected}`,
  interval: (v) => `refreshIntervalMs: ${v.value} is not one of the offered intervals`,
  needs: (v) => `needs ${v.fields} and ${v.last}`,
  hours: (v) => `hours must be a whole number from 1 to ${v.max}`,
  thresholdKm: (v) => `the threshold must be above 0 and at most ${v.max} km`,
  redPc: () => 'the red threshold must be a probability above 0, at most 1',
  yellowPc: () => 'the yellow threshold must be a probability above 0, at most 1',
  yellowAboveRed: () => 'the yellow threshold must not be above the red one',
  missKm: (v) => `the miss-distance threshold must be from 0 to ${v.max} km`,
} satisfies MessageTemplates;

export type SettingsIssueCode = keyof typeof TEMPLATES;
export const SETTINGS_ISSUE_CODES = codesOf(TEMPLATES);

export interface SettingsIssue {
  code: SettingsIssueCode;
  values: MessageValues;
  /** The document's part refused (its JSON name), when not the whole document. */
  part?: 'rescreen' | 'alerts';
}

const issue = (code: SettingsIssueCode, values: MessageValues = {}): SettingsIssue => ({
  code,
  values,
});

/** "rescreen: hours must be a whole number from 1 to 168". */
export const settingsIssueText = (i: SettingsIssue): string =>
  `${i.part ? `${i.part}: ` : ''}${TEMPLATES[i.code](i.values)}`;

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
    hours: hoursOk ? null : issue('hours', { max: String(RESCREEN_MAX_HOURS) }),
    thresholdKm: kmOk ? null : issue('thresholdKm', { max: String(RESCREEN_MAX_THRESHOLD_KM) }),
  };
}

/** Why alert thresholds are unusable, or null. */
export function alertThresholdsProblem(t: AlertThresholds): SettingsIssue | null {
  const isPc = (x: number) => Number.isFinite(x) && x > 0 && x <= 1;
  if (!isPc(t.redPc)) return issue('redPc');
  if (!isPc(t.yellowPc)) return issue('yellowPc');
  if (t.yellowPc > t.redPc) return issue('yellowAboveRed');
  if (!(Number.isFinite(t.missKm) && t.missKm >= 0 && t.missKm <= ALERT_MAX_MISS_KM))
    return issue('missKm', { max: String(ALERT_MAX_MISS_KM) });
  return null;
}

export function operatorSettingsDocument(s: OperatorSettings): string {
  return JSON.stringify({ schemaVersion: SETTINGS_SCHEMA_VERSION, ...s });
}

export interface ReadSettings {
  settings: OperatorSettings;
  /** Each refused part and why (`rescreen: …`); empty when all was sound or nothing was stored. */
  problems: string[];
  /** The same as data. */
  issues: SettingsIssue[];
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Parse the stored document (null: nothing stored). Never throws. */
export function readOperatorSettings(text: string | null): ReadSettings {
  const settings = structuredClone(DEFAULT_OPERATOR_SETTINGS);
  const issues: SettingsIssue[] = [];
  const done = () => ({ settings, problems: issues.map(settingsIssueText), issues });
  if (text === null) return done();
  const refused = (i: SettingsIssue) => (issues.push(i), done());
  if (text.length > MAX_SETTINGS_CHARS)
    return refused(
      issue('tooLong', { chars: String(text.length), max: String(MAX_SETTINGS_CHARS) }),
    );
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return refused(issue('notJson'));
  }
  if (!isObject(doc)) return refused(issue('notObject'));
  if (doc.schemaVersion !== SETTINGS_SCHEMA_VERSION) {
    const found = String(doc.schemaVersion);
    return refused(issue('schemaVersion', { found, expected: String(SETTINGS_SCHEMA_VERSION) }));
  }

  const interval = doc.refreshIntervalMs;
  if (interval === null || REFRESH_CHOICES_MS.includes(interval as number))
    settings.refreshIntervalMs = interval as number | null;
  else issues.push(issue('interval', { value: String(JSON.stringify(interval)) }));

  const rescreen = readPart<RescreenSettings>(
    doc.rescreen,
    { auto: 'boolean', durationHours: 'number', thresholdKm: 'number' },
    (r) => {
      const p = rescreenProblem(r);
      return p.hours ?? p.thresholdKm;
    },
  );
  if ('code' in rescreen) issues.push({ ...rescreen, part: 'rescreen' });
  else settings.rescreen = rescreen;

  const alerts = readPart<AlertThresholds>(
    doc.alerts,
    { redPc: 'number', yellowPc: 'number', missKm: 'number' },
    alertThresholdsProblem,
  );
  if ('code' in alerts) issues.push({ ...alerts, part: 'alerts' });
  else settings.alerts = alerts;

  return done();
}

type FieldTypes<T> = { [K in keyof T]: T[K] extends boolean ? 'boolean' : 'number' };

/**
 * One part of the document: an object with these fields of these types (any others are
 * ignored) that `problem` accepts; otherwise why not.
 */
function readPart<T extends object>(
  value: unknown,
  types: FieldTypes<T>,
  problem: (part: T) => SettingsIssue | null,
): T | SettingsIssue {
  const keys = Object.keys(types) as (keyof T & string)[];
  if (!isObject(value) || keys.some((k) => typeof value[k] !== types[k]))
    return issue('needs', { fields: keys.slice(0, -1).join(', '), last: keys.at(-1) ?? '' });
  const part = Object.fromEntries(keys.map((k) => [k, value[k]])) as T;
  return problem(part) ?? part;
}

/** What the stored settings say on reading or writing, for the watch-list panel's alert. */
export type SettingsNotice =
  | { code: 'partlyRefused'; issues: SettingsIssue[] }
  /** `detail`: the browser's own English. */
  | { code: 'notSaved' | 'notRead'; detail: string };

export function settingsNoticeText(n: SettingsNotice): string {
  switch (n.code) {
    case 'partlyRefused':
      return `Stored settings partly refused, defaults used: ${n.issues.map(settingsIssueText).join(' · ')}`;
    case 'notSaved':
      return `The settings could not be saved in the browser (${n.detail}); they last this visit`;
    case 'notRead':
      return `The stored settings could not be read (${n.detail}); defaults used`;
  }
}
