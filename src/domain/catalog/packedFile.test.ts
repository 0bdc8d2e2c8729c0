import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { onOrbitSnapshotCsv, skipWithoutSharedData } from '../../testing/sharedData';
import { ISS_2024_10_31, testElements } from '../../testing/elements';
import { deriveCatalogObject } from './derive';
import { CatalogFormatError } from './errors';
import { loadCatalog } from './load';
import { decodePackedCatalog, encodePackedCatalog, isPackedCatalog } from './packedFile';
import { recordIssue, rejectedRecord } from './recordIssues';
import type { LoadedCatalog } from './types';

const small: LoadedCatalog = {
  format: 'OMM-CSV',
  objects: [
    deriveCatalogObject(ISS_2024_10_31),
    deriveCatalogObject(testElements({ noradCatId: 270_387, eccentricity: 0.7 })),
  ],
  rejected: [rejectedRecord(3, 4, 'EPOCH', recordIssue('epochFormat', { text: 'not a date' }))],
  duplicatesDropped: 2,
};

const bufferOf = (bytes: Uint8Array) =>
  bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;

describe('packed catalog file', () => {
  it('comes back as the catalog packed: objects, rejected records, duplicates', () => {
    const bytes = bufferOf(encodePackedCatalog(small));
    expect(isPackedCatalog(bytes)).toBe(true);
    expect(decodePackedCatalog(bytes)).toEqual(small);
  });

  it('leaves out rejected records in the header that are not what the parsers make', () => {
    const odd = [{ record: 1, field: 'X', reason: 'r', issue: { code: 'noSuchCode', values: {} } }];
    const bytes = bufferOf(
      encodePackedCatalog({ ...small, rejected: [...odd, ...small.rejected] as never }),
    );
    expect(decodePackedCatalog(bytes).rejected).toEqual(small.rejected);
  });

  it('is not mistaken for text, and a damaged one is refused with the catalog error', () => {
    expect(isPackedCatalog(bufferOf(new TextEncoder().encode('OBJECT_NAME,OBJECT_ID\n')))).toBe(
      false,
    );
    const bytes = encodePackedCatalog(small);
    for (const damaged of [bytes.slice(0, bytes.length - 8), bytes.slice(0, 20)]) {
      expect(() => decodePackedCatalog(bufferOf(damaged))).toThrow(CatalogFormatError);
    }
    const flipped = bytes.slice();
    flipped[14] ^= 0xff; // inside the JSON header
    expect(() => decodePackedCatalog(bufferOf(flipped))).toThrow(CatalogFormatError);
  });

  it('refuses a column of the wrong length or with a value that is not a number', () => {
    const text = new TextDecoder().decode(encodePackedCatalog(small));
    const [magic, json] = [text.slice(0, 8), text.slice(8)];
    const edit = (change: (numbers: unknown[][]) => void) => {
      const contents = JSON.parse(json) as { numbers: unknown[][] };
      change(contents.numbers);
      return bufferOf(new TextEncoder().encode(magic + JSON.stringify(contents)));
    };
    expect(decodePackedCatalog(edit(() => undefined))).toEqual(small);
    for (const damage of [
      (n: unknown[][]) => n[2].pop(),
      (n: unknown[][]) => (n[3][1] = '0.7'),
      (n: unknown[][]) => n.pop(),
    ]) {
      expect(() => decodePackedCatalog(edit(damage))).toThrow(CatalogFormatError);
    }
  });

  it.skipIf(skipWithoutSharedData)('holds the snapshot exactly as parsing its CSV gives it', () => {
    const parsed = loadCatalog(readFileSync(onOrbitSnapshotCsv, 'utf8'), { initCheck: () => null });
    expect(decodePackedCatalog(bufferOf(encodePackedCatalog(parsed)))).toEqual(parsed);
  });
});
