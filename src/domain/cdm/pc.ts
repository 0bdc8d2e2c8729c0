// 2D Pc straight from a CDM: both states made inertial, each RTN position covariance rotated with
// its own state, summed, projected, integrated (see ../probability).
import { conjunctionPc, type ConjunctionPcResult } from '../probability/conjunctionPc';
import { inertialToRtn } from '../probability/rtn';
import type { Mat3, Vec3 } from '../probability/linalg';
import { cdmObjectInertialState } from './inertial';
import type { CdmMessage, CdmObject } from './types';

export type HbrSource = 'OPTION' | 'COMMENT HBR' | 'OBJECT1 EXCLUSION_VOLUME_RADIUS';

export interface CdmPcResult extends ConjunctionPcResult {
  hbrM: number;
  hbrSource: HbrSource;
  /** Object2 relative to object1 in object1's RTN, m and m/s (compare RELATIVE_POSITION_*). */
  relativePositionRtnM: Vec3;
  relativeVelocityRtnMS: Vec3;
}

export function positionCovarianceRtnM2(object: CdmObject): Mat3 {
  const c = object.covarianceRtn;
  return [
    [c[0][0], c[0][1], c[0][2]],
    [c[1][0], c[1][1], c[1][2]],
    [c[2][0], c[2][1], c[2][2]],
  ];
}

/**
 * Hard-body radius: the caller's, else the relative section's `COMMENT HBR`, else object1's
 * exclusion volume radius (CARA's messages set HBR to the primary's radius: HST 10 m vs debris 3 m
 * → HBR 10 m). Throws when none is known.
 */
export function cdmHardBodyRadius(
  msg: CdmMessage,
  hbrM?: number,
): { hbrM: number; hbrSource: HbrSource } {
  if (hbrM !== undefined) return { hbrM, hbrSource: 'OPTION' };
  if (msg.relative.hbrM !== undefined) return { hbrM: msg.relative.hbrM, hbrSource: 'COMMENT HBR' };
  if (msg.object1.exclusionVolumeRadiusM !== undefined) {
    return {
      hbrM: msg.object1.exclusionVolumeRadiusM,
      hbrSource: 'OBJECT1 EXCLUSION_VOLUME_RADIUS',
    };
  }
  throw new Error(`CDM ${msg.header.messageId} gives no hard-body radius; pass one`);
}

export function cdmPc(msg: CdmMessage, options: { hbrM?: number } = {}): CdmPcResult {
  const { hbrM, hbrSource } = cdmHardBodyRadius(msg, options.hbrM);
  const s1 = cdmObjectInertialState(msg.object1, msg.relative.tcaMs);
  const s2 = cdmObjectInertialState(msg.object2, msg.relative.tcaMs);
  const result = conjunctionPc({
    object1: s1,
    object2: s2,
    covariance1M2: positionCovarianceRtnM2(msg.object1),
    covariance2M2: positionCovarianceRtnM2(msg.object2),
    covarianceFrame: 'RTN',
    hbrM,
  });
  const dr: Vec3 = [0, 1, 2].map((i) => s2.positionM[i] - s1.positionM[i]) as unknown as Vec3;
  const dv: Vec3 = [0, 1, 2].map((i) => s2.velocityMS[i] - s1.velocityMS[i]) as unknown as Vec3;
  return {
    ...result,
    hbrM,
    hbrSource,
    relativePositionRtnM: inertialToRtn(dr, s1.positionM, s1.velocityMS),
    relativeVelocityRtnMS: inertialToRtn(dv, s1.positionM, s1.velocityMS),
  };
}
