import { describe, expect, it } from 'vitest';
import { CELESTRAK_OMM_KEYWORDS } from './omm';
import {
  CatalogFormatError,
  checkCatalogSize,
  detectCatalogFormat,
  MAX_CATALOG_BYTES,
  parseCatalog,
} from './parse';

const TLE = [
  'ISS (ZARYA)',
  '1 25544U 98067A   26078.12958500  .00009105  00000+0  17698-3 0  9991',
  '2 25544  51.6344  25.6919 0006229 207.4819 152.5840 15.48370465557798',
].join('\n');
const ROW =
  'ISS (ZARYA),1998-067A,2024-10-31T13:56:02.456736,15.50886758,.0008966,51.6392,359.7717,122.2149,237.9710,0,U,25544,999,47970,.60166E-3,.3518E-3,0';
const CSV = `${CELESTRAK_OMM_KEYWORDS.join(',')}\n${ROW}\n`;
const RECORD = Object.fromEntries(
  CELESTRAK_OMM_KEYWORDS.map((k, i) => [k, ROW.split(',')[i]] as const),
);
const XML = `<?xml version="1.0"?>\n<ndm><omm><body><segment><metadata>${Object.entries(RECORD)
  .map(([k, v]) => `<${k}>${v}</${k}>`)
  .join('')}</metadata></segment></body></omm></ndm>`;

/** Deterministic pseudo-random bytes decoded as UTF-8, like a binary file read as text. */
function binaryText(length: number): string {
  const bytes = new Uint8Array(length);
  let x = 12345;
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    bytes[i] = x >>> 24;
  }
  return new TextDecoder().decode(bytes);
}

function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(CatalogFormatError);
    return (e as Error).message;
  }
  throw new Error('expected a CatalogFormatError');
}

describe('parseCatalog format detection', () => {
  it.each([
    ['TLE', TLE, 'TLE'],
    ['OMM JSON array', JSON.stringify([RECORD]), 'OMM-JSON'],
    ['OMM JSON object', ` \n${JSON.stringify(RECORD)}`, 'OMM-JSON'],
    ['OMM CSV', CSV, 'OMM-CSV'],
    [
      'OMM CSV with BOM and lower-case header',
      `\uFEFF${CSV.replace('NORAD_CAT_ID', 'norad_cat_id')}`,
      'OMM-CSV',
    ],
    ['OMM XML', XML, 'OMM-XML'],
  ])('%s', (_label, text, format) => {
    const parsed = parseCatalog(text);
    expect(parsed.format).toBe(format);
    expect(parsed.rejected).toEqual([]);
    expect(parsed.elements.map((e) => e.noradCatId)).toEqual([25544]);
  });

  it('decides from content, not the file name', () => {
    expect(parseCatalog(CSV, { fileName: 'catalog.tle' }).format).toBe('OMM-CSV');
    expect(detectCatalogFormat('OBJECT_NAME;NORAD_CAT_ID')).toBe('TLE'); // no comma: not CSV
  });
});

describe('parseCatalog whole-file failures', () => {
  it('refuses an empty file', () => {
    expect(messageOf(() => parseCatalog(''))).toBe('empty file, no catalog data');
    expect(messageOf(() => parseCatalog(' \r\n\n\t'))).toMatch(/empty file/);
    expect(messageOf(() => parseCatalog('\uFEFF'))).toMatch(/empty file/);
  });

  it('refuses binary junk', () => {
    expect(messageOf(() => parseCatalog(binaryText(4096)))).toMatch(/binary data, not a text/);
    expect(messageOf(() => parseCatalog(`${TLE}\n\u0000\u0000`))).toMatch(/binary/);
    // gzip magic + header, as from a .gz saved without decompressing
    const gz = new TextDecoder().decode(new Uint8Array([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 0xed]));
    expect(messageOf(() => parseCatalog(gz))).toMatch(/binary/);
  });

  it('refuses an HTML page served instead of data', () => {
    const page =
      '<!DOCTYPE html>\n<html lang="en"><head><title>503 Service Unavailable</title></head>' +
      '<body><h1>Service Unavailable</h1></body></html>';
    expect(messageOf(() => parseCatalog(page))).toMatch(/^received an HTML page, not catalog data/);
    expect(messageOf(() => parseCatalog('\n  <HTML><BODY>Forbidden</BODY></HTML>'))).toMatch(
      /HTML page/,
    );
    const xhtml =
      '<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><p>x</p></html>';
    expect(messageOf(() => parseCatalog(xhtml))).toMatch(/HTML page/);
    expect(messageOf(() => parseCatalog('<h1>Bad Gateway</h1>'))).toMatch(/HTML page/);
    expect(messageOf(() => parseCatalog(page, { fileName: 'gp.php' }))).toMatch(
      /^gp\.php: received an HTML page/,
    );
  });

  it('refuses text that is no catalog format, quoting its start', () => {
    expect(messageOf(() => parseCatalog('No GP data found'))).toBe(
      'not a catalog: expected TLE or OMM JSON, CSV or XML; it begins "No GP data found"',
    );
    expect(messageOf(() => parseCatalog('hello,world\n1,2\n', { fileName: 'x.csv' }))).toMatch(
      /^x\.csv: not a catalog/,
    );
  });

  it('refuses malformed JSON and XML, and a CSV header without the OMM columns', () => {
    expect(messageOf(() => parseCatalog('[{"NORAD_CAT_ID": 5,'))).toMatch(/^malformed JSON/);
    expect(messageOf(() => parseCatalog('<ndm><omm></ndm>'))).toMatch(/^malformed XML at line 1/);
    expect(messageOf(() => parseCatalog('OBJECT_NAME,NORAD_CAT_ID\nISS,25544\n'))).toMatch(
      /lacks required column\(s\) EPOCH, MEAN_MOTION/,
    );
  });

  it('returns rejections, not an error, when every record is bad', () => {
    const bad = CSV.replace(',51.6392,', ',x,');
    const parsed = parseCatalog(bad + bad.split('\n')[1]);
    expect(parsed.elements).toEqual([]);
    expect(parsed.rejected.map((r) => [r.record, r.line, r.field])).toEqual([
      [1, 2, 'INCLINATION'],
      [2, 3, 'INCLINATION'],
    ]);
  });
});

describe('catalog size limit', () => {
  it('is 150 MB (the INPUT_LIMITS entry for catalogs)', () => {
    expect(MAX_CATALOG_BYTES).toBe(150 * 1024 * 1024);
    expect(checkCatalogSize(4_000_000)).toBeNull();
    expect(checkCatalogSize(MAX_CATALOG_BYTES)).toBeNull();
    expect(checkCatalogSize(NaN)).toMatch(/invalid/);
  });

  it('refuses 200 MB with a clear message', () => {
    expect(checkCatalogSize(200 * 1024 * 1024)).toBe(
      'file is 200.0 MB; the limit for catalogs is 150 MB',
    );
  });

  it('is applied by parseCatalog before anything reads the text', () => {
    // Only `length` exists: any parsing would throw a TypeError instead.
    const huge = { length: 200 * 1024 * 1024 } as unknown as string;
    expect(messageOf(() => parseCatalog(huge, { fileName: 'big.csv' }))).toMatch(
      /^big\.csv: file is 200\.0 MB; the limit for catalogs is 150 MB$/,
    );
  });
});
