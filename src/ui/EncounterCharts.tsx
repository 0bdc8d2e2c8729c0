import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { BPlaneView } from '../domain/conjunctions';
import { ENCOUNTER_COLORS } from '../scene/encounterLayer';
import { ChartCanvas, type ScatterConfig } from './ChartCanvas';

type Config = ScatterConfig;

const LEGEND = { labels: { boxWidth: 8, boxHeight: 2, padding: 6, font: { size: 10 } } };
const X_STRETCH = 1.7;
/** Whole metres with thousands separators. */
const METRES = {
  maxTicksLimit: 7,
  callback: (v: number | string) => Number(v).toLocaleString('en-US', { maximumFractionDigits: 0 }),
};

const line = (
  label: string,
  data: { x: number; y: number }[],
  color: string,
  extra: Record<string, unknown> = {},
) => ({
  label,
  data,
  showLine: true,
  borderColor: color,
  backgroundColor: color,
  borderWidth: 1.5,
  pointRadius: 0,
  ...extra,
});

/** Range against time from TCA (s), log scale, with the threshold and the clock's time marked. */
export function RangeChart({
  series,
  thresholdKm,
  nowOffsetS,
}: {
  series: { offsetS: number; rangeKm: number }[];
  thresholdKm: number;
  nowOffsetS: number | null;
}) {
  // The clock marker moves in 5 s steps: the chart is rebuilt at most that often.
  const { t } = useTranslation();
  const nowStep = nowOffsetS === null ? null : Math.round(nowOffsetS / 5) * 5;
  const config = useMemo(
    () => rangeConfig(t, series, thresholdKm, nowStep),
    [t, series, thresholdKm, nowStep],
  );
  return <ChartCanvas config={config} label={t('charts.rangeLabel')} />;
}

function rangeConfig(
  t: TFunction,
  series: { offsetS: number; rangeKm: number }[],
  thresholdKm: number,
  nowOffsetS: number | null,
): Config {
  const points = series
    .filter((p) => Number.isFinite(p.rangeKm) && p.rangeKm > 0)
    .map((p) => ({ x: p.offsetS / 60, y: p.rangeKm }));
  const ys = points.map((p) => p.y);
  const yMin = Math.max(1e-3, Math.min(thresholdKm, ...ys) / 2);
  const yMax = Math.max(thresholdKm, ...ys) * 1.5;
  const datasets: Config['data']['datasets'] = [
    line(t('charts.range'), points, '#eef2f7', { borderWidth: 2 }),
    line(
      t('charts.threshold', { km: thresholdKm }),
      [
        { x: -10, y: thresholdKm },
        { x: 10, y: thresholdKm },
      ],
      '#D55E00',
      { borderDash: [5, 4] },
    ),
  ];
  if (nowOffsetS !== null && Math.abs(nowOffsetS) <= 600) {
    datasets.push(
      line(
        t('charts.clock'),
        [
          { x: nowOffsetS / 60, y: yMin },
          { x: nowOffsetS / 60, y: yMax },
        ],
        ENCOUNTER_COLORS.miss,
      ),
    );
  }
  return scatterConfig(datasets, {
    x: {
      type: 'linear',
      min: -10,
      max: 10,
      title: { display: true, text: t('charts.minutesFromTca') },
    },
    y: {
      type: 'logarithmic',
      min: yMin,
      max: yMax,
      title: { display: true, text: t('charts.rangeAxis') },
    },
  });
}

/** Both plots: a static scatter chart (no animation) that fills its box, with our legend. */
function scatterConfig(
  datasets: Config['data']['datasets'],
  scales: NonNullable<Config['options']>['scales'],
): Config {
  return {
    type: 'scatter',
    data: { datasets },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      plugins: { legend: LEGEND },
      scales,
    },
  };
}

/**
 * The encounter plane: the combined covariance's 1/2/3-σ ellipses (centred on object 1's side of
 * the encounter), the hard-body circle round the miss point, equal scales on both axes (m).
 */
export function BPlaneChart({ view }: { view: BPlaneView }) {
  const { t } = useTranslation();
  const config = useMemo(() => bPlaneConfig(t, view), [t, view]);
  return <ChartCanvas config={config} label={t('charts.planeLabel')} />;
}

function bPlaneConfig(t: TFunction, view: BPlaneView): Config {
  const ellipseColors = ['#56B4E9', '#009E73', '#CC79A7'];
  const lim = view.halfSpanM;
  const datasets: Config['data']['datasets'] = [
    ...view.ellipses.map((e, i) => line(`${e.sigma}σ`, e.points, ellipseColors[i])),
    line(t('charts.hardBody'), view.circle, ENCOUNTER_COLORS.object2, { borderWidth: 2 }),
    {
      label: t('charts.miss'),
      data: [{ x: view.missXM, y: view.missZM }],
      showLine: false,
      pointRadius: 4,
      borderColor: ENCOUNTER_COLORS.miss,
      backgroundColor: ENCOUNTER_COLORS.miss,
    },
    {
      label: t('charts.object1'),
      data: [{ x: 0, y: 0 }],
      showLine: false,
      pointRadius: 3,
      borderColor: ENCOUNTER_COLORS.object1,
      backgroundColor: ENCOUNTER_COLORS.object1,
    },
  ];
  return scatterConfig(datasets, {
    // The plot area is about 1.7 times wider than tall: near-equal scales on both axes.
    x: {
      type: 'linear',
      min: -lim * X_STRETCH,
      max: lim * X_STRETCH,
      ticks: METRES,
      title: { display: true, text: t('charts.alongMiss') },
    },
    y: {
      type: 'linear',
      min: -lim,
      max: lim,
      ticks: METRES,
      title: { display: true, text: t('charts.normal') },
    },
  });
}
