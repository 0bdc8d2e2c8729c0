// Pure list logic for the event table: keys for links, filters, sorting, export of rows.
import { csvRow } from '../exportSafety';
import type { ConjunctionRecord } from './types';

/** ISO 8601 UTC with milliseconds (TCA rounded to the nearest ms). */
export function isoMs(ms: number): string {
  return new Date(Math.round(ms)).toISOString();
}

/** `<id1>-<id2>@<TCA ISO ms>`, e.g. `25544-49863@2024-10-31T10:40:12.345Z`. */
export function eventKey(designator1: string, designator2: string, tcaMs: number): string {
  return `${designator1}-${designator2}@${isoMs(tcaMs)}`;
}

/** The parts of an event key, or null when the text is not one. */
export function parseEventKey(
  text: string,
): { designator1: string; designator2: string; tcaMs: number } | null {
  const m =
    /^([^@\s-][^@\s]*?)-([^@\s-][^@\s]*)@(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,3})?Z)$/.exec(
      text.trim(),
    );
  if (!m) return null;
  const tcaMs = Date.parse(m[3]);
  return Number.isNaN(tcaMs) ? null : { designator1: m[1], designator2: m[2], tcaMs };
}

/** The record a link names: the same key, or the same pair within 1 ms of its TCA. */
export function findByKey(
  records: readonly ConjunctionRecord[],
  key: string,
): ConjunctionRecord | undefined {
  const exact = records.find((r) => r.key === key);
  if (exact) return exact;
  const parts = parseEventKey(key);
  if (!parts) return undefined;
  return records.find(
    (r) =>
      r.designator1 === parts.designator1 &&
      r.designator2 === parts.designator2 &&
      Math.abs(r.tcaMs - parts.tcaMs) <= 1,
  );
}

export type ObjectTypeFilter = '' | 'PAYLOAD' | 'ROCKET BODY' | 'DEBRIS' | 'UNKNOWN';

export interface ConjunctionFilters {
  /** Name (substring, any case) or catalog number (exact) of either object. */
  object: string;
  maxRangeKm: number | null;
  minPc: number | null;
  fromMs: number | null;
  toMs: number | null;
  /** Either object of this type. */
  objectType: ObjectTypeFilter;
}

export const NO_FILTERS: ConjunctionFilters = {
  object: '',
  maxRangeKm: null,
  minPc: null,
  fromMs: null,
  toMs: null,
  objectType: '',
};

/** Normalises object types from any source (CDM OBJECT_TYPE, SATCAT) to the filter's names. */
export function normaliseObjectType(type: string | undefined): ObjectTypeFilter {
  const t = (type ?? '').trim().toUpperCase().replace(/_/g, ' ');
  if (t === 'PAYLOAD') return 'PAYLOAD';
  if (t === 'ROCKET BODY') return 'ROCKET BODY';
  if (t === 'DEBRIS') return 'DEBRIS';
  return 'UNKNOWN';
}

/** An object's type: the catalog's when it knows the number, else what the source said. */
export type TypeLookup = (id: number) => string | undefined;

export function objectTypes(r: ConjunctionRecord, lookup?: TypeLookup): [string, string] {
  const t1 = (r.id1 !== null ? lookup?.(r.id1) : undefined) ?? r.type1;
  const t2 = (r.id2 !== null ? lookup?.(r.id2) : undefined) ?? r.type2;
  return [normaliseObjectType(t1), normaliseObjectType(t2)];
}

export function filterEvents(
  records: readonly ConjunctionRecord[],
  f: ConjunctionFilters,
  lookup?: TypeLookup,
): ConjunctionRecord[] {
  const text = f.object.trim();
  const numeric = /^\d+$/.test(text);
  const lower = text.toLowerCase();
  return records.filter((r) => {
    if (text) {
      const hit = numeric
        ? [r.designator1, r.designator2, String(r.id1), String(r.id2)].some(
            (d) => d.replace(/^0+/, '') === text.replace(/^0+/, ''),
          )
        : r.name1.toLowerCase().includes(lower) ||
          r.name2.toLowerCase().includes(lower) ||
          r.designator1.toLowerCase() === lower ||
          r.designator2.toLowerCase() === lower;
      if (!hit) return false;
    }
    if (f.maxRangeKm !== null && !(r.rangeKm <= f.maxRangeKm)) return false;
    if (f.minPc !== null && !((r.pc?.value ?? -1) >= f.minPc)) return false;
    if (f.fromMs !== null && r.tcaMs < f.fromMs) return false;
    if (f.toMs !== null && r.tcaMs > f.toMs) return false;
    if (f.objectType && !objectTypes(r, lookup).includes(f.objectType)) return false;
    return true;
  });
}

export type SortKey = 'tca' | 'range' | 'pc' | 'relSpeed' | 'age';

export interface SortSpec {
  key: SortKey;
  dir: 'asc' | 'desc';
}

/** The older of the two element sets at TCA, days (undefined when neither is known). */
export function elementAgeDays(r: ConjunctionRecord): number | undefined {
  const ages = [r.dse1, r.dse2].filter((d): d is number => d !== undefined && Number.isFinite(d));
  return ages.length ? Math.max(...ages.map(Math.abs)) : undefined;
}

function sortValue(r: ConjunctionRecord, key: SortKey): number | undefined {
  switch (key) {
    case 'tca':
      return r.tcaMs;
    case 'range':
      return r.rangeKm;
    case 'pc':
      return r.pc?.value;
    case 'relSpeed':
      return r.relSpeedKmS;
    case 'age':
      return elementAgeDays(r);
  }
}

/** A sort key's value with the direction applied; NaN when the event has none. */
function signedValue(r: ConjunctionRecord, key: SortKey, sign: number): number {
  const v = sortValue(r, key);
  return v === undefined ? NaN : sign * v;
}

/** The list's order of two events whose signed values are va and vb: none last, ties by TCA then key. */
function compareEvents(va: number, vb: number, a: ConjunctionRecord, b: ConjunctionRecord) {
  const noA = Number.isNaN(va);
  const noB = Number.isNaN(vb);
  if (noA || noB) {
    if (noA !== noB) return noA ? 1 : -1;
  } else if (va !== vb) return va - vb;
  return a.tcaMs - b.tcaMs || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

/** The list's order as a comparator (for sorting elsewhere, in slices). */
export function eventOrder(sort: SortSpec): (a: ConjunctionRecord, b: ConjunctionRecord) => number {
  const sign = sort.dir === 'asc' ? 1 : -1;
  return (a, b) =>
    compareEvents(signedValue(a, sort.key, sign), signedValue(b, sort.key, sign), a, b);
}

/** Sorted copy; events without the value (no Pc, no age) go last in either direction; ties by TCA then key. */
export function sortEvents(
  records: readonly ConjunctionRecord[],
  sort: SortSpec,
): ConjunctionRecord[] {
  const sign = sort.dir === 'asc' ? 1 : -1;
  const n = records.length;
  // Rows mostly arrive in the order asked for (the event history's row sync sorts them in
  // slices): one pass tells, without allocating.
  let previous = n ? signedValue(records[0], sort.key, sign) : NaN;
  let sorted = true;
  for (let i = 1; i < n && sorted; i++) {
    const v = signedValue(records[i], sort.key, sign);
    sorted = compareEvents(previous, v, records[i - 1], records[i]) <= 0;
    previous = v;
  }
  if (sorted) return records.slice();
  // Values read once into a typed array, and indices sorted: a week of screening is 231,673
  // rows, and a comparator that reads them from the records sorts several times slower.
  const value = new Float64Array(n);
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    value[i] = signedValue(records[i], sort.key, sign);
    order[i] = i;
  }
  order.sort((a, b) => compareEvents(value[a], value[b], records[a], records[b]));
  return Array.from(order, (i) => records[i]);
}

/** Events by collision probability, highest first (for the briefing tour). */
export const byPcDescending = (records: readonly ConjunctionRecord[]) =>
  sortEvents(records, { key: 'pc', dir: 'desc' });

/** Events by miss distance, closest first (for the briefing tour). */
export const byMissAscending = (records: readonly ConjunctionRecord[]) =>
  sortEvents(records, { key: 'range', dir: 'asc' });

/** One exported row: what the table shows, in fixed units. */
export interface EventRow {
  key: string;
  source: string;
  sourceLabel: string;
  tca: string;
  id1: string;
  name1: string;
  id2: string;
  name2: string;
  missKm: number;
  relSpeedKmS: number;
  pc: number | null;
  pcKind: string;
  pcMethod: string;
  hbrM: number | null;
  dse1: number | null;
  dse2: number | null;
  radialKm: number | null;
  transverseKm: number | null;
  normalKm: number | null;
}

export function eventRow(r: ConjunctionRecord): EventRow {
  return {
    key: r.key,
    source: r.source,
    sourceLabel: r.sourceLabel,
    tca: isoMs(r.tcaMs),
    id1: r.designator1,
    name1: r.name1,
    id2: r.designator2,
    name2: r.name2,
    missKm: r.rangeKm,
    relSpeedKmS: r.relSpeedKmS,
    pc: r.pc?.value ?? null,
    pcKind: r.pc?.kind ?? '',
    pcMethod: r.pc?.method ?? '',
    hbrM: r.pc?.hbrM ?? null,
    dse1: r.dse1 ?? null,
    dse2: r.dse2 ?? null,
    radialKm: r.ricKm?.[0] ?? null,
    transverseKm: r.ricKm?.[1] ?? null,
    normalKm: r.ricKm?.[2] ?? null,
  };
}

export const EVENT_ROW_COLUMNS: (keyof EventRow)[] = [
  'key',
  'source',
  'sourceLabel',
  'tca',
  'id1',
  'name1',
  'id2',
  'name2',
  'missKm',
  'relSpeedKmS',
  'pc',
  'pcKind',
  'pcMethod',
  'hbrM',
  'dse1',
  'dse2',
  'radialKm',
  'transverseKm',
  'normalKm',
];

/**
 * CSV with a header row, RFC 4180 quoting, empty cells for unknown values; names that a
 * spreadsheet would run as formulas are neutralised (csvCell).
 */
export function eventsToCsv(records: readonly ConjunctionRecord[]): string {
  const rows = records.map((r) => {
    const row = eventRow(r);
    return csvRow(EVENT_ROW_COLUMNS.map((c) => row[c]));
  });
  return `${[csvRow(EVENT_ROW_COLUMNS), ...rows].join('\n')}\n`;
}

/** JSON array of rows (the same fields as the CSV, null for unknown values). */
export function eventsToJson(records: readonly ConjunctionRecord[]): string {
  return `${JSON.stringify(records.map(eventRow), null, 2)}\n`;
}
