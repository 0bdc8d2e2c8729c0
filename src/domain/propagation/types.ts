/** Position (km) and velocity (km/s) in one frame, named by the caller. */
export interface StateVector {
  rKm: [number, number, number];
  vKmS: [number, number, number];
}

/**
 * Outcome of one propagation. 1–4 and 6 are SGP4's own `satrec.error` codes; 7 and 8 are ours.
 * Any non-zero status means the state written is NaN.
 */
export const PropagationStatus = {
  Ok: 0,
  /** SGP4 1: mean eccentricity left 0 ≤ e < 1. */
  MeanEccentricityOutOfRange: 1,
  /** SGP4 2: mean motion fell below zero. */
  MeanMotionBelowZero: 2,
  /** SGP4 3: perturbed eccentricity left 0 ≤ e < 1. */
  PerturbedEccentricityOutOfRange: 3,
  /** SGP4 4: semi-latus rectum below zero. */
  SemiLatusRectumBelowZero: 4,
  /** SGP4 6: the position is inside the Earth (radius < 1 Earth radius). */
  Decayed: 6,
  /** Ours: below the reentry altitude, or SGP4's drag polynomial exhausted (see sgp4.ts). */
  Reentered: 7,
  /** Ours: SGP4 returned NaN/Infinity without an error code (corrupt elements). */
  NonFinite: 8,
} as const;

export type PropagationStatus = (typeof PropagationStatus)[keyof typeof PropagationStatus];
