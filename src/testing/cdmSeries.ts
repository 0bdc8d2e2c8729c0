// A CDM series for tests and the app's end-to-end test: seven updates of one real CARA conjunction
// (HST vs object 2017), made the way a screening centre's successive messages evolve — the
// covariance shrinks (both objects' variances halve with each update) and the miss converges
// (the relative position shrinks towards 0.28 of the original). The states are moved with the miss
// (object 2 = object 1 + scale × the original relative position), and MISS_DISTANCE and
// RELATIVE_POSITION_R/T/N are written from them, so every figure of a file agrees with the others.
// TCA is kept. Creation dates step by 8 hours (CARA screens three times a day).
//
// With the default source the 2D Pc goes 1.9e-5 → … up to ~2.7e-4 (update 4) → … 1.2e-5: it rises
// through the red threshold, peaks and falls back, which the history tests rely on.
import { readFileSync } from 'node:fs';
import { parseCdm } from '../domain/cdm/parse';
import type { CdmMessage } from '../domain/cdm/types';
import { writeCdmKvn } from '../domain/cdm/writeKvn';
import type { Vec3 } from '../domain/probability/linalg';
import { sharedDataPath } from './sharedData';

export const CDM_SERIES_SOURCE_ID = '000020580_conj_000002017_20230613_001923_20230608_063715';

/** The real CARA CDM the default series starts from (EME2000 states, full covariances). */
export const cdmSeriesSource = sharedDataPath(
  'cara-pc-test-data',
  'raw',
  'PcTestCaseCDMs',
  `${CDM_SERIES_SOURCE_ID}.cdm`,
);

export const CDM_SERIES_LENGTH = 7;
export const CDM_SERIES_STEP_MS = 8 * 3_600_000;
/** Where the miss converges to, as a fraction of the source's relative position. */
export const CDM_SERIES_FINAL_MISS_SCALE = 0.28;

export interface CdmSeriesFile {
  fileName: string;
  text: string;
}

/** Update k's (0-based) variance factor and relative-position scale. */
export function cdmSeriesStep(k: number): { varianceFactor: number; missScale: number } {
  return {
    varianceFactor: 0.5 ** k,
    missScale: CDM_SERIES_FINAL_MISS_SCALE + (1 - CDM_SERIES_FINAL_MISS_SCALE) * 0.4 ** k,
  };
}

const sub = (a: Vec3, b: Vec3): Vec3 => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];

function stepMessage(source: CdmMessage, k: number): CdmMessage {
  const { varianceFactor, missScale } = cdmSeriesStep(k);
  const m = structuredClone(source);
  for (const o of [m.object1, m.object2]) {
    o.covarianceRtn = o.covarianceRtn.map((row) => row.map((x) => x * varianceFactor));
  }
  const r1 = m.object1.positionKm;
  const rel = sub(m.object2.positionKm, r1);
  m.object2.positionKm = [
    r1[0] + missScale * rel[0],
    r1[1] + missScale * rel[1],
    r1[2] + missScale * rel[2],
  ];
  const relM = sub(m.object2.positionKm, r1).map((x) => x * 1000) as unknown as Vec3;
  m.relative.missDistanceM = Math.hypot(...relM);
  if (m.relative.relativePositionRtnM) {
    const [r, t, n] = source.relative.relativePositionRtnM!;
    m.relative.relativePositionRtnM = [r * missScale, t * missScale, n * missScale];
  }
  // The source's own probability belongs to the source's geometry, not to this one.
  delete m.relative.collisionProbability;
  delete m.relative.collisionProbabilityMethod;
  m.header.creationDateMs = source.header.creationDateMs + k * CDM_SERIES_STEP_MS;
  m.header.messageId = `${source.header.messageId}_SERIES_${k + 1}`;
  return m;
}

/** The series as KVN files, in creation order, from a CDM's text (the first message in it). */
export function cdmSeriesFromText(cdmText: string, count = CDM_SERIES_LENGTH): CdmSeriesFile[] {
  const { messages, errors } = parseCdm(cdmText);
  if (!messages.length) throw new Error(`series source is not a CDM: ${errors[0]?.reason ?? ''}`);
  return Array.from({ length: count }, (_, k) => {
    const m = stepMessage(messages[0], k);
    return { fileName: `${m.header.messageId}.cdm`, text: writeCdmKvn(m) };
  });
}

/** The default series from the shared CARA data (Node only: reads the source file). */
export function buildCdmSeries(count = CDM_SERIES_LENGTH): CdmSeriesFile[] {
  return cdmSeriesFromText(readFileSync(cdmSeriesSource, 'utf8'), count);
}
