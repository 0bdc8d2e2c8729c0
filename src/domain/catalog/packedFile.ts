// A parsed catalog in the form that loads fastest: the build turns the offline snapshot (OMM CSV,
// the source of truth) into this, so the page skips parsing and deriving (about 0.5 s of a
// worker's CPU for 26,834 objects) and only unpacks columns (milliseconds).
//
// Layout: the 8 bytes of MAGIC, a little-endian uint32 with the byte length of a UTF-8 JSON
// header (format, counts, rejected records, the objects' strings), that header, zero padding to
// a multiple of 8, then the objects' numbers as little-endian float64 (see pack.ts).
import { catalogError, checkCatalogRecords } from './errors';
import { OBJECT_STRIDE, OBJECT_STRINGS, packCatalogObjects, unpackCatalogObjects } from './pack';
import { RECORD_ISSUE_CODES } from './recordIssues';
import type { CatalogFormat, LoadedCatalog, RejectedRecord } from './types';

const MAGIC = 'OWCAT01\n';
const FORMATS: readonly CatalogFormat[] = ['TLE', 'OMM-JSON', 'OMM-CSV', 'OMM-XML'];

interface Header {
  format: CatalogFormat;
  count: number;
  rejected: LoadedCatalog['rejected'];
  duplicatesDropped: number;
  strings: string[];
}

export function encodePackedCatalog(catalog: LoadedCatalog): Uint8Array {
  const { numbers, strings } = packCatalogObjects(catalog.objects);
  const header: Header = {
    format: catalog.format,
    count: catalog.objects.length,
    rejected: catalog.rejected,
    duplicatesDropped: catalog.duplicatesDropped,
    strings,
  };
  const json = new TextEncoder().encode(JSON.stringify(header));
  const numbersAt = Math.ceil((MAGIC.length + 4 + json.length) / 8) * 8;
  const bytes = new Uint8Array(numbersAt + numbers.byteLength);
  bytes.set(new TextEncoder().encode(MAGIC), 0);
  new DataView(bytes.buffer).setUint32(MAGIC.length, json.length, true);
  bytes.set(json, MAGIC.length + 4);
  const out = new DataView(bytes.buffer, numbersAt);
  for (let i = 0; i < numbers.length; i++) out.setFloat64(i * 8, numbers[i], true);
  return bytes;
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
  if (!isPackedCatalog(bytes) || bytes.byteLength < MAGIC.length + 4) throw damaged();
  const view = new DataView(bytes);
  const jsonLength = view.getUint32(MAGIC.length, true);
  const numbersAt = Math.ceil((MAGIC.length + 4 + jsonLength) / 8) * 8;
  if (numbersAt > bytes.byteLength) throw damaged();
  let header: Header;
  try {
    header = JSON.parse(
      new TextDecoder().decode(new Uint8Array(bytes, MAGIC.length + 4, jsonLength)),
    ) as Header;
  } catch {
    throw damaged();
  }
  const { count, strings } = header;
  if (!Number.isInteger(count) || count < 0 || !Array.isArray(strings)) throw damaged();
  if (!FORMATS.includes(header.format)) throw damaged();
  checkCatalogRecords(count);
  const numberCount = count * OBJECT_STRIDE;
  if (bytes.byteLength - numbersAt !== numberCount * 8) throw damaged();
  if (strings.length !== count * OBJECT_STRINGS) throw damaged();
  const numbers = new Float64Array(numberCount);
  for (let i = 0; i < numberCount; i++) numbers[i] = view.getFloat64(numbersAt + i * 8, true);
  const objects = unpackCatalogObjects({ numbers, strings: strings.map(String) });
  return {
    format: header.format,
    objects,
    rejected: Array.isArray(header.rejected) ? header.rejected.filter(isRejectedRecord) : [],
    duplicatesDropped: Number(header.duplicatesDropped) || 0,
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
