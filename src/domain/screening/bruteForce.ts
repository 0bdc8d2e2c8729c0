import type { ElementSet } from '../catalog/types';
import { prepareScreening, stateInto } from './context';
import { NOT_COVERED } from './ephemeris';
import { finalizeEvents } from './merge';
import { PairEvaluator, refineEvent } from './refine';
import type { ConjunctionEvent, ScreeningOptions } from './types';

/** Upper bound on the relative speed of two Earth orbiters, km/s (LEO head-on and HEO perigee). */
const V_REL_MAX = 22;

/**
 * Reference screening for tests and benchmarks: every pair (no apogee/perigee filter, no grid,
 * no interpolation), real SGP4 at every `stepS`, a range-rate sign change from − to + between
 * two samples marks a minimum, refined exactly as the engine refines (Brent on real SGP4), then
 * the same event finalisation. O(pairs × steps): small catalogs only.
 */
export function bruteForceScreen(
  elements: ElementSet[],
  options: ScreeningOptions,
  stepS = 10,
): { events: ConjunctionEvent[]; sgp4Calls: number } {
  const ctx = prepareScreening(elements, options);
  const { startMs, endMs, reachKm } = ctx.opts;
  const n = ctx.n;
  const steps = Math.ceil((endMs - startMs) / (stepS * 1000)) + 1;
  const live: number[] = [];
  for (let i = 0; i < n; i++) if (ctx.satrecs[i] || ctx.tracks[i]) live.push(i);
  // States [object][step][6]; NaN after a failure.
  const S = new Float64Array(n * steps * 6).fill(NaN);
  let calls = 0;
  for (const i of live) {
    for (let k = 0; k < steps; k++) {
      calls++;
      const err = stateInto(ctx, i, startMs + k * stepS * 1000, S, (i * steps + k) * 6);
      // An ephemeris-only object has gaps; any other failure ends the object.
      if (err === NOT_COVERED) S.fill(NaN, (i * steps + k) * 6, (i * steps + k + 1) * 6);
      else if (err !== 0) {
        S.fill(NaN, (i * steps + k) * 6, (i + 1) * steps * 6);
        break;
      }
    }
  }
  const ev = new PairEvaluator(ctx);
  const raw: ConjunctionEvent[] = [];
  const near = reachKm + (V_REL_MAX * stepS) / 2 + 1;
  for (let a = 0; a < live.length; a++) {
    for (let b = a + 1; b < live.length; b++) {
      let i = live[a];
      let j = live[b];
      if (!ctx.primary[i] && !ctx.primary[j]) continue;
      if (ctx.primary[j] && !ctx.primary[i]) [i, j] = [j, i];
      let fPrev = NaN;
      let rPrev = NaN;
      for (let k = 0; k < steps; k++) {
        const oi = (i * steps + k) * 6;
        const oj = (j * steps + k) * 6;
        const dx = S[oj] - S[oi];
        const dy = S[oj + 1] - S[oi + 1];
        const dz = S[oj + 2] - S[oi + 2];
        const f =
          dx * (S[oj + 3] - S[oi + 3]) +
          dy * (S[oj + 4] - S[oi + 4]) +
          dz * (S[oj + 5] - S[oi + 5]);
        const r = Math.sqrt(dx * dx + dy * dy + dz * dz);
        if (fPrev < 0 && f >= 0 && Math.min(r, rPrev) <= near) {
          const t0 = startMs + (k - 1) * stepS * 1000;
          const guess = t0 + (stepS * 1000 * -fPrev) / (f - fPrev);
          const e = refineEvent(ctx, ev, i, j, guess, stepS);
          if (e) raw.push(e);
        }
        fPrev = f;
        rPrev = r;
      }
    }
  }
  return { events: finalizeEvents(ctx, raw), sgp4Calls: calls + ev.calls };
}
