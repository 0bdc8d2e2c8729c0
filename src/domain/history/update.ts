// One source's statement about a close approach → one update of an event's history.
import { parseCcsdsEpoch } from '../cdm/time';
import type { CdmObject } from '../cdm/types';
import { isoMs } from '../conjunctions/list';
import type { ConjunctionRecord } from '../conjunctions/types';
import { encounterPlaneRtn, type ObjectState } from '../probability/encounter';
import { congruence, type Mat3, type Vec3 } from '../probability/linalg';
import { covarianceRtnToInertial, rtnBasis } from '../probability/rtn';
import { pairKey } from './designator';
import { historyIssueText, type HistoryIssue, type HistoryIssueCode } from './issues';
import { MAX_TIME_MS, MIN_TIME_MS } from './limits';
import type { EventUpdate, UpdateOrigin } from './types';

const DAY_MS = 86_400_000;

/** A record that cannot become an update (no creation time, no finite TCA/miss/speed…). */
export class HistoryInputError extends Error {
  override readonly name = 'HistoryInputError';
  constructor(readonly issue: HistoryIssue) {
    super(historyIssueText(issue));
  }
}

const inputError = (record: ConjunctionRecord, code: HistoryIssueCode) =>
  new HistoryInputError({ code, values: { label: record.sourceLabel } });

export interface UpdateContext {
  /** When the source produced it, UTC ms: required for a screening run; overrides the others. */
  createdMs?: number;
  /** Screening: the run's label (default: the record's sourceLabel). */
  runLabel?: string;
  /** Screening: the element epochs (default: derived from the record's days since epoch). */
  elementEpochsMs?: [number, number];
}

/**
 * A SOCRATES snapshot's report time from its file name, UTC ms: `SOCRATES_20240814-1313.json` →
 * 2024-08-14T13:13Z. The name's time is taken as UTC (the shared snapshots' names are the time
 * they were saved, which is all they tell). Undefined when the name carries no such time.
 */
export function socratesReportMs(fileName: string): number | undefined {
  const m = /(\d{4})(\d{2})(\d{2})[-_T]?(\d{2})(\d{2})(?!\d)/.exec(fileName);
  if (!m) return undefined;
  const [, y, mo, d, h, mi] = m.map(Number);
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59) return undefined;
  const ms = Date.UTC(y, mo - 1, d, h, mi);
  return new Date(ms).getUTCDate() === d ? ms : undefined;
}

const finiteVec = (v: Vec3 | undefined): v is Vec3 =>
  v !== undefined && v.every((x) => Number.isFinite(x));

const toM = (s: { rKm: Vec3; vKmS: Vec3 }): ObjectState => ({
  positionM: [s.rKm[0] * 1000, s.rKm[1] * 1000, s.rKm[2] * 1000],
  velocityMS: [s.vKmS[0] * 1000, s.vKmS[1] * 1000, s.vKmS[2] * 1000],
});

/**
 * Combined 1σ position uncertainty along object 1's R, T, N (m) and the Mahalanobis distance of
 * the miss on the encounter plane, from the record's states and RTN covariances. The plane is the
 * probability code's (the same projection the Pc uses).
 */
export function covarianceFigures(
  record: Pick<ConjunctionRecord, 'states' | 'covariancesRtnM2'>,
): { sigmaRtnM: Vec3; mahalanobis: number } | undefined {
  const { states, covariancesRtnM2: cov } = record;
  if (!states || !cov) return undefined;
  try {
    const s1 = toM(states.object1);
    const s2 = toM(states.object2);
    const c2Inertial = covarianceRtnToInertial(cov[1], s2.positionM, s2.velocityMS);
    const c2InRtn1 = congruence(rtnBasis(s1.positionM, s1.velocityMS), c2Inertial);
    const combined: Mat3 = [0, 1, 2].map((i) =>
      [0, 1, 2].map((j) => cov[0][i][j] + c2InRtn1[i][j]),
    ) as unknown as Mat3;
    const sigmaRtnM: Vec3 = [
      Math.sqrt(combined[0][0]),
      Math.sqrt(combined[1][1]),
      Math.sqrt(combined[2][2]),
    ];
    const plane = encounterPlaneRtn(s1, cov[0], s2, cov[1]);
    const { xx, xz, zz } = plane.covariancePlaneM2;
    const det = xx * zz - xz * xz;
    const x = plane.missXM;
    const z = plane.missZM;
    const mahalanobis = Math.sqrt((zz * x * x - 2 * xz * x * z + xx * z * z) / det);
    if (!finiteVec(sigmaRtnM) || !Number.isFinite(mahalanobis)) return undefined;
    return { sigmaRtnM, mahalanobis };
  } catch {
    return undefined; // degenerate geometry or covariance: the figures are unknown
  }
}

/** Days from an object's last observation (CDM TIME_LASTOB_END) to TCA. */
function odAgeDays(o: CdmObject, tcaMs: number): number | undefined {
  const e = o.dataExtra.find((x) => x.keyword === 'TIME_LASTOB_END');
  const ms = e ? parseCcsdsEpoch(e.value) : NaN;
  return Number.isFinite(ms) ? (tcaMs - ms) / DAY_MS : undefined;
}

const finiteOrUndefined = (x: number | undefined) =>
  x !== undefined && Number.isFinite(x) ? x : undefined;

function originOf(
  record: ConjunctionRecord,
  context: UpdateContext,
): { origin: UpdateOrigin; createdMs: number; updateId: string } {
  const event = `${pairKey(record.designator1, record.designator2)}@${isoMs(record.tcaMs)}`;
  if (record.source === 'cdm') {
    const h = record.cdm?.header;
    if (!h) throw inputError(record, 'noCdmMessage');
    const createdMs = context.createdMs ?? h.creationDateMs;
    return {
      origin: {
        source: 'cdm',
        originator: h.originator,
        messageId: h.messageId,
        fileName: record.sourceLabel,
      },
      createdMs,
      updateId: `cdm:${h.originator.trim()}:${h.messageId.trim()}`,
    };
  }
  if (record.source === 'socrates') {
    const createdMs = context.createdMs ?? socratesReportMs(record.sourceLabel);
    if (createdMs === undefined) {
      throw inputError(record, 'noReportTime');
    }
    return {
      origin: { source: 'socrates', fileName: record.sourceLabel },
      createdMs,
      updateId: `socrates:${record.sourceLabel}:${event}`,
    };
  }
  if (context.createdMs === undefined) {
    throw inputError(record, 'noRunTime');
  }
  const runLabel = context.runLabel ?? record.sourceLabel;
  const { dse1, dse2 } = record;
  const elementEpochsMs =
    context.elementEpochsMs ??
    (dse1 !== undefined && dse2 !== undefined && Number.isFinite(dse1) && Number.isFinite(dse2)
      ? ([record.tcaMs - dse1 * DAY_MS, record.tcaMs - dse2 * DAY_MS] as [number, number])
      : undefined);
  return {
    origin: {
      source: 'screening',
      runLabel,
      ...(elementEpochsMs ? { elementEpochsMs } : {}),
    },
    createdMs: context.createdMs,
    updateId: `screening:${runLabel}:${event}`,
  };
}

const finitePc = (x: number | undefined) => x === undefined || (x >= 0 && x <= 1);

/**
 * The record as the store keeps it: values that cannot be stored faithfully as JSON (a non-finite
 * miss vector from a degenerate frame, a non-finite probability or age) are left out.
 */
function storableRecord(record: ConjunctionRecord): ConjunctionRecord {
  const out: ConjunctionRecord = { ...record };
  if (out.ricKm && !finiteVec(out.ricKm)) delete out.ricKm;
  if (out.dse1 !== undefined && !Number.isFinite(out.dse1)) delete out.dse1;
  if (out.dse2 !== undefined && !Number.isFinite(out.dse2)) delete out.dse2;
  const pc = out.pc;
  if (pc && !(Number.isFinite(pc.value) && finitePc(pc.value))) delete out.pc;
  else if (pc && (!finitePc(pc.crossCheck) || !finitePc(pc.reported))) {
    out.pc = { ...pc };
    if (!finitePc(pc.crossCheck)) delete out.pc.crossCheck;
    if (!finitePc(pc.reported)) delete out.pc.reported;
  }
  return out;
}

/**
 * The update a record makes. Its id is stable (a CDM: originator + message id; SOCRATES: file +
 * pair + TCA; screening: run label + pair + TCA), so importing the same source twice keeps one.
 * Throws HistoryInputError when the record lacks what every update must have.
 */
export function updateFromRecord(
  record: ConjunctionRecord,
  context: UpdateContext = {},
): EventUpdate {
  const inTime = (x: number) => x >= MIN_TIME_MS && x <= MAX_TIME_MS;
  const problem: HistoryIssueCode | undefined = !inTime(record.tcaMs)
    ? 'tcaOutOfRange'
    : !(record.rangeKm >= 0 && Number.isFinite(record.rangeKm))
      ? 'badMiss'
      : !(record.relSpeedKmS >= 0 && Number.isFinite(record.relSpeedKmS))
        ? 'badSpeed'
        : undefined;
  if (problem) throw inputError(record, problem);
  const { origin, createdMs, updateId } = originOf(record, context);
  if (!inTime(createdMs)) {
    throw inputError(record, 'creationOutOfRange');
  }
  const clean = storableRecord(record);
  const figures = covarianceFigures(record);
  const ageDays: [number | undefined, number | undefined] | undefined =
    record.source === 'cdm' && record.cdm
      ? [odAgeDays(record.cdm.object1, record.tcaMs), odAgeDays(record.cdm.object2, record.tcaMs)]
      : [finiteOrUndefined(record.dse1), finiteOrUndefined(record.dse2)];
  const pc = clean.pc;
  return {
    updateId,
    origin,
    createdMs,
    tcaMs: record.tcaMs,
    missKm: record.rangeKm,
    ...(clean.ricKm ? { missRtnKm: clean.ricKm } : {}),
    relSpeedKmS: record.relSpeedKmS,
    ...(pc ? { pc: pc.value, pcMethod: pc.method, pcKind: pc.kind } : {}),
    ...(figures ?? {}),
    ...(ageDays.some((a) => a !== undefined) ? { ageDays } : {}),
    ...(pc?.hbrM !== undefined ? { hbrM: pc.hbrM } : {}),
    record: clean,
  };
}
