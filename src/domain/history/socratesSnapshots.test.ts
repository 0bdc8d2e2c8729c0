// Real data: CelesTrak SOCRATES top-10 lists as KeepTrack saved them, Dec 2023 – Sep 2024.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSocratesKeeptrackJson } from '../cdm/socrates';
import { recordFromSocrates } from '../conjunctions/records';
import { sharedDataPath, skipWithoutSharedData } from '../../testing/sharedData';
import { alertsFor, DEFAULT_ALERT_THRESHOLDS } from './alerts';
import { pairKey } from './designator';
import { mergeUpdates } from './merge';
import { eventStatus } from './status';
import { updateFromRecord } from './update';

const DIR = sharedDataPath('socrates-keeptrack-top10-2023-12-to-2024-09');

function load() {
  const files = readdirSync(DIR)
    .filter((f) => /^SOCRATES_\d{8}-\d{4}\.json$/.test(f))
    .sort();
  const updates = files.flatMap((f) => {
    const { events, rejected } = parseSocratesKeeptrackJson(readFileSync(`${DIR}/${f}`, 'utf8'));
    expect(rejected).toEqual([]);
    return events.map((e) => updateFromRecord(recordFromSocrates(e, f)));
  });
  return { files, updates, histories: mergeUpdates([], updates) };
}

describe.skipIf(skipWithoutSharedData)('SOCRATES snapshots as event histories', () => {
  it('S-NET A × STARLINK-2109, reported by the two snapshots of 14 August 2024, is one event of two updates', () => {
    const { files, updates, histories } = load();
    expect(files).toHaveLength(19);
    expect(updates).toHaveLength(190);
    const several = histories.filter((h) => h.updates.length > 1);
    expect(several.map((h) => h.eventId)).toEqual(['43188-47388@2024-08-15T11:11:08.999Z']);
    const [h] = several;
    expect(h.updates.map((u) => u.origin.source === 'socrates' && u.origin.fileName)).toEqual([
      'SOCRATES_20240814-1313.json',
      'SOCRATES_20240814-2011.json',
    ]);
    expect(h.updates.map((u) => new Date(u.createdMs).toISOString())).toEqual([
      '2024-08-14T13:13:00.000Z',
      '2024-08-14T20:11:00.000Z',
    ]);
    // The second report repeats the first's figures: 36 m, maximum Pc 0.08087 both times, so the
    // trend (maximum Pc only: judged by the miss) is steady, and one yellow alert (miss ≤ 1 km).
    expect(h.updates.map((u) => [u.missKm, u.pc, u.pcKind])).toEqual([
      [0.036, 0.08087, 'maximum'],
      [0.036, 0.08087, 'maximum'],
    ]);
    expect(eventStatus(h, Date.parse('2024-08-14T20:11:00Z'))).toBe('steady');
    expect(eventStatus(h, Date.parse('2024-08-15T11:11:09Z'))).toBe('past');
    expect(alertsFor(h, DEFAULT_ALERT_THRESHOLDS).map((a) => a.toLevel)).toEqual(['yellow']);
    // Every other row is an event of its own: 190 rows, 189 events.
    expect(histories).toHaveLength(189);
  });

  it('successive passes of one pair in one report stay separate events', () => {
    const { histories } = load();
    const of = (a: number, b: number) =>
      histories.filter((h) => pairKey(h.designator1, h.designator2) === pairKey(a, b));
    // QIANFAN-7 × QIANFAN-8, 17 Aug 2024: seven approaches one revolution (≈ 101 min) apart.
    const qianfan = of(60385, 60386);
    expect(qianfan).toHaveLength(7);
    expect(qianfan.every((h) => h.updates.length === 1)).toBe(true);
    // OBJECT C × OBJECT D, 30 Mar 2024: seven approaches half a revolution (≈ 48 min) apart.
    const cd = of(56155, 56156);
    expect(cd).toHaveLength(7);
    const tcas = cd.map((h) => h.updates[0].tcaMs).sort((x, y) => x - y);
    const gaps = tcas.slice(1).map((t, k) => (t - tcas[k]) / 60_000);
    expect(Math.min(...gaps)).toBeGreaterThan(45);
    expect(Math.max(...gaps)).toBeLessThan(51);
  });
});
