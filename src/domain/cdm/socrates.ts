// SOCRATES (CelesTrak) conjunction lists in two shapes, mapped to one event record:
//  • CelesTrak's CSV: NORAD_CAT_ID_1, OBJECT_NAME_1, DSE_1, NORAD_CAT_ID_2, OBJECT_NAME_2, DSE_2,
//    TCA (UTC, "YYYY-MM-DD hh:mm:ss.sss"), TCA_RANGE (km), TCA_RELATIVE_SPEED (km/s), MAX_PROB,
//    DILUTION (km).
//  • KeepTrack's JSON array: sat1, sat2 (NORAD ids as strings), sat1Name, sat2Name, toca (ISO),
//    minRng (km), relSpeed (km/s), maxProb, dilutionThreshold (km), sat1AgeOfTLE, sat2AgeOfTLE (d).
// MAX_PROB is SOCRATES's maximum probability (assumed 100/300/100 m RTN sigmas, scaled to the
// worst case); DSE is days since each element set's epoch.
import Papa from 'papaparse';
import { inputRecordsIssue, inputTextIssue, limitIssueText } from '../limits';
import { socratesIssueText, type SocratesIssue } from './issues';

/** A whole-file failure: over the input limits, not JSON, or not an array of events. */
export class SocratesFormatError extends Error {
  override readonly name = 'SocratesFormatError';
  constructor(readonly issue: SocratesIssue) {
    super(socratesIssueText(issue));
  }
}

const fileError = (code: SocratesIssue['code'], values: SocratesIssue['values'] = {}) =>
  new SocratesFormatError({ code, values });

function overLimit(limit: ReturnType<typeof inputTextIssue>): void {
  if (limit) {
    throw new SocratesFormatError({
      code: 'overLimit',
      values: { reason: limitIssueText(limit) },
      limit,
    });
  }
}

function checkLimits(text: string, syntax: 'lines' | 'json'): void {
  overLimit(inputTextIssue('socrates', text, syntax));
}

function checkRecords(count: number): void {
  overLimit(inputRecordsIssue('socrates', count, 'events'));
}

export type SocratesSource = 'SOCRATES-CSV' | 'SOCRATES-KEEPTRACK-JSON';

export interface SocratesEvent {
  id1: number;
  name1: string;
  id2: number;
  name2: string;
  tcaMs: number;
  rangeKm: number;
  relSpeedKmS: number;
  maxPc?: number;
  /** Days since the element set epoch at report time, per object. */
  dse1?: number;
  dse2?: number;
  /** Dilution threshold, km. */
  dilutionKm?: number;
  source: SocratesSource;
}

export interface SocratesRejected {
  /** 1-based data row (CSV, header excluded) or array index + 1 (JSON). */
  record: number;
  field: string;
  /** English, as the command line prints it. */
  reason: string;
  issue: SocratesIssue;
}

export interface SocratesParseResult {
  events: SocratesEvent[];
  rejected: SocratesRejected[];
}

class FieldError extends Error {
  readonly issue: SocratesIssue;
  constructor(
    readonly field: string,
    code: SocratesIssue['code'],
    values: SocratesIssue['values'] = {},
  ) {
    const issue = { code, values };
    super(socratesIssueText(issue));
    this.issue = issue;
  }
}

function requiredNumber(value: unknown, field: string): number {
  const x =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && value.trim() !== ''
        ? Number(value)
        : NaN;
  if (!Number.isFinite(x)) {
    throw new FieldError(field, 'notNumber', { value: String(JSON.stringify(value)) });
  }
  return x;
}

function optionalNumber(value: unknown, field: string): number | undefined {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === ''))
    return undefined;
  return requiredNumber(value, field);
}

function noradId(value: unknown, field: string): number {
  const x = requiredNumber(value, field);
  if (!Number.isInteger(x) || x <= 0)
    throw new FieldError(field, 'notCatalogNumber', { value: JSON.stringify(value) });
  return x;
}

/** UTC time, ISO with or without Z, or with a space instead of T. */
function utcMs(value: unknown, field: string): number {
  if (typeof value !== 'string') throw new FieldError(field, 'missingTime');
  let t = value.trim().replace(' ', 'T');
  if (!/(Z|[+-]\d{2}:?\d{2})$/.test(t)) t += 'Z';
  const ms = Date.parse(t);
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(t) || Number.isNaN(ms)) {
    throw new FieldError(field, 'notUtcTime', { value: JSON.stringify(value) });
  }
  return ms;
}

function text(value: unknown, field: string): string {
  if (typeof value !== 'string' && typeof value !== 'number')
    throw new FieldError(field, 'missing');
  return String(value).trim();
}

function collect<T>(rows: T[], map: (row: T) => SocratesEvent): SocratesParseResult {
  const events: SocratesEvent[] = [];
  const rejected: SocratesRejected[] = [];
  rows.forEach((row, i) => {
    try {
      events.push(map(row));
    } catch (e) {
      if (!(e instanceof FieldError)) throw e;
      rejected.push({ record: i + 1, field: e.field, reason: e.message, issue: e.issue });
    }
  });
  return { events, rejected };
}

/**
 * CelesTrak's CSV; throws SocratesFormatError only for a file over the input limits or a header
 * that names a column twice (which column would be meant is unknowable).
 */
export function parseSocratesCsv(csv: string): SocratesParseResult {
  checkLimits(csv, 'lines');
  const [head, ...body] = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), {
    skipEmptyLines: 'greedy',
  }).data;
  const header = (head ?? []).map((h) => h.trim().toUpperCase());
  const repeated = header.filter((h, i) => h !== '' && header.indexOf(h) !== i);
  if (repeated.length) {
    throw fileError('repeatedColumn', { columns: [...new Set(repeated)].join(', ') });
  }
  checkRecords(body.length);
  const rows = body.map((cells) => {
    const row: Record<string, string | undefined> = {};
    header.forEach((h, i) => (row[h] = cells[i]));
    return row;
  });
  return collect(rows, (r) => ({
    id1: noradId(r.NORAD_CAT_ID_1, 'NORAD_CAT_ID_1'),
    name1: text(r.OBJECT_NAME_1, 'OBJECT_NAME_1'),
    id2: noradId(r.NORAD_CAT_ID_2, 'NORAD_CAT_ID_2'),
    name2: text(r.OBJECT_NAME_2, 'OBJECT_NAME_2'),
    tcaMs: utcMs(r.TCA, 'TCA'),
    rangeKm: requiredNumber(r.TCA_RANGE, 'TCA_RANGE'),
    relSpeedKmS: requiredNumber(r.TCA_RELATIVE_SPEED, 'TCA_RELATIVE_SPEED'),
    maxPc: optionalNumber(r.MAX_PROB, 'MAX_PROB'),
    dse1: optionalNumber(r.DSE_1, 'DSE_1'),
    dse2: optionalNumber(r.DSE_2, 'DSE_2'),
    dilutionKm: optionalNumber(r.DILUTION, 'DILUTION'),
    source: 'SOCRATES-CSV',
  }));
}

/**
 * KeepTrack's SOCRATES.json (an array of events); throws SocratesFormatError only when the text
 * is over the input limits or not a JSON array.
 */
export function parseSocratesKeeptrackJson(json: string): SocratesParseResult {
  checkLimits(json, 'json');
  let data: unknown;
  try {
    data = JSON.parse(json.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw fileError('malformedJson', { detail: (e as Error).message });
  }
  if (!Array.isArray(data)) throw fileError('notArray');
  checkRecords(data.length);
  return collect(data as Record<string, unknown>[], (r) => {
    if (typeof r !== 'object' || r === null) throw new FieldError('record', 'notObject');
    return {
      id1: noradId(r.sat1, 'sat1'),
      name1: text(r.sat1Name, 'sat1Name'),
      id2: noradId(r.sat2, 'sat2'),
      name2: text(r.sat2Name, 'sat2Name'),
      tcaMs: utcMs(r.toca, 'toca'),
      rangeKm: requiredNumber(r.minRng, 'minRng'),
      relSpeedKmS: requiredNumber(r.relSpeed, 'relSpeed'),
      maxPc: optionalNumber(r.maxProb, 'maxProb'),
      dse1: optionalNumber(r.sat1AgeOfTLE, 'sat1AgeOfTLE'),
      dse2: optionalNumber(r.sat2AgeOfTLE, 'sat2AgeOfTLE'),
      dilutionKm: optionalNumber(r.dilutionThreshold, 'dilutionThreshold'),
      source: 'SOCRATES-KEEPTRACK-JSON',
    };
  });
}
