// Error functions with full *relative* precision far into the tail. Collision probabilities as
// small as 1e-168 appear in CARA's test set, so erf(a) − erf(b) must never be formed by
// subtracting two numbers close to 1: we work with erfc and its logarithm instead.

// Chebyshev coefficients of erfc (Numerical Recipes 3rd ed., Erf struct); relative error ≈ 1.2e-16.
const COF = [
  -1.3026537197817094, 0.6419697923564902, 0.019476473204185836, -0.00956151478680863,
  -9.46595344482036e-4, 3.66839497852761e-4, 4.2523324806907e-5, -2.0278578112534e-5,
  -1.624290004647e-6, 1.30365583558e-6, 1.5626441722e-8, -8.5238095915e-8, 6.529054439e-9,
  5.059343495e-9, -9.91364156e-10, -2.27365122e-10, 9.6467911e-11, 2.394038e-12, -6.886027e-12,
  8.94487e-13, 3.13092e-13, -1.12708e-13, 3.81e-16, 7.106e-15, -1.523e-15, -9.4e-17, 1.21e-16,
  -2.8e-17,
];

/** ln erfc(z) for z ≥ 0, finite however large z is (erfc itself underflows past z ≈ 26.5). */
export function logErfcNonNeg(z: number): number {
  const t = 2 / (2 + z);
  const ty = 4 * t - 2;
  let d = 0;
  let dd = 0;
  for (let j = COF.length - 1; j > 0; j--) {
    const tmp = d;
    d = ty * d - dd + COF[j];
    dd = tmp;
  }
  return Math.log(t) - z * z + 0.5 * (COF[0] + ty * d) - dd;
}

export function erfc(x: number): number {
  return x >= 0 ? Math.exp(logErfcNonNeg(x)) : 2 - Math.exp(logErfcNonNeg(-x));
}

export function erf(x: number): number {
  return x >= 0 ? 1 - Math.exp(logErfcNonNeg(x)) : Math.exp(logErfcNonNeg(-x)) - 1;
}

/**
 * ln(erf(hi) − erf(lo)) for hi > lo, accurate in relative terms whatever the position of the
 * interval: when both ends lie on the same side of zero the difference of two erfc tails is used.
 * Returns −Infinity for an empty interval.
 */
export function logErfDiff(lo: number, hi: number): number {
  if (!(hi > lo)) return -Infinity;
  const h = hi - lo;
  // Narrow interval: subtracting two nearly equal erf/erfc values would leave only
  // ~1e-16/h relative precision, so integrate e^(−t²) over it directly instead.
  if (h * (Math.abs(0.5 * (lo + hi)) + 1) < 1) return logNarrowErfDiff(0.5 * (lo + hi), h);
  if (lo >= 0) return logTailDiff(lo, hi);
  if (hi <= 0) return logTailDiff(-hi, -lo);
  // Straddles zero: erf(hi) + erf(−lo) ≥ max of the two, no cancellation.
  return Math.log(erf(hi) - erf(lo));
}

// 8-point Gauss–Legendre nodes and weights on [−1, 1] (positive half).
const GL_X = [0.1834346424956498, 0.525532409916329, 0.7966664774136267, 0.9602898564975363];
const GL_W = [0.362683783378362, 0.3137066458778873, 0.2223810344533745, 0.1012285362903763];

// ln((2/√π)·∫ e^(−t²) dt over [m − h/2, m + h/2]) = ln(2/√π) − m² + ln ∫ e^(−2mu − u²) du over
// |u| ≤ h/2; the exponent varies by less than ~2 there, so 8 Gauss points are exact to rounding.
function logNarrowErfDiff(m: number, h: number): number {
  const half = h / 2;
  let sum = 0;
  for (let i = 0; i < GL_X.length; i++) {
    const u = half * GL_X[i];
    sum += GL_W[i] * (Math.exp(-2 * m * u - u * u) + Math.exp(2 * m * u - u * u));
  }
  return Math.log((2 / Math.sqrt(Math.PI)) * half * sum) - m * m;
}

// ln(erfc(a) − erfc(b)) for 0 ≤ a < b.
function logTailDiff(a: number, b: number): number {
  const la = logErfcNonNeg(a);
  const lb = logErfcNonNeg(b);
  return la + Math.log1p(-Math.exp(lb - la));
}
