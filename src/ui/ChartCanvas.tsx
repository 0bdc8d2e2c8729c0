// The one Chart.js set-up of the app (what the encounter and history charts use, their colours
// on the dark panels) and the canvas component both draw on.
import {
  Chart,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  LogarithmicScale,
  PointElement,
  ScatterController,
  Tooltip,
  type ChartConfiguration,
} from 'chart.js';
import { useEffect, useRef } from 'react';

Chart.register(
  LineController,
  ScatterController,
  LineElement,
  PointElement,
  LinearScale,
  LogarithmicScale,
  Legend,
  Tooltip,
  Filler,
);
Chart.defaults.color = '#9aa7b8';
Chart.defaults.borderColor = 'rgba(255, 255, 255, 0.12)';
Chart.defaults.font.size = 11;

export type ChartPoint = { x: number; y: number };
export type ScatterConfig = ChartConfiguration<'scatter', ChartPoint[]>;

/** A Chart.js chart on a canvas, rebuilt when `config` changes (no animation). */
export function ChartCanvas({ config, label }: { config: ScatterConfig; label: string }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = new Chart(ref.current, config);
    return () => chart.destroy();
  }, [config]);
  return (
    <div className="chart">
      <canvas ref={ref} role="img" aria-label={label} />
    </div>
  );
}
