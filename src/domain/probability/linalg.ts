// Just the small fixed-size vector and matrix algebra the encounter geometry needs.
import { pcError } from './issues';

export type Vec3 = readonly [number, number, number];
/** Row-major 3×3 matrix. */
export type Mat3 = readonly [Vec3, Vec3, Vec3];
/** Symmetric 2×2 matrix [[a, b], [b, c]] stored as its three distinct terms. */
export interface Sym2 {
  xx: number;
  xz: number;
  zz: number;
}

export const sub = (a: Vec3, b: Vec3): Vec3 => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
export const add = (a: Vec3, b: Vec3): Vec3 => [a[0] + b[0], a[1] + b[1], a[2] + b[2]];
export const scale = (a: Vec3, k: number): Vec3 => [a[0] * k, a[1] * k, a[2] * k];
export const dot = (a: Vec3, b: Vec3): number => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
export const norm = (a: Vec3): number => Math.hypot(a[0], a[1], a[2]);
export const cross = (a: Vec3, b: Vec3): Vec3 => [
  a[1] * b[2] - a[2] * b[1],
  a[2] * b[0] - a[0] * b[2],
  a[0] * b[1] - a[1] * b[0],
];

export function unit(a: Vec3): Vec3 {
  const n = norm(a);
  if (!(n > 0)) throw pcError('zeroVector');
  return scale(a, 1 / n);
}

export function addMat3(a: Mat3, b: Mat3): Mat3 {
  return [add(a[0], b[0]), add(a[1], b[1]), add(a[2], b[2])];
}

/** M·C·Mᵀ for row-major M and symmetric C. */
export function congruence(m: Mat3, c: Mat3): Mat3 {
  const out: number[][] = [
    [0, 0, 0],
    [0, 0, 0],
    [0, 0, 0],
  ];
  for (let i = 0; i < 3; i++) {
    for (let j = 0; j < 3; j++) {
      let s = 0;
      for (let k = 0; k < 3; k++) for (let l = 0; l < 3; l++) s += m[i][k] * c[k][l] * m[j][l];
      out[i][j] = s;
    }
  }
  return out as unknown as Mat3;
}

/** uᵀ·C·w for a symmetric 3×3 C. */
export function quadForm(u: Vec3, c: Mat3, w: Vec3): number {
  let s = 0;
  for (let k = 0; k < 3; k++) for (let l = 0; l < 3; l++) s += u[k] * c[k][l] * w[l];
  return s;
}

export interface Eigen2 {
  /** Larger eigenvalue. */
  l1: number;
  /** Smaller eigenvalue. */
  l2: number;
  /** Angle (rad) of the eigenvector of l1 from the x axis. */
  angleRad: number;
}

/** Eigen-decomposition of a symmetric 2×2 matrix (closed form, stable for near-equal roots). */
export function eigenSym2(s: Sym2): Eigen2 {
  const mean = 0.5 * (s.xx + s.zz);
  const half = 0.5 * (s.xx - s.zz);
  const r = Math.hypot(half, s.xz);
  return { l1: mean + r, l2: mean - r, angleRad: 0.5 * Math.atan2(2 * s.xz, s.xx - s.zz) };
}
