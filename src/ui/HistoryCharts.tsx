// An event's history plotted against update time (hours to the latest TCA, TCA at 0): the
// probability on a log axis with the alert thresholds as bands and the peak marked; the miss and
// its R/T/N components with ±1σ bands where covariances are known; the Mahalanobis distance; the
// element or OD age.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { AlertThresholds, ConjunctionEventHistory, PeakPc } from '../domain/history';
import { latestUpdate } from '../domain/history';
import { ChartCanvas, type ChartPoint, type ScatterConfig } from './ChartCanvas';
type Point = ChartPoint;
type Config = ScatterConfig;
type Datasets = Config['data']['datasets'];

const HOUR_MS = 3_600_000;
const COLORS = {
  pc: '#eef2f7',
  miss: '#eef2f7',
  r: '#56B4E9',
  t: '#E69F00',
  n: '#CC79A7',
  yellow: 'rgba(240, 200, 40, 0.18)',
  red: 'rgba(230, 60, 50, 0.22)',
  tca: '#D55E00',
  peak: '#F0E442',
  object2: '#009E73',
};

const line = (label: string, data: Point[], color: string, extra: object = {}) => ({
  label,
  data,
  showLine: true,
  borderColor: color,
  backgroundColor: color,
  borderWidth: 1.5,
  pointRadius: 2.5,
  ...extra,
});

/** A filled band between two curves: the lower edge, then the upper filled down to it. */
const band = (lower: Point[], upper: Point[], fill: string) => [
  line('', lower, 'transparent', { pointRadius: 0, borderWidth: 0 }),
  line('', upper, 'transparent', {
    pointRadius: 0,
    borderWidth: 0,
    fill: '-1',
    backgroundColor: fill,
  }),
];

/** The vertical TCA line. */
const tcaLine = (yMin: number, yMax: number) =>
  line(
    'TCA',
    [
      { x: 0, y: yMin },
      { x: 0, y: yMax },
    ],
    COLORS.tca,
    { borderDash: [5, 4], pointRadius: 0 },
  );

function config(t: TFunction, datasets: Datasets, xRange: [number, number], y: object): Config {
  return {
    type: 'scatter',
    data: { datasets },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      plugins: {
        legend: {
          labels: {
            boxWidth: 8,
            boxHeight: 2,
            padding: 6,
            font: { size: 10 },
            filter: (item) => item.text !== '',
          },
        },
      },
      scales: {
        x: {
          type: 'linear',
          min: xRange[0],
          max: xRange[1],
          title: { display: true, text: t('charts.updateTime') },
        },
        y,
      },
    },
  };
}

/** Hours from the latest TCA to each update's creation; the axis always reaches TCA (0). */
function timeAxis(h: ConjunctionEventHistory) {
  const tcaMs = latestUpdate(h).tcaMs;
  const xs = h.updates.map((u) => (u.createdMs - tcaMs) / HOUR_MS);
  const lo = Math.min(...xs, 0);
  const hi = Math.max(...xs, 0);
  const pad = Math.max(1, (hi - lo) * 0.05);
  return { xs, range: [lo - pad, hi + pad] as [number, number] };
}

export function PcHistoryChart({
  history: h,
  thresholds,
  peak,
}: {
  history: ConjunctionEventHistory;
  thresholds: AlertThresholds;
  peak: PeakPc | undefined;
}) {
  const { t } = useTranslation();
  const cfg = useMemo(() => {
    const { xs, range } = timeAxis(h);
    const points = h.updates.map((u, i) => ({ x: xs[i], y: u.pc ?? 0 })).filter((p) => p.y > 0);
    const ys = points.map((p) => p.y);
    const yMin = Math.min(thresholds.yellowPc / 10, ...ys) / 2;
    const yMax = 1;
    const edge = (y: number): Point[] => [
      { x: range[0], y },
      { x: range[1], y },
    ];
    const datasets: Datasets = [
      ...band(edge(thresholds.yellowPc), edge(thresholds.redPc), COLORS.yellow),
      ...band(edge(thresholds.redPc), edge(yMax), COLORS.red),
      line(t('conjunctions.column.pc'), points, COLORS.pc, { borderWidth: 2 }),
      tcaLine(yMin, yMax),
    ];
    const i = peak ? h.updates.findIndex((u) => u.updateId === peak.updateId) : -1;
    if (peak && i >= 0 && peak.pc > 0) {
      datasets.push({
        label: t(peak.passed ? 'charts.peakPassed' : 'charts.peak', {
          pc: peak.pc.toExponential(1),
        }),
        data: [{ x: xs[i], y: peak.pc }],
        pointStyle: 'star',
        pointRadius: 8,
        borderColor: COLORS.peak,
        backgroundColor: COLORS.peak,
        borderWidth: 2,
      });
    }
    return config(t, datasets, range, {
      type: 'logarithmic',
      min: yMin,
      max: yMax,
      title: { display: true, text: t('charts.pcAxis') },
    });
  }, [h, thresholds, peak, t]);
  return <ChartCanvas config={cfg} label={t('charts.pcLabel')} />;
}

export function MissHistoryChart({ history: h }: { history: ConjunctionEventHistory }) {
  const { t } = useTranslation();
  const cfg = useMemo(() => {
    const { xs, range } = timeAxis(h);
    const datasets: Datasets = [];
    const components = [
      ['R', COLORS.r],
      ['T', COLORS.t],
      ['N', COLORS.n],
    ] as const;
    components.forEach(([name, color], k) => {
      const withRtn = h.updates
        .map((u, i) => ({ u, x: xs[i] }))
        .filter(({ u }) => u.missRtnKm !== undefined);
      const sigma = withRtn.filter(({ u }) => u.sigmaRtnM !== undefined);
      if (sigma.length) {
        const at = (s: number) =>
          sigma.map(({ u, x }) => ({ x, y: u.missRtnKm![k] * 1000 + s * u.sigmaRtnM![k] }));
        datasets.push(...band(at(-1), at(1), `${color}33`));
      }
      datasets.push(
        line(
          sigma.length ? `${name} ±1σ` : name,
          withRtn.map(({ u, x }) => ({ x, y: u.missRtnKm![k] * 1000 })),
          color,
        ),
      );
    });
    const miss = h.updates.map((u, i) => ({ x: xs[i], y: u.missKm * 1000 }));
    datasets.push(line(t('charts.miss'), miss, COLORS.miss, { borderWidth: 2 }));
    const ys = datasets.flatMap((d) => d.data.map((p) => p.y));
    const yMin = Math.min(0, ...ys);
    const yMax = Math.max(...ys) * 1.1 || 1;
    datasets.push(tcaLine(yMin, yMax));
    return config(t, datasets, range, {
      type: 'linear',
      min: yMin,
      max: yMax,
      title: { display: true, text: t('charts.missAxis') },
    });
  }, [h, t]);
  return <ChartCanvas config={cfg} label={t('charts.missLabel')} />;
}

/** The Mahalanobis distance (where covariances are known) and the element or OD ages. */
export function QualityHistoryChart({ history: h }: { history: ConjunctionEventHistory }) {
  const { t } = useTranslation();
  const cfg = useMemo(() => {
    const { xs, range } = timeAxis(h);
    const pick = (f: (i: number) => number | undefined): Point[] =>
      h.updates.flatMap((_, i) => {
        const y = f(i);
        return y === undefined ? [] : [{ x: xs[i], y }];
      });
    const maha = pick((i) => h.updates[i].mahalanobis);
    const age1 = pick((i) => h.updates[i].ageDays?.[0]);
    const age2 = pick((i) => h.updates[i].ageDays?.[1]);
    const datasets: Datasets = [
      line(t('charts.mahalanobis'), maha, COLORS.pc, { borderWidth: 2 }),
      line(t('charts.age1'), age1, COLORS.r, { borderDash: [3, 2] }),
      line(t('charts.age2'), age2, COLORS.object2, { borderDash: [3, 2] }),
    ].filter((d) => d.data.length);
    const ys = datasets.flatMap((d) => d.data.map((p) => p.y));
    const yMin = Math.min(0, ...ys);
    const yMax = Math.max(1, ...ys) * 1.1;
    datasets.push(tcaLine(yMin, yMax));
    return config(t, datasets, range, {
      type: 'linear',
      min: yMin,
      max: yMax,
      title: { display: true, text: t('charts.qualityAxis') },
    });
  }, [h, t]);
  return <ChartCanvas config={cfg} label={t('charts.qualityLabel')} />;
}
