// Property: whatever the damage to a good OEM, the reader answers with data — loaded segments or
// issues with a code, a reason and a line inside the file — and never throws.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readOem } from './read';
import type { OemReadResult } from './types';
import { writeOemKvn } from './write';

const t0 = Date.UTC(2024, 10, 1);
const good = writeOemKvn({
  objectName: 'TESTSAT',
  objectId: '2024-001A',
  originator: 'TEST',
  creationDateMs: t0,
  segments: [0, 1].map((k) => ({
    states: Array.from({ length: 5 }, (_, i) => ({
      epochMs: t0 + (k * 5 + i) * 60_000,
      positionKm: [7000 - i, i * 400, i * 300] as [number, number, number],
      velocityKmS: [-0.1 * i, 5, 5] as [number, number, number],
    })),
    interpolation: 'LAGRANGE' as const,
    interpolationDegree: 3,
    covariances: [
      {
        epochMs: t0 + (k * 5 + 1) * 60_000,
        frame: 'RTN' as const,
        matrix: Float64Array.from({ length: 36 }, (_, j) => (j % 7 === 0 ? 1e-3 : 0)),
        line: 0,
      },
    ],
  })),
});

const toXml = (kvn: string): string => {
  // A small XML rendering of the same message, to fuzz the XML path too.
  const r = readOem(kvn);
  if (!r.ok) throw new Error('fixture');
  const seg = r.message.segments
    .map(
      (s) =>
        `<segment><metadata><OBJECT_NAME>${s.metadata.objectName}</OBJECT_NAME><OBJECT_ID>${s.metadata.objectId}</OBJECT_ID><CENTER_NAME>EARTH</CENTER_NAME><REF_FRAME>EME2000</REF_FRAME><TIME_SYSTEM>UTC</TIME_SYSTEM><START_TIME>${new Date(s.metadata.startMs).toISOString().slice(0, -1)}</START_TIME><STOP_TIME>${new Date(s.metadata.stopMs).toISOString().slice(0, -1)}</STOP_TIME></metadata>\n<data>` +
        s.states
          .map(
            (st) =>
              `<stateVector><EPOCH>${new Date(st.epochMs).toISOString().slice(0, -1)}</EPOCH>` +
              ['X', 'Y', 'Z'].map((n, i) => `<${n}>${st.positionKm[i]}</${n}>`).join('') +
              ['X_DOT', 'Y_DOT', 'Z_DOT']
                .map((n, i) => `<${n}>${st.velocityKmS[i]}</${n}>`)
                .join('') +
              '</stateVector>\n',
          )
          .join('') +
        '</data></segment>\n',
    )
    .join('');
  return `<?xml version="1.0"?>\n<oem version="2.0"><header><CREATION_DATE>2024-11-01T00:00:00</CREATION_DATE><ORIGINATOR>T</ORIGINATOR></header>\n<body>${seg}</body></oem>\n`;
};

function wellFormed(r: OemReadResult, lineCount: number): void {
  const issues = r.ok ? r.rejected : r.errors;
  if (!r.ok) expect(issues.length).toBeGreaterThan(0);
  else expect(r.message.segments.length).toBeGreaterThan(0);
  for (const i of issues) {
    expect(i.code).toBeTruthy();
    expect(i.reason.length).toBeGreaterThan(5);
    if (i.line !== undefined) {
      expect(i.line).toBeGreaterThanOrEqual(1);
      expect(i.line).toBeLessThanOrEqual(lineCount);
    }
  }
}

const edit = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('swap' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('replace' as const),
    at: fc.nat(),
    text: fc.string({ maxLength: 40 }),
  }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat(), keep: fc.nat({ max: 60 }) }),
  // XML: remove one leaf element (<X>…</X>) anywhere.
  fc.record({ kind: fc.constant('dropElement' as const), at: fc.nat() }),
);
type Edit = typeof edit extends fc.Arbitrary<infer T> ? T : never;

const LEAF = /<(\w+)>[^<]*<\/\1>/g;

function apply(text: string, edits: Edit[]): string {
  for (const e of edits.filter((x) => x.kind === 'dropElement')) {
    const leaves = [...text.matchAll(LEAF)];
    if (leaves.length === 0) continue;
    const m = leaves[e.at % leaves.length];
    text = text.slice(0, m.index) + text.slice(m.index + m[0].length);
  }
  const lines = text.split('\n');
  for (const e of edits) {
    if (lines.length === 0) break;
    const i = e.at % lines.length;
    if (e.kind === 'delete') lines.splice(i, 1);
    else if (e.kind === 'duplicate') lines.splice(i, 0, lines[i]);
    else if (e.kind === 'swap' && i + 1 < lines.length)
      [lines[i], lines[i + 1]] = [lines[i + 1], lines[i]];
    else if (e.kind === 'replace') lines[i] = e.text;
    else if (e.kind === 'truncate') lines[i] = lines[i].slice(0, e.keep);
  }
  return lines.join('\n');
}

describe('readOem never throws on damaged input', () => {
  it('KVN', () => {
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 6 }), (edits) => {
        const text = apply(good, edits);
        wellFormed(readOem(text), text.split('\n').length);
      }),
      { numRuns: 400 },
    );
  });

  it('XML', () => {
    const xml = toXml(good);
    expect(readOem(xml).ok).toBe(true);
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 4 }), (edits) => {
        const text = apply(xml, edits);
        wellFormed(readOem(text), text.split('\n').length);
      }),
      { numRuns: 300 },
    );
  });
});
