// Globally adaptive Gauss–Kronrod (7/15) quadrature. The Pc integrand can be a narrow spike
// (hard-body radius ≫ sigma) or have sharp steps (sigma ≪ radius across the circle), which a
// fixed rule misses; bisecting the worst panel until the summed error estimate is small relative
// to the total handles both.

const XGK = [
  0.9914553711208126, 0.9491079123427585, 0.8648644233597691, 0.7415311855993945,
  0.5860872354676911, 0.4058451513773972, 0.20778495500789848, 0,
];
const WGK = [
  0.022935322010529224, 0.06309209262997856, 0.10479001032225019, 0.14065325971552592,
  0.1690047266392679, 0.19035057806478542, 0.20443294007529889, 0.20948214108472782,
];
// Gauss 7-point weights for the nodes XGK[1], XGK[3], XGK[5], XGK[7].
const WG = [0.1294849661688697, 0.27970539148927664, 0.3818300505051189, 0.4179591836734694];

const MAX_GRADING = 40;

interface Panel {
  a: number;
  b: number;
  value: number;
  error: number;
}

function gk15(f: (x: number) => number, a: number, b: number): Panel {
  const c = 0.5 * (a + b);
  const h = 0.5 * (b - a);
  const fc = f(c);
  let kronrod = fc * WGK[7];
  let gauss = fc * WG[3];
  for (let j = 0; j < 7; j++) {
    const dx = h * XGK[j];
    const s = f(c - dx) + f(c + dx);
    kronrod += WGK[j] * s;
    if (j % 2 === 1) gauss += WG[(j - 1) / 2] * s;
  }
  return { a, b, value: kronrod * h, error: Math.abs((kronrod - gauss) * h) };
}

export interface QuadratureOptions {
  /** Target error relative to the integral (default 1e-10). */
  relTol?: number;
  /** Absolute error floor (default 0). */
  absTol?: number;
  /** Most panels before giving up (default 2000). */
  maxPanels?: number;
}

export interface QuadratureResult {
  value: number;
  errorEstimate: number;
  panels: number;
}

/** A point where the integrand may have a peak of at least `width` (full scale). */
export interface Spike {
  at: number;
  width: number;
}

/**
 * ∫ f over [a, b]. `breaks` are interior points that start as panel edges (kinks, steps). Gauss
 * nodes never touch panel edges, so a spike narrower than a panel and centred on an edge would be
 * invisible; each spike therefore gets panels graded geometrically towards it (widths halving
 * down to a quarter of its width, at most 2^-MAX_GRADING of the interval).
 */
export function integrateAdaptive(
  f: (x: number) => number,
  a: number,
  b: number,
  breaks: readonly number[] = [],
  options: QuadratureOptions = {},
  spikes: readonly Spike[] = [],
): QuadratureResult {
  const relTol = options.relTol ?? 1e-10;
  const absTol = options.absTol ?? 0;
  const maxPanels = options.maxPanels ?? 2000;
  const graded: number[] = [];
  for (const { at, width } of spikes) {
    if (!(at >= a && at <= b)) continue;
    graded.push(at);
    for (let j = 1, h = (b - a) / 2; j <= MAX_GRADING && h > width / 4; j++, h /= 2) {
      graded.push(at - h, at + h);
    }
  }
  graded.push(...breaks);
  const inside = graded.filter((x) => x > a && x < b).sort((p, q) => p - q);
  const edges = [a, ...inside, b];
  const panels: Panel[] = [];
  for (let i = 0; i + 1 < edges.length; i++) {
    if (edges[i + 1] > edges[i]) panels.push(gk15(f, edges[i], edges[i + 1]));
  }
  for (;;) {
    let value = 0;
    let error = 0;
    let worst = 0;
    for (let i = 0; i < panels.length; i++) {
      value += panels[i].value;
      error += panels[i].error;
      if (panels[i].error > panels[worst].error) worst = i;
    }
    if (error <= Math.max(absTol, relTol * Math.abs(value)) || panels.length >= maxPanels) {
      return { value, errorEstimate: error, panels: panels.length };
    }
    const p = panels[worst];
    const mid = 0.5 * (p.a + p.b);
    panels[worst] = gk15(f, p.a, mid);
    panels.push(gk15(f, mid, p.b));
  }
}
