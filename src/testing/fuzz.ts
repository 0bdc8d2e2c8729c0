// Node-only: the parser fuzzing harness shared by the unit test (a fixed-seed budget) and
// `npm run fuzz` (longer runs). Every parser gets generated text and mutations of real files
// (truncation, character flips, duplicated/deleted/swapped lines, odd numbers, unicode); each
// call must return, or throw the parser's own named error, within a time bound.
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { CatalogFormatError } from '../domain/catalog/errors';
import { parseOmmCsv } from '../domain/catalog/omm-csv';
import { parseOmmJson } from '../domain/catalog/omm-json';
import { parseOmmXml } from '../domain/catalog/omm-xml';
import { parseCatalog } from '../domain/catalog/parse';
import { parseTle } from '../domain/catalog/tle';
import { toOmmRecord } from '../domain/catalog/write';
import { parseCdmKvn } from '../domain/cdm/kvn';
import { parseCdm } from '../domain/cdm/parse';
import {
  parseSocratesCsv,
  parseSocratesKeeptrackJson,
  SocratesFormatError,
} from '../domain/cdm/socrates';
import { parseCdmXml } from '../domain/cdm/xml';
import { tourSettingsFromSearch } from '../domain/briefing/tour';
import { parseEventKey } from '../domain/conjunctions/list';
import { parseNotificationText } from '../domain/notifications/parse';
import { NotificationFormatError } from '../domain/notifications/types';
import { readUrlState } from '../services/urlState';
import { parseCameraParam } from '../state/cameraStore';
import { activeTle, onOrbitSnapshotCsv, sharedDataPath, sharedDataPresent } from './sharedData';

/**
 * Longest a single parse may take: 2 s plus 2 ms per kB of input (generous, as the test machine
 * is shared and slow; a parser that goes quadratic on the few-hundred-kB inputs exceeds it).
 */
export function fuzzTimeLimitMs(chars: number): number {
  return 2_000 + (2 * chars) / 1024;
}

export interface FuzzTarget {
  name: string;
  /** Real files (or small parts of them) to mutate. */
  seeds: () => string[];
  /** Tokens the generated inputs are built from, besides odd numbers and unicode. */
  tokens: string[];
  parse: (text: string) => unknown;
  /** The named error this parser may throw (none: it must never throw). */
  namedError?: new (...args: never[]) => Error;
}

const repoRoot = resolve(import.meta.dirname, '../..');

const headLines = (path: string, n: number) =>
  readFileSync(path, 'utf8').split('\n').slice(0, n).join('\n');

function shared<T>(read: () => T[]): () => T[] {
  let cached: T[] | undefined;
  return () => (cached ??= sharedDataPresent ? read() : []);
}

const catalogCsvHead = shared(() => [headLines(onOrbitSnapshotCsv, 120)]);
const ommRecords = () => {
  const text = catalogCsvHead()[0];
  return text ? parseOmmCsv(text).elements.slice(0, 40).map(toOmmRecord) : [];
};
const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** CelesTrak's OMM XML layout for some records. */
function ommXml(records: Record<string, string | number>[]): string {
  const omm = records.map(
    (r) =>
      `<omm id="CCSDS_OMM_VERS" version="2.0"><header><CREATION_DATE/></header><body><segment><metadata>` +
      Object.entries(r)
        .map(([k, v]) => `<${k}>${xmlEscape(String(v))}</${k}>`)
        .join('') +
      `</metadata><data><meanElements/></data></segment></body></omm>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<ndm>\n${omm.join('\n')}\n</ndm>\n`;
}

const cdmSeeds = shared(() => {
  const dir = sharedDataPath('cara-pc-test-data', 'raw', 'PcTestCaseCDMs');
  const kvn = readdirSync(dir)
    .filter((f) => f.endsWith('.cdm'))
    .slice(0, 6)
    .map((f) => readFileSync(resolve(dir, f), 'utf8'));
  const samples = sharedDataPath('cara-pc-test-data', 'raw', 'SampleCDMs');
  for (const f of readdirSync(samples).slice(0, 3)) {
    kvn.push(readFileSync(resolve(samples, f), 'utf8'));
  }
  return kvn;
});
const cdmXmlSeeds = shared(() => [
  readFileSync(sharedDataPath('cdm-samples-ccsds', 'CDMExample1.xml'), 'utf8'),
]);
const socratesJsonSeeds = shared(() => {
  const dir = sharedDataPath('socrates-keeptrack-top10-2023-12-to-2024-09');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .slice(0, 4)
    .map((f) => readFileSync(resolve(dir, f), 'utf8'));
});
const fixture = (name: string) => readFileSync(resolve(repoRoot, 'e2e', 'fixtures', name), 'utf8');

const NOTIFICATION_CSV =
  'id,party,kind,vehicle,siteId,latDeg,lonDeg,siteName,windowStart,windowEnd,azimuthDeg,azimuthMinDeg,azimuthMaxDeg,inclinationDeg,altitudeKm,intlDesignator,remarks\n' +
  'US-2024-191,United States,space-launch,Falcon 9,cape-canaveral,,,,2024-10-31T12:00:00Z,2024-10-31T14:00:00Z,,45,60,43,550,2024-191,\n' +
  'X-1,Somewhere,other,,,90,180,Pole,2024-11-01T00:00:00Z,2024-11-01T01:00:00Z,0,,,,,,"quoted, remark"\n';

const ADDRESS_SEEDS = [
  '?catalog=snapshot&t=2024-11-01T00:00:00Z&sel=25544&cam=10,20,3000,0,-90',
  '?mode=briefing&tour=pc&top=10&dwell=15&kiosk=1',
  '?event=25544-49863@2024-11-01T01:00:00.000Z&catalog=celestrak:active',
  '?catalog=https://example.org/a.csv&notifications=/n.json&render=lean&mode=public',
];

/** Numbers that have broken parsers elsewhere. */
export const ODD_NUMBERS = [
  'NaN',
  '-0',
  '1e308',
  '-1e308',
  '1e309',
  '5e-324',
  'Infinity',
  '-Infinity',
  '99999999999999999999999',
  '0x1F',
  '1_000',
  '.',
  '-',
  '+',
  '1e',
  '١٢٣',
  '',
];

const UNICODE = ['é', '€', '😀', '\u202e', '\ufffd', '\u0000', '\u0301', '\u2028', '\ufeff', '\r'];

export const TARGETS: FuzzTarget[] = [
  {
    name: 'TLE',
    seeds: shared(() => [
      headLines(activeTle, 90),
      readFileSync(sharedDataPath('sgp4-verification-vallado', 'SGP4-VER.TLE'), 'utf8'),
    ]),
    tokens: [
      '1 ',
      '2 ',
      '0 ',
      '25544U',
      '98067A',
      '24303.51300339',
      ' .00001286',
      ' 00000+0',
      '\n',
    ],
    parse: parseTle,
    namedError: CatalogFormatError,
  },
  {
    name: 'OMM JSON',
    seeds: shared(() => [JSON.stringify(ommRecords()), JSON.stringify(ommRecords(), null, 2)]),
    tokens: [
      '[',
      ']',
      '{',
      '}',
      ',',
      ':',
      '"EPOCH"',
      '"MEAN_MOTION"',
      '"NORAD_CAT_ID"',
      '"x"',
      '1',
    ],
    parse: parseOmmJson,
    namedError: CatalogFormatError,
  },
  {
    name: 'OMM CSV',
    seeds: catalogCsvHead,
    tokens: [
      'OBJECT_NAME',
      'NORAD_CAT_ID',
      'EPOCH',
      'MEAN_MOTION',
      ',',
      '"',
      '\n',
      '2024-11-01T00:00:00',
    ],
    parse: parseOmmCsv,
    namedError: CatalogFormatError,
  },
  {
    name: 'OMM XML',
    seeds: shared(() => [ommXml(ommRecords())]),
    tokens: [
      '<ndm>',
      '</ndm>',
      '<omm>',
      '</omm>',
      '<body>',
      '<segment>',
      '<EPOCH>',
      '</EPOCH>',
      '&amp;',
      '<!--',
      '-->',
      '<![CDATA[',
      ']]>',
      '/>',
    ],
    parse: parseOmmXml,
    namedError: CatalogFormatError,
  },
  {
    name: 'catalog (any format)',
    seeds: shared(() => [
      catalogCsvHead()[0],
      headLines(activeTle, 60),
      ommXml(ommRecords().slice(0, 5)),
    ]),
    tokens: ['[', '{', '<', '1 ', '2 ', 'OBJECT_NAME,NORAD_CAT_ID', '<!DOCTYPE html>', '\n'],
    parse: (text) => parseCatalog(text),
    namedError: CatalogFormatError,
  },
  {
    name: 'CDM KVN',
    seeds: cdmSeeds,
    tokens: [
      'CCSDS_CDM_VERS = 1.0',
      'COMMENT',
      'TCA = 2024-01-01T00:00:00',
      'OBJECT = OBJECT1',
      'OBJECT = OBJECT2',
      'MISS_DISTANCE = ',
      ' [m]',
      '=',
      '\n',
      'CR_R = ',
    ],
    parse: parseCdmKvn,
  },
  {
    name: 'CDM XML',
    seeds: cdmXmlSeeds,
    tokens: [
      '<cdm version="1.0">',
      '</cdm>',
      '<ndm>',
      '<body>',
      '<segment>',
      '<TCA>',
      '</TCA>',
      'units="m"',
      '<!DOCTYPE x [<!ENTITY e "x">]>',
      '&e;',
    ],
    parse: parseCdmXml,
  },
  {
    name: 'CDM (either)',
    seeds: shared(() => [...cdmSeeds().slice(0, 2), ...cdmXmlSeeds()]),
    tokens: ['CCSDS_CDM_VERS = 1.0', '<cdm>', '\n'],
    parse: parseCdm,
  },
  {
    name: 'SOCRATES CSV',
    seeds: () => [fixture('socrates-snapshot-pair.csv')],
    tokens: ['NORAD_CAT_ID_1', 'TCA', 'TCA_RANGE', ',', '"', '\n', '2024-10-31 10:59:32.427'],
    parse: parseSocratesCsv,
    namedError: SocratesFormatError,
  },
  {
    name: 'SOCRATES JSON',
    seeds: socratesJsonSeeds,
    tokens: [
      '[',
      ']',
      '{',
      '}',
      ',',
      '"sat1":',
      '"toca":',
      '"minRng":',
      '"2024-01-01T00:00:00Z"',
      'null',
    ],
    parse: parseSocratesKeeptrackJson,
    namedError: SocratesFormatError,
  },
  {
    name: 'notifications JSON',
    seeds: () => [fixture('notifications.json'), fixture('notifications-invalid.json')],
    tokens: [
      '{',
      '}',
      '[',
      ']',
      '"id":',
      '"site":',
      '"latDeg":',
      '"azimuthDeg":',
      '{"min": 359, "max": 1}',
      '"polygon":',
      ',',
    ],
    parse: parseNotificationText,
    namedError: NotificationFormatError,
  },
  {
    name: 'notifications CSV',
    seeds: () => [NOTIFICATION_CSV],
    tokens: ['windowStart', 'windowEnd', ',', '"', '\n', 'cape-canaveral', '2024-10-31T12:00:00Z'],
    parse: parseNotificationText,
    namedError: NotificationFormatError,
  },
  {
    name: 'address',
    seeds: () => ADDRESS_SEEDS,
    tokens: [
      '?',
      '&',
      '=',
      'catalog',
      't',
      'sel',
      'cam',
      'event',
      'tour',
      'top',
      'dwell',
      '%',
      '%E2%80%AE',
      '@',
      '-',
      ',',
    ],
    parse: (search) => {
      const params = new URLSearchParams(search);
      parseCameraParam(params.get('cam') ?? '');
      parseEventKey(params.get('event') ?? '');
      tourSettingsFromSearch(search);
      return readUrlState(search, { mode: 'public', origin: 'https://example.org' });
    },
  },
];

type Mutation =
  | { op: 'truncate'; at: number }
  | { op: 'flip'; at: number; char: string }
  | { op: 'duplicateLine' | 'deleteLine'; line: number }
  | { op: 'swapLines'; line: number; other: number }
  | { op: 'number'; at: number; value: string }
  | { op: 'insert'; at: number; text: string }
  | { op: 'repeatLine'; line: number; times: number };

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({
    op: fc.constant('flip' as const),
    at: fc.nat(),
    char: fc.oneof(
      fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
      fc.constantFrom(...UNICODE),
    ),
  }),
  fc.record({
    op: fc.constantFrom('duplicateLine' as const, 'deleteLine' as const),
    line: fc.nat(),
  }),
  fc.record({ op: fc.constant('swapLines' as const), line: fc.nat(), other: fc.nat() }),
  fc.record({
    op: fc.constant('number' as const),
    at: fc.nat(),
    value: fc.constantFrom(...ODD_NUMBERS),
  }),
  fc.record({
    op: fc.constant('insert' as const),
    at: fc.nat(),
    text: fc.oneof(
      fc.constantFrom(...UNICODE, ...ODD_NUMBERS),
      fc.string({ unit: 'grapheme', maxLength: 20 }),
    ),
  }),
  fc.record({
    op: fc.constant('repeatLine' as const),
    line: fc.nat(),
    times: fc.integer({ min: 2, max: 300 }),
  }),
);

const NUMBER_TOKEN = /[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/g;

export function mutate(text: string, m: Mutation): string {
  const pos = (n: number) => (text.length ? n % (text.length + 1) : 0);
  const lines = () => text.split('\n');
  switch (m.op) {
    case 'truncate':
      return text.slice(0, pos(m.at));
    case 'flip': {
      const at = pos(m.at);
      return text.slice(0, at) + m.char + text.slice(at + 1);
    }
    case 'insert': {
      const at = pos(m.at);
      return text.slice(0, at) + m.text + text.slice(at);
    }
    case 'number': {
      const numbers = [...text.matchAll(NUMBER_TOKEN)];
      if (!numbers.length) return text;
      const hit = numbers[m.at % numbers.length];
      return text.slice(0, hit.index) + m.value + text.slice(hit.index + hit[0].length);
    }
    case 'duplicateLine':
    case 'deleteLine': {
      const l = lines();
      const i = m.line % l.length;
      if (m.op === 'deleteLine') l.splice(i, 1);
      else l.splice(i, 0, l[i]);
      return l.join('\n');
    }
    case 'swapLines': {
      const l = lines();
      const i = m.line % l.length;
      const j = m.other % l.length;
      [l[i], l[j]] = [l[j], l[i]];
      return l.join('\n');
    }
    case 'repeatLine': {
      const l = lines();
      const i = m.line % l.length;
      const copies: string[] = new Array<string>(m.times).fill(l[i]);
      return [...l.slice(0, i), ...copies, ...l.slice(i + 1)].join('\n');
    }
  }
}

/** Generated text: format tokens, odd numbers and unicode in any order, or arbitrary strings. */
export function generatedInput(target: FuzzTarget): fc.Arbitrary<string> {
  const piece = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...target.tokens) },
    { weight: 2, arbitrary: fc.constantFrom(...ODD_NUMBERS, ...UNICODE) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }) },
  );
  return fc.oneof(
    fc.array(piece, { maxLength: 80 }).map((p) => p.join('')),
    fc.string({ unit: 'binary', maxLength: 200 }),
  );
}

/** Values of the wrong type or range, for JSON-aware mutations. */
const ODD_JSON_VALUES: unknown[] = [
  null,
  [],
  {},
  '',
  'x',
  0,
  -0,
  1e308,
  -1e308,
  5e-324,
  Number.MAX_SAFE_INTEGER + 2,
  true,
  [[1]],
  [
    [0, 90],
    [180, 90],
    [0, 90],
  ],
  { min: 359, max: 1 },
  { min: 'a' },
  'NaN',
  '\u202e\ufffd😀',
  'x'.repeat(5000),
  { __proto__: { polluted: true } },
  [null, null],
];

/** Every path to a value inside a JSON document. */
function jsonPaths(
  value: unknown,
  path: (string | number)[] = [],
  out: (string | number)[][] = [],
) {
  out.push(path);
  if (Array.isArray(value)) value.forEach((v, i) => jsonPaths(v, [...path, i], out));
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) jsonPaths(v, [...path, k], out);
  }
  return out;
}

/** The document with the value at `path` replaced (or, with `remove`, the key/element gone). */
function replaceAt(
  doc: unknown,
  path: (string | number)[],
  value: unknown,
  remove: boolean,
): unknown {
  if (path.length === 0) return remove ? null : value;
  const copy: unknown = structuredClone(doc);
  let node = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1];
  if (remove && Array.isArray(node)) node.splice(Number(last), 1);
  else if (remove) delete node[last];
  else node[last] = value;
  return copy;
}

/** Mutations of the target's seed files (none without seeds). */
export function mutatedInput(target: FuzzTarget): fc.Arbitrary<string> | null {
  const seeds = target.seeds();
  if (!seeds.length) return null;
  const textual = fc
    .tuple(fc.nat(seeds.length - 1), fc.array(mutationArb, { minLength: 1, maxLength: 5 }))
    .map(([s, ms]) => ms.reduce(mutate, seeds[s]));
  const docs = seeds.flatMap((s) => {
    try {
      return [JSON.parse(s) as unknown];
    } catch {
      return [];
    }
  });
  if (!docs.length) return textual;
  // JSON seeds also get values of the wrong type or range at any path, or keys removed.
  const structural = fc
    .tuple(
      fc.nat(docs.length - 1),
      fc.array(fc.tuple(fc.nat(), fc.constantFrom(...ODD_JSON_VALUES), fc.boolean()), {
        minLength: 1,
        maxLength: 3,
      }),
    )
    .map(([d, edits]) =>
      JSON.stringify(
        edits.reduce((doc, [at, value, remove]) => {
          const paths = jsonPaths(doc);
          return replaceAt(doc, paths[at % paths.length], value, remove && at % 4 === 0);
        }, docs[d]),
      ),
    );
  return fc.oneof(textual, structural);
}

/** Path of the first NaN or infinite number anywhere in a parse result, or null. */
export function nonFiniteNumberPath(value: unknown): string | null {
  const stack: [unknown, string][] = [[value, '']];
  while (stack.length) {
    const [v, path] = stack.pop()!;
    if (typeof v === 'number' && !Number.isFinite(v)) return path || '(result)';
    if (v !== null && typeof v === 'object') {
      for (const [k, child] of Object.entries(v)) stack.push([child, `${path}.${k}`]);
    }
  }
  return null;
}

/**
 * Runs one input: throws (a property failure) when the parser throws anything but its named
 * error, returns a NaN or infinite number in what it accepted, or takes longer than
 * fuzzTimeLimitMs. Returns the time taken.
 */
export function runOne(target: FuzzTarget, text: string): number {
  const t0 = performance.now();
  try {
    const result = target.parse(text);
    const bad = nonFiniteNumberPath(result);
    if (bad) throw new Error(`${target.name} accepted a non-finite number at ${bad}`);
  } catch (e) {
    if (e instanceof Error && e.message.includes('accepted a non-finite')) throw e;
    if (!(target.namedError && e instanceof target.namedError)) {
      const what = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
      throw new Error(`${target.name} threw ${what}`, { cause: e });
    }
  }
  const ms = performance.now() - t0;
  if (ms > fuzzTimeLimitMs(text.length)) {
    throw new Error(`${target.name} took ${ms.toFixed(0)} ms on a ${text.length}-character input`);
  }
  return ms;
}
