import { PLAYBACK_RATES, SCRUB_HALF_SPAN_MS, useClockStore } from '../state/clockStore';
import { formatUtc } from './format';
import { NotificationsBands } from './NotificationsBands';
import { useSimTime } from './useTicker';

const rateLabel = (rate: number) =>
  rate === 1 ? 'Real time' : `${rate > 0 ? '' : '−'}${Math.abs(rate).toLocaleString('en-US')}×`;

/** UTC clock, play/pause, rate, a ±7-day scrubber, and jumps to now and to the catalog epoch. */
export function TimeBar() {
  const clock = useClockStore();
  const timeMs = useSimTime();
  const minMs = clock.startMs - SCRUB_HALF_SPAN_MS;
  const maxMs = clock.startMs + SCRUB_HALF_SPAN_MS;
  const offsetSec = Math.round((Math.min(maxMs, Math.max(minMs, timeMs)) - clock.startMs) / 1000);

  return (
    <div className="timebar">
      <div className="clock" aria-live="off">
        <time dateTime={new Date(timeMs).toISOString()}>{formatUtc(timeMs)}</time>
        {clock.playing && clock.rate !== 1 && (
          <span className="rate-badge">{rateLabel(clock.rate)}</span>
        )}
      </div>
      <button
        type="button"
        className="primary"
        aria-label={clock.playing ? 'Pause' : 'Play'}
        onClick={() => (clock.playing ? clock.pause() : clock.play())}
      >
        {clock.playing ? '❚❚' : '▶'}
      </button>
      <label className="rate">
        <span className="visually-hidden">Playback rate</span>
        <select value={clock.rate} onChange={(e) => clock.setRate(Number(e.target.value))}>
          {PLAYBACK_RATES.map((r) => (
            <option key={r} value={r}>
              {rateLabel(r)}
            </option>
          ))}
        </select>
      </label>
      <div className="scrubber-wrap">
        <NotificationsBands minMs={minMs} maxMs={maxMs} />
        <input
          className="scrubber"
          type="range"
          aria-label="Time"
          aria-valuetext={formatUtc(timeMs)}
          min={-SCRUB_HALF_SPAN_MS / 1000}
          max={SCRUB_HALF_SPAN_MS / 1000}
          step={60}
          value={offsetSec}
          onChange={(e) => clock.setTime(clock.startMs + Number(e.target.value) * 1000)}
        />
      </div>
      <button type="button" onClick={() => clock.setTime(Date.now())}>
        Now
      </button>
      <button
        type="button"
        disabled={clock.catalogEpochMs === null}
        onClick={() =>
          clock.catalogEpochMs !== null && clock.setTime(Math.round(clock.catalogEpochMs))
        }
      >
        Catalog epoch
      </button>
    </div>
  );
}
