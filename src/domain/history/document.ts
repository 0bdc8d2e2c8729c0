// The event store as one JSON document (export, import, and the IndexedDB read-back):
//   { "schemaVersion": 1, "exportedAt": "<ISO 8601>", "events": [ConjunctionEventHistory, …] }
// Reading validates every field of every event; an event with anything wrong is set aside with
// its index, the path of the field and the reason, and never loaded. Only input that is not such a
// document at all (not JSON, not an object, another schema version, too large) throws, and then
// only HistoryDocumentError.
import { parseEventKey } from '../conjunctions/list';
import type { ConjunctionRecord } from '../conjunctions/types';
import { PC_ISSUE_CODES } from '../probability/issues';
import { pairKey } from './designator';
import {
  HISTORY_SCHEMA_VERSION,
  MAX_ACKNOWLEDGEMENTS_PER_EVENT,
  MAX_DOCUMENT_CHARS,
  MAX_EVENTS,
  MAX_TEXT_LENGTH,
  MAX_TIME_MS,
  MAX_UPDATES_PER_EVENT,
  MIN_TIME_MS,
} from './limits';
import { compareUpdates, mergeHistories } from './merge';
import type {
  ConjunctionEventHistory,
  EventAcknowledgement,
  EventUpdate,
  UpdateOrigin,
} from './types';

/** The input is not an event-store document at all. */
export class HistoryDocumentError extends Error {
  override readonly name = 'HistoryDocumentError';
}

export interface HistoryDocument {
  schemaVersion: typeof HISTORY_SCHEMA_VERSION;
  exportedAt: string;
  events: ConjunctionEventHistory[];
}

export interface RejectedEvent {
  /** Index of the event in the document's `events`. */
  index: number;
  eventId?: string;
  /** Path of the offending field, e.g. `events[3].updates[0].record.tcaMs`. */
  path: string;
  reason: string;
}

export interface HistoryReadResult {
  histories: ConjunctionEventHistory[];
  rejected: RejectedEvent[];
}

export function historiesToDocument(
  histories: readonly ConjunctionEventHistory[],
  exportedAtMs = Date.now(),
): HistoryDocument {
  return {
    schemaVersion: HISTORY_SCHEMA_VERSION,
    exportedAt: new Date(exportedAtMs).toISOString(),
    events: histories.slice(),
  };
}

class FieldError extends Error {
  constructor(
    readonly path: string,
    reason: string,
  ) {
    super(reason);
  }
}

type Obj = Record<string, unknown>;
/** A field within `path`: a property name or an array index (joined only when reporting). */
type Key = string | number | undefined;

const at = (path: string, key: Key): string =>
  key === undefined ? path : typeof key === 'number' ? `${path}[${key}]` : `${path}.${key}`;

function fail(path: string, key: Key, reason: string): never {
  throw new FieldError(at(path, key), reason);
}

const describe = (v: unknown): string => {
  if (v === null || v === undefined) return String(v);
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return v.length > 40 ? 'a long string' : JSON.stringify(v);
  return `a ${typeof v}`;
};

function object(v: unknown, path: string, key?: Key): Obj {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) {
    fail(path, key, `must be an object, not ${describe(v)}`);
  }
  return v as Obj;
}

function array(v: unknown, path: string, key: Key, min: number, max: number): unknown[] {
  if (!Array.isArray(v)) fail(path, key, `must be an array, not ${describe(v)}`);
  if (v.length < min || v.length > max) {
    fail(path, key, `must hold ${min === max ? min : `${min} to ${max}`} items, not ${v.length}`);
  }
  return v;
}

/**
 * Each element, holes included (as undefined): a sparse array's holes are skipped by map and
 * forEach, so unvalidated arrays are walked by index.
 */
function each<T>(items: unknown[], visit: (x: unknown, i: number) => T): T[] {
  const out: T[] = new Array(items.length);
  for (let i = 0; i < items.length; i++) out[i] = visit(items[i], i);
  return out;
}

function text(v: unknown, path: string, key?: Key, max = MAX_TEXT_LENGTH, min = 0): string {
  if (typeof v !== 'string') fail(path, key, `must be a string, not ${describe(v)}`);
  if (v.length < min || v.length > max) {
    fail(path, key, min ? `must be 1 to ${max} characters` : `longer than ${max} characters`);
  }
  return v;
}

const id = (v: unknown, path: string, key?: Key) => text(v, path, key, MAX_TEXT_LENGTH, 1);

function num(v: unknown, path: string, key?: Key, min = -Infinity, max = Infinity): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) {
    fail(path, key, `must be a finite number, not ${describe(v)}`);
  }
  if (v < min || v > max) fail(path, key, `must lie in [${min}, ${max}], not ${v}`);
  return v;
}

const nonNegative = (v: unknown, path: string, key?: Key) => num(v, path, key, 0);
const probability = (v: unknown, path: string, key?: Key) => num(v, path, key, 0, 1);
const time = (v: unknown, path: string, key?: Key) => num(v, path, key, MIN_TIME_MS, MAX_TIME_MS);

function oneOf<T extends string>(v: unknown, path: string, key: Key, values: readonly T[]): T {
  if (typeof v !== 'string' || !values.includes(v as T)) {
    fail(path, key, `must be one of ${values.join(', ')}, not ${describe(v)}`);
  }
  return v as T;
}

function bool(v: unknown, path: string, key?: Key): boolean {
  if (typeof v !== 'boolean') fail(path, key, `must be true or false, not ${describe(v)}`);
  return v;
}

/** An optional field: absent (or undefined) → undefined; anything else must pass `check`. */
function opt<T>(
  o: Obj,
  key: string,
  path: string,
  check: (v: unknown, path: string, key: Key) => T,
): T | undefined {
  const v = o[key];
  return v === undefined ? undefined : check(v, path, key);
}

function numbers(v: unknown, path: string, key: Key, n: number, min = -Infinity): number[] {
  const a = array(v, path, key, n, n);
  for (let i = 0; i < n; i++) {
    const x = a[i];
    if (typeof x !== 'number' || !(x >= min) || !Number.isFinite(x)) num(x, at(path, key), i, min);
  }
  return a as number[];
}

const vec3 = (v: unknown, path: string, key?: Key) =>
  numbers(v, path, key, 3) as [number, number, number];
const sigmas = (v: unknown, path: string, key?: Key) =>
  numbers(v, path, key, 3, 0) as [number, number, number];

function matrix(v: unknown, path: string, key: Key, n: number): void {
  const rows = array(v, path, key, n, n);
  for (let i = 0; i < n; i++) numbers(rows[i], at(path, key), i, n);
}

function textList(v: unknown, path: string, key: Key): void {
  each(array(v, path, key, 0, 10_000), (x, i) => text(x, at(path, key), i, 1_000_000));
}

function extras(v: unknown, path: string, key: Key): void {
  each(array(v, path, key, 0, 10_000), (x, i) => {
    const p = at(at(path, key), i);
    const e = object(x, p);
    text(e.keyword, p, 'keyword');
    text(e.value, p, 'value', 1_000_000);
    opt(e, 'unit', p, text);
  });
}

const SOURCES = ['screening', 'cdm', 'socrates'] as const;
const PC_KINDS = ['covariance', 'maximum'] as const;
const SCREENING_SCOPES = ['allVsAll', 'primaries', 'ephemerides'] as const;

function stateKm(v: unknown, path: string, key: Key): void {
  const s = object(v, path, key);
  vec3(s.rKm, at(path, key), 'rKm');
  vec3(s.vKmS, at(path, key), 'vKmS');
}

/** The CDM fields the app reads (Pc, geometry, HBR, export); the rest is kept as it is. */
function cdmMessage(v: unknown, parent: string, key: Key): void {
  const path = at(parent, key);
  const m = object(v, path);
  oneOf(m.format, path, 'format', ['KVN', 'XML'] as const);
  const hp = `${path}.header`;
  const h = object(m.header, hp);
  text(h.creationDate, hp, 'creationDate');
  time(h.creationDateMs, hp, 'creationDateMs');
  text(h.originator, hp, 'originator');
  text(h.messageId, hp, 'messageId');
  textList(h.comments, hp, 'comments');
  const rp = `${path}.relative`;
  const r = object(m.relative, rp);
  text(r.tca, rp, 'tca');
  time(r.tcaMs, rp, 'tcaMs');
  text(r.tcaIso, rp, 'tcaIso');
  nonNegative(r.missDistanceM, rp, 'missDistanceM');
  opt(r, 'relativeSpeedMS', rp, nonNegative);
  opt(r, 'relativePositionRtnM', rp, vec3);
  opt(r, 'relativeVelocityRtnMS', rp, vec3);
  opt(r, 'collisionProbability', rp, probability);
  opt(r, 'hbrM', rp, nonNegative);
  extras(r.extra, rp, 'extra');
  textList(r.comments, rp, 'comments');
  for (const k of ['object1', 'object2'] as const) {
    const p = `${path}.${k}`;
    const o = object(m[k], p);
    oneOf(o.object, p, 'object', ['OBJECT1', 'OBJECT2'] as const);
    for (const f of ['objectDesignator', 'objectName', 'refFrame'] as const) text(o[f], p, f);
    opt(o, 'exclusionVolumeRadiusM', p, nonNegative);
    vec3(o.positionKm, p, 'positionKm');
    vec3(o.velocityKmS, p, 'velocityKmS');
    matrix(o.covarianceRtn, p, 'covarianceRtn', 6);
    for (const f of ['metadataExtra', 'dataExtra', 'covarianceExtra'] as const) extras(o[f], p, f);
    textList(o.comments, p, 'comments');
  }
  array(m.warnings, path, 'warnings', 0, 10_000);
}

function pcSummary(v: unknown, parent: string, key: Key): void {
  const p = at(parent, key);
  const pc = object(v, p);
  probability(pc.value, p, 'value');
  text(pc.method, p, 'method');
  oneOf(pc.kind, p, 'kind', PC_KINDS);
  opt(pc, 'hbrM', p, nonNegative);
  opt(pc, 'hbrSource', p, text);
  opt(pc, 'crossCheck', p, probability);
  opt(pc, 'reported', p, probability);
}

function states(v: unknown, parent: string, key: Key): void {
  const p = at(parent, key);
  const s = object(v, p);
  text(s.frame, p, 'frame');
  stateKm(s.object1, p, 'object1');
  stateKm(s.object2, p, 'object2');
}

/** A message as data (`{ code, values }`): a known code, text or number values. */
const messageData =
  (codes: readonly string[]) =>
  (v: unknown, parent: string, key: Key): void => {
    const p = at(parent, key);
    const m = object(v, p);
    oneOf(m.code, p, 'code', codes);
    const values = object(m.values, p, 'values');
    for (const [k, x] of Object.entries(values)) {
      if (typeof x === 'number') num(x, `${p}.values`, k);
      else text(x, `${p}.values`, k, 100_000);
    }
  };

/** A screening run's description (runs): its kind, window, threshold and scope. */
function runDescription(v: unknown, parent: string, key: Key): void {
  const p = at(parent, key);
  const run = object(v, p);
  const kind = oneOf(run.kind, p, 'kind', ['screening', 'rescreen'] as const);
  time(run.startMs, p, 'startMs');
  num(run.hours, p, 'hours', 0);
  nonNegative(run.thresholdKm, p, 'thresholdKm');
  const sp = `${p}.scope`;
  const scope = object(run.scope, sp);
  const scopes = kind === 'screening' ? SCREENING_SCOPES : (['watchList'] as const);
  if (oneOf(scope.kind, sp, 'kind', scopes) === 'allVsAll') return;
  num(scope.count, sp, 'count', 0, Number.MAX_SAFE_INTEGER);
  if (!Number.isInteger(scope.count)) fail(sp, 'count', 'must be an integer');
  if (kind === 'screening') return;
  text(scope.catalog, sp, 'catalog');
  opt(scope, 'fetchedAtMs', sp, time);
}

function record(v: unknown, path: string): ConjunctionRecord {
  const r = object(v, path);
  text(r.key, path, 'key');
  oneOf(r.source, path, 'source', SOURCES);
  text(r.sourceLabel, path, 'sourceLabel');
  for (const f of ['id1', 'id2'] as const) {
    if (r[f] === null) continue;
    num(r[f], path, f, 0, Number.MAX_SAFE_INTEGER);
    if (!Number.isInteger(r[f])) fail(path, f, 'must be an integer or null');
  }
  id(r.designator1, path, 'designator1');
  id(r.designator2, path, 'designator2');
  text(r.name1, path, 'name1');
  text(r.name2, path, 'name2');
  opt(r, 'type1', path, text);
  opt(r, 'type2', path, text);
  time(r.tcaMs, path, 'tcaMs');
  nonNegative(r.rangeKm, path, 'rangeKm');
  nonNegative(r.relSpeedKmS, path, 'relSpeedKmS');
  opt(r, 'ricKm', path, vec3);
  opt(r, 'dse1', path, num);
  opt(r, 'dse2', path, num);
  opt(r, 'pc', path, pcSummary);
  opt(r, 'pcProblem', path, (x, p, k) => text(x, p, k, 100_000));
  opt(r, 'pcIssue', path, messageData(PC_ISSUE_CODES));
  opt(r, 'run', path, runDescription);
  opt(r, 'states', path, states);
  opt(r, 'covariancesRtnM2', path, (x, p, k) =>
    each(array(x, p, k, 2, 2), (m, i) => matrix(m, at(p, k), i, 3)),
  );
  opt(r, 'cdm', path, cdmMessage);
  opt(r, 'comparison', path, (x, p, k) => bool(object(x, p, k).ok, at(p, k), 'ok'));
  return r as unknown as ConjunctionRecord;
}

function origin(v: unknown, path: string): UpdateOrigin {
  const o = object(v, path);
  const source = oneOf(o.source, path, 'source', SOURCES);
  if (source === 'screening') {
    const epochs = opt(o, 'elementEpochsMs', path, (x, p, k) => {
      const a = numbers(x, p, k, 2);
      return [time(a[0], at(p, k), 0), time(a[1], at(p, k), 1)] as [number, number];
    });
    return {
      source,
      runLabel: text(o.runLabel, path, 'runLabel'),
      ...(epochs ? { elementEpochsMs: epochs } : {}),
    };
  }
  if (source === 'cdm') {
    return {
      source,
      originator: text(o.originator, path, 'originator'),
      messageId: text(o.messageId, path, 'messageId'),
      fileName: text(o.fileName, path, 'fileName'),
    };
  }
  return { source, fileName: text(o.fileName, path, 'fileName') };
}

/** Ages: JSON writes an unknown one (undefined) as null. */
function ageDays(v: unknown, path: string, key: Key): [number | undefined, number | undefined] {
  const a = array(v, path, key, 2, 2);
  const one = (i: number) =>
    a[i] === null || a[i] === undefined ? undefined : num(a[i], at(path, key), i);
  return [one(0), one(1)];
}

function update(v: unknown, path: string): EventUpdate {
  const u = object(v, path);
  const rec = record(u.record, `${path}.record`);
  const out: EventUpdate = {
    updateId: id(u.updateId, path, 'updateId'),
    origin: origin(u.origin, `${path}.origin`),
    createdMs: time(u.createdMs, path, 'createdMs'),
    tcaMs: time(u.tcaMs, path, 'tcaMs'),
    missKm: nonNegative(u.missKm, path, 'missKm'),
    relSpeedKmS: nonNegative(u.relSpeedKmS, path, 'relSpeedKmS'),
    record: rec,
  };
  const missRtnKm = opt(u, 'missRtnKm', path, vec3);
  const pc = opt(u, 'pc', path, probability);
  const pcMethod = opt(u, 'pcMethod', path, text);
  const pcKind = opt(u, 'pcKind', path, (x, p, k) => oneOf(x, p, k, PC_KINDS));
  const sigmaRtnM = opt(u, 'sigmaRtnM', path, sigmas);
  const mahalanobis = opt(u, 'mahalanobis', path, nonNegative);
  const ages = opt(u, 'ageDays', path, ageDays);
  const hbrM = opt(u, 'hbrM', path, nonNegative);
  if (missRtnKm) out.missRtnKm = missRtnKm;
  if (pc !== undefined) out.pc = pc;
  if (pcMethod !== undefined) out.pcMethod = pcMethod;
  if (pcKind !== undefined) out.pcKind = pcKind;
  if (sigmaRtnM) out.sigmaRtnM = sigmaRtnM;
  if (mahalanobis !== undefined) out.mahalanobis = mahalanobis;
  if (ages) out.ageDays = ages;
  if (hbrM !== undefined) out.hbrM = hbrM;
  if (out.origin.source !== rec.source) {
    fail(`${path}.record`, 'source', `is ${rec.source}, the update's origin ${out.origin.source}`);
  }
  if (out.tcaMs !== rec.tcaMs) fail(path, 'tcaMs', "differs from its record's TCA");
  return out;
}

function acknowledgement(v: unknown, path: string): EventAcknowledgement {
  const a = object(v, path);
  return { alertId: id(a.alertId, path, 'alertId'), atMs: time(a.atMs, path, 'atMs') };
}

function history(v: unknown, path: string): ConjunctionEventHistory {
  const h = object(v, path);
  const eventId = id(h.eventId, path, 'eventId');
  if (!parseEventKey(eventId)) {
    fail(path, 'eventId', 'is not `<designator>-<designator>@<ISO 8601 TCA>`');
  }
  const out: ConjunctionEventHistory = {
    eventId,
    designator1: id(h.designator1, path, 'designator1'),
    designator2: id(h.designator2, path, 'designator2'),
    name1: text(h.name1, path, 'name1'),
    name2: text(h.name2, path, 'name2'),
    updates: each(array(h.updates, path, 'updates', 1, MAX_UPDATES_PER_EVENT), (u, i) =>
      update(u, `${path}.updates[${i}]`),
    ),
    acknowledgements: each(
      array(h.acknowledgements, path, 'acknowledgements', 0, MAX_ACKNOWLEDGEMENTS_PER_EVENT),
      (a, i) => acknowledgement(a, `${path}.acknowledgements[${i}]`),
    ),
  };
  const dropped = opt(h, 'droppedAtMs', path, time);
  if (dropped !== undefined) out.droppedAtMs = dropped;
  const archived = opt(h, 'archived', path, bool);
  if (archived !== undefined) out.archived = archived;
  const pair = pairKey(out.designator1, out.designator2);
  const ids = new Set<string>();
  out.updates.forEach((u, i) => {
    const p = `${path}.updates[${i}]`;
    if (pairKey(u.record.designator1, u.record.designator2) !== pair) {
      fail(p, 'record', `is about another pair than the event's ${pair}`);
    }
    if (ids.has(u.updateId)) fail(p, 'updateId', 'repeats an earlier update');
    ids.add(u.updateId);
  });
  out.updates.sort(compareUpdates);
  return out;
}

function documentObject(input: unknown): Obj {
  let data = input;
  if (typeof input === 'string') {
    if (input.length > MAX_DOCUMENT_CHARS) {
      throw new HistoryDocumentError(
        `event store document is ${input.length} characters; the limit is ${MAX_DOCUMENT_CHARS}`,
      );
    }
    try {
      data = JSON.parse(input);
    } catch (e) {
      throw new HistoryDocumentError(`not JSON: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new HistoryDocumentError('not an event store document (expected a JSON object)');
  }
  const doc = data as Obj;
  if (doc.schemaVersion !== HISTORY_SCHEMA_VERSION) {
    throw new HistoryDocumentError(
      `schemaVersion must be ${HISTORY_SCHEMA_VERSION}, not ${describe(doc.schemaVersion)}`,
    );
  }
  if (typeof doc.exportedAt !== 'string' || Number.isNaN(Date.parse(doc.exportedAt))) {
    throw new HistoryDocumentError(
      `exportedAt must be an ISO 8601 time, not ${describe(doc.exportedAt)}`,
    );
  }
  if (!Array.isArray(doc.events)) {
    throw new HistoryDocumentError(`events must be an array, not ${describe(doc.events)}`);
  }
  if (doc.events.length > MAX_EVENTS) {
    throw new HistoryDocumentError(`${doc.events.length} events; the limit is ${MAX_EVENTS}`);
  }
  return doc;
}

/**
 * Reads an event-store document (its JSON text, or the parsed value as IndexedDB gives it back).
 * Events that fail validation — or repeat an eventId or an updateId of an earlier event — are
 * listed in `rejected` and left out; the rest come back with updates in creation order.
 */
export function historiesFromDocument(input: unknown): HistoryReadResult {
  const doc = documentObject(input);
  const histories: ConjunctionEventHistory[] = [];
  const rejected: RejectedEvent[] = [];
  const eventIds = new Set<string>();
  const updateIds = new Map<string, number>();
  each(doc.events as unknown[], (e, index) => {
    const path = `events[${index}]`;
    const rawId =
      typeof e === 'object' && e !== null && typeof (e as Obj).eventId === 'string'
        ? ((e as Obj).eventId as string).slice(0, MAX_TEXT_LENGTH)
        : undefined;
    try {
      const h = history(e, path);
      if (eventIds.has(h.eventId)) fail(path, 'eventId', 'repeats an earlier event');
      h.updates.forEach((u, i) => {
        const other = updateIds.get(u.updateId);
        if (other !== undefined) {
          fail(`${path}.updates[${i}]`, 'updateId', `is already in events[${other}]`);
        }
      });
      eventIds.add(h.eventId);
      for (const u of h.updates) updateIds.set(u.updateId, index);
      histories.push(h);
    } catch (err) {
      if (!(err instanceof FieldError)) throw err;
      rejected.push({
        index,
        ...(rawId !== undefined ? { eventId: rawId } : {}),
        path: err.path,
        reason: err.message,
      });
    }
  });
  return { histories, rejected };
}

/** An imported document merged into the store (a shift handover): see mergeHistories. */
export function importHistoryDocument(
  existing: readonly ConjunctionEventHistory[],
  input: unknown,
): HistoryReadResult {
  const { histories, rejected } = historiesFromDocument(input);
  return { histories: mergeHistories(existing, histories), rejected };
}
