// Short-encounter geometry: the encounter (B-) plane is perpendicular to the relative velocity at
// TCA; the combined position covariance and the miss vector are projected onto it. Axes follow
// CARA's convention so frame-aligned results (e.g. a square hard body) compare directly:
// ŷ = v/|v|, ẑ = (r × v)/|r × v|, x̂ = ŷ × ẑ, with r = r1 − r2, v = v1 − v2.
import {
  addMat3,
  cross,
  dot,
  type Mat3,
  norm,
  quadForm,
  type Sym2,
  sub,
  unit,
  type Vec3,
} from './linalg';
import { covarianceRtnToInertial } from './rtn';

export interface ObjectState {
  /** Inertial position, m. */
  positionM: Vec3;
  /** Inertial velocity, m/s. */
  velocityMS: Vec3;
}

export interface EncounterFrame {
  xHat: Vec3;
  yHat: Vec3;
  zHat: Vec3;
}

export interface EncounterPlane {
  frame: EncounterFrame;
  /** |r1 − r2| at the given epoch, m. */
  missM: number;
  relSpeedMS: number;
  /**
   * Miss vector in the plane (x̂, ẑ), m. x̂ points along the part of r perpendicular to v, so the
   * miss lies on +x̂. Like CARA (PcCircle, Pc2D_Foster) its length is the full |r|, not |r⊥|: the two
   * agree at the true TCA, and using |r| reproduces CARA's values for states written at a
   * millisecond-rounded TCA (Omitron case 2: 1.6e-4 relative difference otherwise).
   */
  missXM: number;
  missZM: number;
  /** Length of the miss vector's projection onto the plane, |r⊥|, m. */
  missPlaneM: number;
  /** Combined position covariance projected onto (x̂, ẑ), m². */
  covariancePlaneM2: Sym2;
}

export function encounterFrame(relPositionM: Vec3, relVelocityMS: Vec3): EncounterFrame {
  const yHat = unit(relVelocityMS);
  let h = cross(relPositionM, yHat);
  // A zero miss (or one along v) leaves the in-plane orientation free; any normal to v will do.
  if (!(norm(h) > 1e-12 * Math.max(1, norm(relPositionM)))) {
    const axis: Vec3 = Math.abs(yHat[0]) < 0.9 ? [1, 0, 0] : [0, 1, 0];
    h = cross(axis, yHat);
  }
  const zHat = unit(h);
  return { xHat: cross(yHat, zHat), yHat, zHat };
}

/** C1 + C2, each given in the inertial frame. */
export function combinedCovariance(c1: Mat3, c2: Mat3): Mat3 {
  return addMat3(c1, c2);
}

export function projectOntoPlane(frame: EncounterFrame, covarianceM2: Mat3): Sym2 {
  const { xHat, zHat } = frame;
  return {
    xx: quadForm(xHat, covarianceM2, xHat),
    xz: quadForm(xHat, covarianceM2, zHat),
    zz: quadForm(zHat, covarianceM2, zHat),
  };
}

/** Encounter plane from two states and their inertial 3×3 position covariances (m²). */
export function encounterPlaneInertial(
  object1: ObjectState,
  covariance1M2: Mat3,
  object2: ObjectState,
  covariance2M2: Mat3,
): EncounterPlane {
  const r = sub(object1.positionM, object2.positionM);
  const v = sub(object1.velocityMS, object2.velocityMS);
  const frame = encounterFrame(r, v);
  return {
    frame,
    missM: norm(r),
    relSpeedMS: norm(v),
    missXM: norm(r),
    missZM: 0,
    missPlaneM: Math.hypot(dot(r, frame.xHat), dot(r, frame.zHat)),
    covariancePlaneM2: projectOntoPlane(frame, combinedCovariance(covariance1M2, covariance2M2)),
  };
}

/** As encounterPlaneInertial, with each covariance in its own object's RTN frame (m²). */
export function encounterPlaneRtn(
  object1: ObjectState,
  covarianceRtn1M2: Mat3,
  object2: ObjectState,
  covarianceRtn2M2: Mat3,
): EncounterPlane {
  return encounterPlaneInertial(
    object1,
    covarianceRtnToInertial(covarianceRtn1M2, object1.positionM, object1.velocityMS),
    object2,
    covarianceRtnToInertial(covarianceRtn2M2, object2.positionM, object2.velocityMS),
  );
}
