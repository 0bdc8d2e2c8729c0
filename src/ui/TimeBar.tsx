import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { i18n } from './i18n';
import { PLAYBACK_RATES, SCRUB_HALF_SPAN_MS, useClockStore } from '../state/clockStore';
import { formatNumber, formatUtc } from './format';
import { NotificationsBands } from './NotificationsBands';
import { useSimTime } from './useTicker';

const rateLabel = (rate: number) =>
  rate === 1 ? i18n.t('time.realTime') : `${rate > 0 ? '' : '−'}${formatNumber(Math.abs(rate))}×`;

/** UTC clock, play/pause, rate, a ±7-day scrubber, and jumps to now and to the catalog epoch. */
export function TimeBar() {
  return (
    <div className="timebar">
      <Clock />
      <PlayPause />
      <RateSelect />
      <Scrubber />
      <Jumps />
    </div>
  );
}

/**
 * The same on a narrow screen: the date, play/pause and the scrubber; the rate and the jumps in
 * a menu that opens over the bar.
 */
export function CompactTimeBar() {
  const { t } = useTranslation();
  const [menuOpen, setMenuOpen] = useState(false);
  return (
    <div className="timebar compact">
      <div className="timebar-row">
        <Clock />
        <PlayPause />
        <button
          type="button"
          aria-expanded={menuOpen}
          aria-controls={menuOpen ? 'time-menu' : undefined}
          onClick={() => setMenuOpen(!menuOpen)}
        >
          {t('time.rateMenu')}
        </button>
      </div>
      {menuOpen && (
        <div
          id="time-menu"
          className="time-menu"
          role="group"
          aria-label={t('time.rateAndJumps')}
          onKeyDown={(e) => e.key === 'Escape' && setMenuOpen(false)}
        >
          <RateSelect />
          <Jumps />
        </div>
      )}
      <Scrubber />
    </div>
  );
}

function Clock() {
  const clock = useClockStore();
  const timeMs = useSimTime();
  return (
    <div className="clock" aria-live="off">
      <time dateTime={new Date(timeMs).toISOString()}>{formatUtc(timeMs)}</time>
      {clock.playing && clock.rate !== 1 && (
        <span className="rate-badge">{rateLabel(clock.rate)}</span>
      )}
    </div>
  );
}

function PlayPause() {
  const { t } = useTranslation();
  const clock = useClockStore();
  return (
    <button
      type="button"
      className="primary"
      aria-label={clock.playing ? t('time.pause') : t('time.play')}
      onClick={() => (clock.playing ? clock.pause() : clock.play())}
    >
      {clock.playing ? '❚❚' : '▶'}
    </button>
  );
}

function RateSelect() {
  const { t } = useTranslation();
  const clock = useClockStore();
  return (
    <label className="rate">
      <span className="visually-hidden">{t('time.rate')}</span>
      <select value={clock.rate} onChange={(e) => clock.setRate(Number(e.target.value))}>
        {PLAYBACK_RATES.map((r) => (
          <option key={r} value={r}>
            {rateLabel(r)}
          </option>
        ))}
      </select>
    </label>
  );
}

function Scrubber() {
  const { t } = useTranslation();
  const clock = useClockStore();
  const timeMs = useSimTime();
  const minMs = clock.startMs - SCRUB_HALF_SPAN_MS;
  const maxMs = clock.startMs + SCRUB_HALF_SPAN_MS;
  const offsetSec = Math.round((Math.min(maxMs, Math.max(minMs, timeMs)) - clock.startMs) / 1000);
  return (
    <div className="scrubber-wrap">
      <NotificationsBands minMs={minMs} maxMs={maxMs} />
      <input
        className="scrubber"
        type="range"
        aria-label={t('time.time')}
        aria-valuetext={formatUtc(timeMs)}
        min={-SCRUB_HALF_SPAN_MS / 1000}
        max={SCRUB_HALF_SPAN_MS / 1000}
        step={60}
        value={offsetSec}
        onChange={(e) => clock.setTime(clock.startMs + Number(e.target.value) * 1000)}
      />
    </div>
  );
}

function Jumps() {
  const { t } = useTranslation();
  const clock = useClockStore();
  return (
    <>
      <button type="button" onClick={() => clock.setTime(Date.now())}>
        {t('time.now')}
      </button>
      <button
        type="button"
        disabled={clock.catalogEpochMs === null}
        onClick={() =>
          clock.catalogEpochMs !== null && clock.setTime(Math.round(clock.catalogEpochMs))
        }
      >
        {t('time.catalogEpoch')}
      </button>
    </>
  );
}
