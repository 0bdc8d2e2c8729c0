// Positive semi-definiteness of a 6×6 covariance: its smallest eigenvalue, by cyclic Jacobi
// rotations (exact enough for a symmetric 6×6 in a handful of sweeps).

/** Smallest eigenvalue of a symmetric 6×6 (row-major) and the largest magnitude, for scale. */
export function minEigenvalueSym6(matrix: ArrayLike<number>): { min: number; maxAbs: number } {
  const n = 6;
  const a = Float64Array.from(matrix);
  let norm2 = 0;
  for (const x of a) norm2 += x * x;
  for (let sweep = 0; sweep < 50; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += a[p * n + q] ** 2;
    if (off <= 1e-24 * norm2) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[p * n + q];
        if (apq === 0) continue;
        const theta = (a[q * n + q] - a[p * n + p]) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = a[k * n + p];
          const akq = a[k * n + q];
          a[k * n + p] = c * akp - s * akq;
          a[k * n + q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p * n + k];
          const aqk = a[q * n + k];
          a[p * n + k] = c * apk - s * aqk;
          a[q * n + k] = s * apk + c * aqk;
        }
      }
    }
  }
  let min = Infinity;
  let maxAbs = 0;
  for (let k = 0; k < n; k++) {
    min = Math.min(min, a[k * n + k]);
    maxAbs = Math.max(maxAbs, Math.abs(a[k * n + k]));
  }
  return { min, maxAbs };
}
