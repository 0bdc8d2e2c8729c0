import { readFileSync } from 'node:fs';
import { BulkPropagator, EciBaseCalculator, type SatRec } from 'satellite.js';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../catalog/load';
import type { ElementSet } from '../catalog/types';
import { onOrbitSnapshotCsv, skipWithoutSharedData } from '../../testing/sharedData';
import { ISS_2024_10_31 } from '../../testing/elements';
import { BulkSgp4, bulkRuntime } from './bulk';
import { sampleEcef, sampleEcefBulk } from './ephemeris';
import { createSatrec } from './satrec';
import { propagateTeme } from './sgp4';

const runtime = await bulkRuntime();
const DAY_MS = 86_400_000;

function started(elements: ElementSet[]): { el: ElementSet; satrec: SatRec }[] {
  return elements.flatMap((el) => {
    const r = createSatrec(el);
    return r.ok ? [{ el, satrec: r.satrec }] : [];
  });
}

function bulkOf(records: SatRec[]): BulkSgp4 {
  const bulk = BulkSgp4.create(runtime!, records.length, records[0]);
  if (!bulk) throw new Error('BulkSgp4 declined this satellite.js');
  for (const r of records) bulk.add(r);
  bulk.seal();
  return bulk;
}

// Every 40th object of the real catalog: LEO, MEO, GEO, HEO, deep space and decaying ones.
const sample = skipWithoutSharedData
  ? []
  : started(
      loadCatalog(readFileSync(onOrbitSnapshotCsv, 'utf8'), { initCheck: () => null }).objects,
    ).filter((_, i) => i % 40 === 0);
const times = [0.37, 3 * DAY_MS + 0.5, 60 * DAY_MS + 123.25].map(
  (dt) => Date.parse('2024-11-01T00:00:00Z') + dt,
);

describe('BulkSgp4 (SGP4 records in WASM memory)', () => {
  it('starts in Node, so the WASM path is what these tests exercise', () => {
    expect(runtime).not.toBeNull();
  });

  it.skipIf(Boolean(skipWithoutSharedData))(
    'writes the records satellite.js itself writes: its own setSatRecs gives the same states and errors',
    () => {
      const records = sample.map((s) => s.satrec);
      expect(records.some((r) => r.method === 'd')).toBe(true);
      const ours = bulkOf(records).run(times);
      const theirs = new BulkPropagator({
        runtime: runtime!,
        calculators: [new EciBaseCalculator()],
        satRecsCount: records.length,
        datesCount: times.length,
      });
      theirs.setSatRecs(records);
      theirs.setDates(times.map((t) => new Date(t)));
      theirs.run({ eci: { communityDecayCheckEnabled: true } });
      const out = theirs.getRawOutput().eci;
      let worstKm = 0;
      for (let q = 0; q < records.length * times.length; q++) {
        expect(ours.status[q] === 0, `record ${q}`).toBe(
          out.error[q] === 0 && ours.status[q] === 0,
        );
        if (ours.status[q] !== 0) continue;
        for (let k = 0; k < 3; k++) {
          worstKm = Math.max(worstKm, Math.abs(ours.position[3 * q + k] - out.position[3 * q + k]));
        }
      }
      // Theirs times from Date (whole ms), ours from the ms themselves: ≤ 0.25 ms apart.
      expect(worstKm).toBeLessThan(0.01);
      theirs.dispose();
    },
  );

  it.skipIf(Boolean(skipWithoutSharedData))(
    'agrees with the JavaScript SGP4 to under a metre, and fails where it fails',
    () => {
      const bulk = bulkOf(sample.map((s) => s.satrec));
      const out = bulk.run(times);
      const teme = new Float64Array(6);
      let worstKm = 0;
      let failures = 0;
      sample.forEach(({ el, satrec }, i) => {
        times.forEach((t, s) => {
          const q = i * times.length + s;
          const js = propagateTeme(satrec, el.epochMs, t, teme);
          expect(out.status[q] !== 0, `${el.noradCatId} at ${t}`).toBe(js !== 0);
          if (js !== 0) {
            failures++;
            return;
          }
          const d = Math.hypot(
            teme[0] - out.position[3 * q],
            teme[1] - out.position[3 * q + 1],
            teme[2] - out.position[3 * q + 2],
          );
          worstKm = Math.max(worstKm, d);
        });
      });
      expect(failures).toBeGreaterThan(0);
      expect(worstKm).toBeLessThan(1e-3);
      bulk.dispose();
    },
  );

  it('keeps fractions of a millisecond, which Date drops', () => {
    const [iss] = started([ISS_2024_10_31]);
    const bulk = bulkOf([iss.satrec]);
    const t = ISS_2024_10_31.epochMs + 3_600_000;
    const a = Array.from(bulk.run([t]).position);
    const b = Array.from(bulk.run([t + 0.5]).position);
    // 0.5 ms at ~7.7 km/s: ~3.8 m.
    const movedKm = Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
    expect(movedKm).toBeGreaterThan(0.003);
    expect(movedKm).toBeLessThan(0.0045);
  });

  it('writes a record of another shape by its field names', () => {
    const [iss] = started([ISS_2024_10_31]);
    const values = iss.satrec as unknown as Record<string, unknown>;
    const reversed = Object.fromEntries(
      Object.keys(values)
        .reverse()
        .map((k) => [k, values[k]]),
    );
    const bulk = BulkSgp4.create(runtime!, 2, iss.satrec)!;
    bulk.add(iss.satrec);
    bulk.add(reversed as unknown as SatRec);
    bulk.seal();
    const out = bulk.run([ISS_2024_10_31.epochMs + 600_000]);
    expect(Array.from(out.position.subarray(3, 6))).toEqual(
      Array.from(out.position.subarray(0, 3)),
    );
    expect(Array.from(out.velocity.subarray(3, 6))).toEqual(
      Array.from(out.velocity.subarray(0, 3)),
    );
  });

  it('refuses a record past its capacity and a run before it is sealed', () => {
    const [iss] = started([ISS_2024_10_31]);
    const bulk = BulkSgp4.create(runtime!, 1, iss.satrec)!;
    bulk.add(iss.satrec);
    expect(() => bulk.run([ISS_2024_10_31.epochMs])).toThrow(/before seal/);
    expect(() => bulk.add(iss.satrec)).toThrow(/full/);
    bulk.seal();
    expect(bulk.count).toBe(1);
    bulk.dispose();
  });

  it.skipIf(Boolean(skipWithoutSharedData))(
    'samples Earth-fixed states as sampleEcef does: layout, NaN from the first failure on, status',
    () => {
      const records = sample.map((s) => s.satrec);
      const epochs = sample.map((s) => s.el.epochMs);
      const n = records.length;
      const [t0] = times;
      const step = 20 * DAY_MS;
      const js = new Float64Array(3 * n * 6);
      const wasm = new Float64Array(3 * n * 6);
      const jsStatus = new Uint8Array(n);
      const wasmStatus = new Uint8Array(n);
      sampleEcef(records, epochs, t0, step, 3, js, jsStatus);
      sampleEcefBulk(bulkOf(records), t0, step, 3, wasm, wasmStatus);
      expect(Array.from(wasmStatus, (s) => s !== 0)).toEqual(Array.from(jsStatus, (s) => s !== 0));
      expect(jsStatus.some((s) => s !== 0)).toBe(true);
      for (let o = 0; o < js.length; o++) {
        if (Number.isNaN(js[o])) expect(wasm[o]).toBeNaN();
        else expect(Math.abs(wasm[o] - js[o])).toBeLessThan(1e-3);
      }
    },
  );
});
