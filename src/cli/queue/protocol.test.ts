import { describe, expect, it } from 'vitest';
import { PACKED_EVENT_SIZE } from '../../domain/screening/types';
import {
  decodePacked,
  encodePacked,
  parseJobResult,
  parseScreeningJob,
  PROTOCOL_VERSION,
  type JobResult,
  type ScreeningJob,
} from './protocol';

const SHA = 'a'.repeat(64);
const job: ScreeningJob = {
  v: PROTOCOL_VERSION,
  runId: 'run-1',
  catalog: { sha256: SHA, fileName: 'x.csv' },
  options: { startMs: Date.parse('2024-11-01T00:00:00Z'), durationHours: 6, thresholdKm: 5 },
  chunks: [1],
};

const stats = {
  objects: 0,
  screened: 0,
  pairsApogeePerigee: 0,
  sgp4Calls: 10,
  gridSteps: 2,
  pairsGrid: 1,
  pairsMinimum: 1,
  pairsRefined: 1,
  events: 1,
};

function result(packed: Float64Array, over: Partial<JobResult> = {}): JobResult {
  return {
    v: PROTOCOL_VERSION,
    runId: 'run-1',
    catalogSha256: SHA,
    objects: 3,
    summary: { chunkCount: 3, initFlags: [], screened: 3, pairsApogeePerigee: 3 },
    chunks: [{ chunk: 1, packed: encodePacked(packed), flags: [], stats }],
    worker: 'host:1',
    ...over,
  };
}

describe('screening job protocol', () => {
  it('carries packed events bit for bit', () => {
    const packed = Float64Array.from({ length: 2 * PACKED_EVENT_SIZE }, (_, k) =>
      k % 3 === 0 ? k : Math.PI * 10 ** (k - 20) * (k % 2 ? -1 : 1),
    );
    expect(decodePacked(encodePacked(packed), 'p')).toEqual(packed);
    expect(() => decodePacked(Buffer.alloc(8).toString('base64'), 'here')).toThrow(
      /here: 8 bytes is not a whole number of packed events/,
    );
  });

  it('accepts a job with the catalog inline or by hash, and names the field at fault', () => {
    expect(parseScreeningJob(job)).toEqual(job);
    const inline = { ...job, catalog: { text: 'TLE…', fileName: 'a.tle' } };
    expect(parseScreeningJob(inline).catalog).toEqual(inline.catalog);
    const cases: [unknown, RegExp][] = [
      [null, /^job must be an object$/],
      [{ ...job, v: 2 }, /job\.v: protocol version 2, this side speaks 1/],
      [{ ...job, runId: 'a:b' }, /job\.runId does not match/],
      [{ ...job, extra: 1 }, /job: unknown field extra/],
      [{ ...job, catalog: { fileName: 'x' } }, /exactly one of text and sha256/],
      [{ ...job, catalog: { sha256: 'xyz', fileName: 'x' } }, /catalog\.sha256 does not match/],
      [{ ...job, options: { ...job.options, durationHours: 500 } }, /options: duration must be/],
      [{ ...job, options: { ...job.options, thresholdKm: '5' } }, /options\.thresholdKm must be/],
      [{ ...job, options: { ...job.options, primaries: [25544, -1] } }, /options\.primaries\[1\]/],
      [
        { ...job, options: { ...job.options, volume: { shape: 'box', halfRtnKm: [1, 2] } } },
        /options\.volume\.halfRtnKm must hold 3 numbers/,
      ],
      [{ ...job, chunks: [] }, /chunks is empty/],
      [{ ...job, chunks: [0, 0] }, /chunks repeats a chunk/],
      [{ ...job, chunks: [3] }, /chunks: 3 is past the window's 3 chunks/],
      [{ ...job, chunks: [1.5] }, /chunks\[0\] must be an integer/],
    ];
    for (const [data, message] of cases) {
      expect(() => parseScreeningJob(data), JSON.stringify(data)).toThrow(message);
    }
  });

  it('checks a result against the job it answers', () => {
    const packed = new Float64Array(PACKED_EVENT_SIZE);
    packed[0] = 0;
    packed[1] = 2;
    const ok = parseJobResult(result(packed), job);
    expect(ok.decoded).toEqual([{ chunk: 1, packed, flags: [], stats }]);
    const outside = packed.slice();
    outside[1] = 3;
    const cases: [JobResult, RegExp][] = [
      [result(packed, { runId: 'run-2' }), /result\.runId run-2 is not this run's/],
      [result(packed, { catalogSha256: 'b'.repeat(64) }), /not the catalog submitted/],
      [result(outside), /object index 3 out of range/],
      [result(packed, { chunks: [] }), /result\.chunks \[\] do not answer the job's \[1\]/],
    ];
    for (const [data, message] of cases) expect(() => parseJobResult(data, job)).toThrow(message);
  });
});
