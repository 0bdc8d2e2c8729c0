// Proof on a CDM series built from a real CARA message (src/testing/cdmSeries.ts).
import { describe, expect, it } from 'vitest';
import { parseCdm } from '../cdm/parse';
import { cdmPc } from '../cdm/pc';
import { recordFromCdm } from '../conjunctions/records';
import { buildCdmSeries, type CdmSeriesFile } from '../../testing/cdmSeries';
import { skipWithoutSharedData } from '../../testing/sharedData';
import { alertsFor, DEFAULT_ALERT_THRESHOLDS } from './alerts';
import { mergeUpdates } from './merge';
import { eventStatus, peakPc, TREND_PC_FACTOR } from './status';
import { updateFromRecord } from './update';

const updatesOf = (files: readonly CdmSeriesFile[]) =>
  files.map((f) => updateFromRecord(recordFromCdm(parseCdm(f.text).messages[0], f.fileName)));

/** A fixed permutation (no randomness in a test that must fail the same way every time). */
const shuffle = <T>(xs: readonly T[]): T[] => [3, 6, 0, 5, 1, 4, 2].map((k) => xs[k]);

describe.skipIf(skipWithoutSharedData)('a seven-update CDM series from a real CARA CDM', () => {
  const files = buildCdmSeries();

  it('writes seven parseable KVN files with increasing CREATION_DATE and distinct MESSAGE_IDs', () => {
    expect(files).toHaveLength(7);
    const msgs = files.map((f) => parseCdm(f.text));
    for (const m of msgs) expect(m.errors).toEqual([]);
    const created = msgs.map((m) => m.messages[0].header.creationDateMs);
    expect(created.every((t, k) => k === 0 || t - created[k - 1] === 8 * 3_600_000)).toBe(true);
    expect(new Set(msgs.map((m) => m.messages[0].header.messageId)).size).toBe(7);
    expect(new Set(files.map((f) => f.fileName)).size).toBe(7);
  });

  it('the covariance shrinks, the miss converges, and the states agree with the miss', () => {
    const updates = updatesOf(files);
    for (let k = 1; k < 7; k++) {
      // The variances halve: their sum (rotation-invariant) exactly, each component nearly
      // (object 2's RTN frame turns a little as it is moved with the miss).
      const sum = (s: readonly number[]) => s.reduce((a, x) => a + x * x, 0);
      expect(sum(updates[k].sigmaRtnM!) / sum(updates[k - 1].sigmaRtnM!)).toBeCloseTo(0.5, 9);
      for (let i = 0; i < 3; i++) {
        expect(updates[k].sigmaRtnM![i]).toBeLessThan(0.75 * updates[k - 1].sigmaRtnM![i]);
      }
      expect(updates[k].missKm).toBeLessThan(updates[k - 1].missKm);
    }
    // Converging: each step smaller than the one before.
    const steps = updates.slice(1).map((u, k) => updates[k].missKm - u.missKm);
    expect(steps.every((s, k) => k === 0 || s < steps[k - 1])).toBe(true);
    for (const f of files) {
      const m = parseCdm(f.text).messages[0];
      expect(cdmPc(m).plane.missM / m.relative.missDistanceM).toBeCloseTo(1, 9);
      expect(
        Math.hypot(...m.relative.relativePositionRtnM!) / m.relative.missDistanceM,
      ).toBeCloseTo(1, 3);
    }
  });

  it('all seven at once, and shuffled: one event, seven updates in creation order, the Pc code’s values', () => {
    const expectedIds = files.map(
      (f) => `cdm:CARA:${parseCdm(f.text).messages[0].header.messageId}`,
    );
    const expectedPc = files.map((f) => cdmPc(parseCdm(f.text).messages[0]).foster.pc);
    for (const input of [files, shuffle(files), [...files].reverse()]) {
      const histories = mergeUpdates([], updatesOf(input));
      expect(histories).toHaveLength(1);
      const [h] = histories;
      expect(h.eventId).toBe('2017-20580@2023-06-13T00:19:23.766Z');
      expect(h.updates.map((u) => u.updateId)).toEqual(expectedIds);
      expect(h.updates.map((u) => u.pc)).toEqual(expectedPc);
      expect(h.updates.map((u) => u.origin.source === 'cdm' && u.origin.fileName)).toEqual(
        files.map((f) => f.fileName),
      );
    }
    // One at a time, shuffled: the same history.
    let one = mergeUpdates([], []);
    for (const u of updatesOf(shuffle(files))) one = mergeUpdates(one, [u]);
    expect(one).toHaveLength(1);
    expect(one[0].updates.map((u) => u.updateId)).toEqual(expectedIds);
  });

  it('the trend follows the design: rising while the covariance is wider than the miss, then falling', () => {
    const [h] = mergeUpdates([], updatesOf(files));
    const pcs = h.updates.map((u) => u.pc!);
    const beforeTca = Date.parse('2023-06-10T12:00:00Z');
    const statuses = pcs.map((_, k) =>
      eventStatus({ ...h, updates: h.updates.slice(0, k + 1) }, beforeTca),
    );
    // What the rule says for these Pcs (each ratio against the factor)…
    const expected = pcs.map((pc, k) => {
      if (k === 0) return 'new';
      const ratio = pc / pcs[k - 1];
      return ratio >= TREND_PC_FACTOR
        ? 'rising'
        : ratio <= 1 / TREND_PC_FACTOR
          ? 'falling'
          : 'steady';
    });
    expect(statuses).toEqual(expected);
    // …and the shape the series was built to have.
    expect(statuses).toEqual(['new', 'rising', 'rising', 'steady', 'steady', 'falling', 'falling']);
    expect(peakPc(h)).toMatchObject({ updateId: h.updates[3].updateId, passed: true });
    expect(eventStatus(h, Date.parse('2023-06-13T00:19:24Z'))).toBe('past');
    const alerts = alertsFor(h, DEFAULT_ALERT_THRESHOLDS);
    expect(
      alerts.map((a) => [h.updates.findIndex((u) => u.updateId === a.updateId), a.toLevel]),
    ).toEqual([
      [0, 'yellow'],
      [2, 'red'],
      [6, 'yellow'],
    ]);
  });
});
