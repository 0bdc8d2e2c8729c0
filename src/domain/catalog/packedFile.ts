// A parsed catalog in the form that loads fastest and travels smallest: the build turns the
// offline snapshot (OMM CSV, the source of truth) into this, so the page skips parsing (about
// 0.5 s of a worker's CPU for 26,834 objects) and only reads columns and derives (milliseconds).
//
// Layout: the 8 bytes of MAGIC, then UTF-8 JSON: format, counts, rejected records, four strings
// per object and the element sets' numbers as one array per field. The numbers are written as
// JSON writes them, the shortest decimal that reads back to the same float64: they came from
// decimal text with few digits, so they compress like the CSV (0.9 MB brotli for the snapshot)
// where raw float64 with their noisy low bits did not (2.3 MB gzip). What derives from the
// element set (type, regime, perigee, apogee, period) is derived again on reading, by the same
// function the parsers use.
import { deriveCatalogObject } from './derive';
import { catalogError, checkCatalogRecords } from './errors';
import { RECORD_ISSUE_CODES } from './recordIssues';
import type { CatalogFormat, ElementSet, LoadedCatalog, ObjectType, RejectedRecord } from './types';

const MAGIC = 'OWCAT02\n';
const FORMATS: readonly CatalogFormat[] = ['TLE', 'OMM-JSON', 'OMM-CSV', 'OMM-XML'];

/** The element set's numeric fields, one column each, in this order. */
const NUMBER_FIELDS = [
  'noradCatId',
  'epochMs',
  'meanMotionRevPerDay',
  'eccentricity',
  'inclinationDeg',
  'raOfAscNodeDeg',
  'argOfPericenterDeg',
  'meanAnomalyDeg',
  'bstar',
  'meanMotionDot',
  'meanMotionDdot',
  'elementSetNo',
  'revAtEpoch',
  'ephemerisType',
] as const satisfies readonly (keyof ElementSet)[];

/** Strings per object: name, designator, classification, OBJECT_TYPE ('' when not given). */
const STRINGS_PER_OBJECT = 4;

interface Contents {
  format: CatalogFormat;
  count: number;
  rejected: LoadedCatalog['rejected'];
  duplicatesDropped: number;
  strings: string[];
  numbers: number[][];
}

export function encodePackedCatalog(catalog: LoadedCatalog): Uint8Array {
  const { objects } = catalog;
  const strings: string[] = [];
  for (const o of objects) {
    strings.push(o.objectName, o.objectId, o.classificationType, o.objectType ?? '');
  }
  const contents: Contents = {
    format: catalog.format,
    count: objects.length,
    rejected: catalog.rejected,
    duplicatesDropped: catalog.duplicatesDropped,
    strings,
    numbers: NUMBER_FIELDS.map((field) => objects.map((o) => o[field])),
  };
  return new TextEncoder().encode(MAGIC + JSON.stringify(contents));
}

/** True when `bytes` begin as a packed catalog does. */
export function isPackedCatalog(bytes: ArrayBuffer): boolean {
  if (bytes.byteLength < MAGIC.length) return false;
  const start = new Uint8Array(bytes, 0, MAGIC.length);
  return [...MAGIC].every((c, i) => start[i] === c.charCodeAt(0));
}

/** The catalog in `bytes`; a damaged or truncated file is refused as binary data. */
export function decodePackedCatalog(bytes: ArrayBuffer): LoadedCatalog {
  const damaged = () => catalogError('binary');
  if (!isPackedCatalog(bytes)) throw damaged();
  let contents: Contents;
  try {
    contents = JSON.parse(
      new TextDecoder().decode(new Uint8Array(bytes, MAGIC.length)),
    ) as Contents;
  } catch {
    throw damaged();
  }
  const { count, strings, numbers } = contents;
  if (!Number.isInteger(count) || count < 0 || !FORMATS.includes(contents.format)) throw damaged();
  checkCatalogRecords(count);
  if (!Array.isArray(strings) || strings.length !== count * STRINGS_PER_OBJECT) throw damaged();
  if (!Array.isArray(numbers) || numbers.length !== NUMBER_FIELDS.length) throw damaged();
  for (const column of numbers) {
    if (!Array.isArray(column) || column.length !== count) throw damaged();
    for (const x of column) if (typeof x !== 'number') throw damaged();
  }
  const [noradCatId, epochMs, meanMotion, ecc, incl, raan, argp, meanAnomaly, bstar, nDot, nDdot] =
    numbers;
  const [elementSetNo, revAtEpoch, ephemerisType] = numbers.slice(11);
  const objects = [];
  for (let i = 0, s = 0; i < count; i++, s += STRINGS_PER_OBJECT) {
    const element: ElementSet = {
      objectName: String(strings[s]),
      objectId: String(strings[s + 1]),
      noradCatId: noradCatId[i],
      epochMs: epochMs[i],
      meanMotionRevPerDay: meanMotion[i],
      eccentricity: ecc[i],
      inclinationDeg: incl[i],
      raOfAscNodeDeg: raan[i],
      argOfPericenterDeg: argp[i],
      meanAnomalyDeg: meanAnomaly[i],
      bstar: bstar[i],
      meanMotionDot: nDot[i],
      meanMotionDdot: nDdot[i],
      classificationType: String(strings[s + 2]),
      elementSetNo: elementSetNo[i],
      revAtEpoch: revAtEpoch[i],
      ephemerisType: ephemerisType[i],
    };
    if (strings[s + 3]) element.objectType = String(strings[s + 3]) as ObjectType;
    objects.push(deriveCatalogObject(element));
  }
  return {
    format: contents.format,
    objects,
    rejected: Array.isArray(contents.rejected) ? contents.rejected.filter(isRejectedRecord) : [],
    duplicatesDropped: Number(contents.duplicatesDropped) || 0,
  };
}

/** A rejected record as the parsers make them; anything else in a file's header is left out. */
function isRejectedRecord(r: unknown): r is RejectedRecord {
  const x = r as Partial<RejectedRecord> | null;
  return (
    typeof x === 'object' &&
    x !== null &&
    Number.isInteger(x.record) &&
    (x.line === undefined || Number.isInteger(x.line)) &&
    typeof x.field === 'string' &&
    typeof x.reason === 'string' &&
    typeof x.issue === 'object' &&
    x.issue !== null &&
    RECORD_ISSUE_CODES.includes(x.issue.code) &&
    typeof x.issue.values === 'object' &&
    x.issue.values !== null
  );
}
