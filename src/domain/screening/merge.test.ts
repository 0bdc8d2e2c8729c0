import { describe, expect, it } from 'vitest';
import { prepareScreening } from './context';
import { emptyStats } from './engine';
import { finalEventOrder, mergeChunks } from './merge';
import { baseElements, SNAPSHOT_START } from './testSupport';
import { PACKED_EVENT_SIZE, type ChunkResult } from './types';

const HOUR_MS = 3_600_000;
// Three LEO objects in planes 90° apart in RAAN: never within the threshold for long.
const elements = [
  baseElements({ noradCatId: 200003, raOfAscNodeDeg: 180 }),
  baseElements({ noradCatId: 200001 }),
  baseElements({ noradCatId: 200002, raOfAscNodeDeg: 90 }),
];
const ctx = prepareScreening(
  elements,
  { startMs: SNAPSHOT_START, durationHours: 24 },
  { deferSgp4: true },
);
const index = (id: number) => ctx.ids.indexOf(id);
const [A, B, C] = [index(200001), index(200002), index(200003)];

/** Raw minima packed as a chunk holds them: object indices, TCA, range (the rest zero). */
function pack(minima: [number, number, number, number][]): Float64Array {
  const packed = new Float64Array(minima.length * PACKED_EVENT_SIZE);
  minima.forEach(([i, j, tcaMs, rangeKm], k) => {
    packed.set([i, j, tcaMs, rangeKm], k * PACKED_EVENT_SIZE);
  });
  return packed;
}

describe('finalEventOrder', () => {
  const t = SNAPSHOT_START + 5 * HOUR_MS;

  it('folds minima of a pair closer than 1 ms apart into the deepest, chaining through each', () => {
    const packed = pack([
      [A, B, t + 1.2, 3],
      [A, B, t, 2],
      [A, B, t + 0.6, 4],
    ]);
    // 0.6 ms steps chain all three (each is compared with the one before it, not with the
    // deepest so far), though the first and last are 1.2 ms apart.
    expect(Array.from(finalEventOrder(ctx, packed, 3))).toEqual([1]);
  });

  it('keeps separate passes of a pair that leaves the threshold between them', () => {
    const packed = pack([
      [A, B, t + 2 * HOUR_MS, 4],
      [A, B, t, 3],
    ]);
    expect(Array.from(finalEventOrder(ctx, packed, 2))).toEqual([1, 0]);
  });

  it('orders by TCA, then catalog numbers, then as given; drops minima outside the window', () => {
    const packed = pack([
      [B, C, t, 1], // 200002–200003
      [A, C, t, 1], // 200001–200003
      [A, B, t + HOUR_MS, 1],
      [A, B, t, 1], // 200001–200002
      [A, C, SNAPSHOT_START - 1, 1], // before the window
      [A, C, SNAPSHOT_START + 25 * HOUR_MS, 1], // after it
    ]);
    expect(Array.from(finalEventOrder(ctx, packed, 6))).toEqual([3, 1, 0, 2]);
  });
});

describe('mergeChunks', () => {
  const chunk = (n: number, minima: [number, number, number, number][]): ChunkResult => ({
    chunk: n,
    packed: pack(minima),
    flags: [],
    stats: { ...emptyStats(), events: minima.length },
  });

  it('gives the same events whatever order the chunks arrive in', () => {
    const t = SNAPSHOT_START + HOUR_MS;
    const chunks = [
      chunk(0, [
        [A, B, t, 2],
        [A, C, t + 10, 3],
      ]),
      chunk(1, [
        [B, C, t + 3 * HOUR_MS, 1],
        [A, B, t + 0.5, 1.5],
      ]),
    ];
    const inOrder = mergeChunks(ctx, chunks);
    const reversed = mergeChunks(ctx, [...chunks].reverse());
    expect(JSON.stringify(reversed)).toBe(JSON.stringify(inOrder));
    expect(inOrder.events.map((e) => [e.id1, e.id2, e.rangeKm])).toEqual([
      [200001, 200002, 1.5],
      [200001, 200003, 3],
      [200002, 200003, 1],
    ]);
    expect(inOrder.stats.events).toBe(3);
  });
});
