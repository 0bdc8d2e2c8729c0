// Large catalogs for `npm run bench:load`, made on the fly from the real snapshot and written
// to a temporary folder (never to the repository): the snapshot itself, TLE files of ~100,000
// and ~340,000 objects, and a file of a million lines of garbage that must be refused.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseOmmCsv } from '../src/domain/catalog/omm-csv';
import type { ElementSet } from '../src/domain/catalog/types';
import { toTleLines } from '../src/domain/catalog/write';
import { onOrbitSnapshotCsv } from '../src/testing/sharedData';

export interface LoadFile {
  label: string;
  path: string;
  bytes: number;
  /** Objects in the file; 0 for the garbage, which must be refused. */
  objects: number;
}

/** The largest catalog number a TLE can hold (Alpha-5): 339,999. */
const MAX_TLE_CATALOG_NUMBER = 339_999;

const wrapDeg = (deg: number) => ((deg % 360) + 360) % 360;

/**
 * `count` objects as 3-line TLE: the snapshot's element sets repeated, copy k with catalog
 * numbers and designators of its own and its RAAN and mean anomaly turned, so that no two
 * copies share an orbit (a pile of identical points would flatter the drawing and screening).
 */
function syntheticTle(snapshot: ElementSet[], count: number): string {
  const lines: string[] = [];
  // i walks the snapshot's copies; made counts the objects written (their catalog numbers).
  for (let i = 0, made = 0; made < count; i++) {
    const base = snapshot[i % snapshot.length];
    const k = Math.floor(i / snapshot.length);
    const year = /^(\d{4})-/.exec(base.objectId)?.[1] ?? '2000';
    const element: ElementSet = {
      ...base,
      noradCatId: made + 1,
      objectName: k === 0 ? base.objectName : `${base.objectName} C${k}`,
      objectId: `${year}-${String(900 + k).padStart(3, '0')}${piece(i % snapshot.length)}`,
      raOfAscNodeDeg: wrapDeg(base.raOfAscNodeDeg + k * 27.7),
      meanAnomalyDeg: wrapDeg(base.meanAnomalyDeg + k * 41.3),
    };
    try {
      lines.push(...toTleLines(element));
      made++;
    } catch {
      // An element set a TLE cannot hold (e.g. a huge ṅ) is skipped.
    }
  }
  return lines.join('\n') + '\n';
}

/** A piece code (A…ZZZ, no I or O) for index n. */
function piece(n: number): string {
  const letters = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
  let code = '';
  let rest = n;
  do {
    code = letters[rest % 24] + code;
    rest = Math.floor(rest / 24) - 1;
  } while (rest >= 0 && code.length < 3);
  return code;
}

/** First catalog number of the synthetic copies (the real ones above it, analysts' objects, are skipped). */
export const FIRST_COPY_CATALOG_NUMBER = 100_001;

/**
 * The snapshot as OMM CSV grown to `count` objects: every real object as it is, then copies of
 * them with catalog numbers from 100,001 (skipping the real ones), designators of their own, and RAAN turned by 27.7° and
 * mean anomaly by 41.3° per copy (each copy its own orbit). Written line by line from the
 * snapshot's own rows, so every other field is the real one.
 */
export function syntheticCsv(count: number): string {
  const [header, ...rows] = readFileSync(onOrbitSnapshotCsv, 'utf8').trimEnd().split(/\r?\n/);
  const column = (name: string) => header.split(',').indexOf(name);
  const [name, designator, raan, anomaly, catalogNumber] = [
    'OBJECT_NAME',
    'OBJECT_ID',
    'RA_OF_ASC_NODE',
    'MEAN_ANOMALY',
    'NORAD_CAT_ID',
  ].map(column);
  const lines = [header, ...rows.slice(0, count)];
  const real = new Set(rows.map((row) => Number(row.split(',')[catalogNumber])));
  let next = FIRST_COPY_CATALOG_NUMBER;
  for (let made = rows.length; made < count; made++) {
    while (real.has(next)) next++;
    const k = Math.floor(made / rows.length);
    const fields = rows[made % rows.length].split(',');
    const year = /^(\d{4})-/.exec(fields[designator])?.[1] ?? '2000';
    fields[name] = `${fields[name]} C${k}`;
    fields[designator] = `${year}-${String(900 + k).padStart(3, '0')}${piece(made % rows.length)}`;
    fields[raan] = wrapDeg(Number(fields[raan]) + k * 27.7).toFixed(4);
    fields[anomaly] = wrapDeg(Number(fields[anomaly]) + k * 41.3).toFixed(4);
    fields[catalogNumber] = String(next++);
    lines.push(fields.join(','));
  }
  return lines.join('\n') + '\n';
}

/** `syntheticCsv(count)` written to a new temporary folder; remove `dir` when done. */
export function writeSyntheticCsv(count: number): LoadFile & { dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'orbital-watch-viewer-'));
  const path = join(dir, `catalog-${count}.csv`);
  writeFileSync(path, syntheticCsv(count));
  const label = `${count.toLocaleString('en-US')} objects (OMM CSV)`;
  return { label, path, bytes: readFileSync(path).byteLength, objects: count, dir };
}

/** A million lines that no catalog parser can read: deterministic printable noise. */
function garbage(lines: number): string {
  let seed = 12345;
  const chars = 'abcdefghijklmnopqrstuvwxyz0123456789 .,;:-+=/#';
  const out: string[] = [];
  for (let i = 0; i < lines; i++) {
    let line = '';
    const length = 20 + (i % 60);
    for (let c = 0; c < length; c++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      line += chars[seed % chars.length];
    }
    out.push(line);
  }
  return out.join('\n') + '\n';
}

export function makeLoadFiles(): LoadFile[] {
  const dir = mkdtempSync(join(tmpdir(), 'orbital-watch-load-'));
  const csv = readFileSync(onOrbitSnapshotCsv, 'utf8');
  const snapshot = parseOmmCsv(csv).elements;
  const files: LoadFile[] = [
    { label: 'snapshot (OMM CSV)', path: onOrbitSnapshotCsv, bytes: 0, objects: snapshot.length },
  ];
  const write = (name: string, label: string, text: string, objects: number) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    files.push({ label, path, bytes: 0, objects });
  };
  write('catalog-100k.tle', '100,000 objects (TLE)', syntheticTle(snapshot, 100_000), 100_000);
  write(
    'catalog-340k.tle',
    '339,999 objects (TLE)',
    syntheticTle(snapshot, MAX_TLE_CATALOG_NUMBER),
    MAX_TLE_CATALOG_NUMBER,
  );
  write('garbage-1m-lines.txt', '1,000,000 lines of garbage', garbage(1_000_000), 0);
  for (const file of files) file.bytes = readFileSync(file.path).byteLength;
  return files;
}
