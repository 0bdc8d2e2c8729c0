import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import { parseIsoMs } from '../domain/time/iso';
import { cancelScreening, runScreening } from '../services/screeningRunner';
import { useClockStore } from '../state/clockStore';
import { nominalEntries, useEphemerisStore } from '../state/ephemerisStore';
import { useScreeningStore } from '../state/screeningStore';
import { useSelectionStore } from '../state/selectionStore';
import { formatCount, formatNumber } from './format';
import { ManoeuvreComparisonView, ScreenedIntervals } from './ScreeningComparison';
import { screeningFailureMessage } from './issues';

const isoSeconds = (ms: number) => new Date(ms).toISOString().slice(0, 19) + 'Z';

/** Run a conjunction screening of the loaded catalog in the browser's worker pool. */
export function ScreeningPanel() {
  const { t } = useTranslation();
  const clockStartMs = useClockStore((s) => s.startMs);
  const selectedId = useSelectionStore((s) => s.selectedId);
  const { running, chunksDone, chunkCount, eventsBuilt, last, error, failure } =
    useScreeningStore();
  const [open, setOpen] = useState(false);
  const [start, setStart] = useState<string | null>(null);
  const [hours, setHours] = useState('24');
  const [thresholdKm, setThresholdKm] = useState('5');
  const [primaries, setPrimaries] = useState('');
  const ephemerides = useEphemerisStore((s) => nominalEntries(s.entries).length);
  const startText = start ?? isoSeconds(clockStartMs);

  const problems: string[] = [];
  const startMs = parseIsoMs(startText);
  if (startMs === null) problems.push(t('screening.badStart'));
  const h = Number(hours);
  if (!(h > 0 && h <= 168)) problems.push(t('screening.badDuration'));
  const km = Number(thresholdKm);
  if (!(km > 0 && km <= 100)) problems.push(t('screening.badThreshold'));
  const ids = primaries.split(/[\s,]+/).filter(Boolean);
  if (ids.some((id) => !/^\d{1,10}$/.test(id))) problems.push(t('screening.badPrimaries'));

  return (
    <section className="panel screening" aria-label={t('screening.label')}>
      <button
        type="button"
        className="drawer-toggle"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        {open ? '▾' : '▸'} {t('screening.title')}
      </button>
      {open && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (problems.length || startMs === null) return;
            void runScreening({
              startMs,
              durationHours: h,
              thresholdKm: km,
              primaries: ids.map(Number),
            });
          }}
        >
          <label>
            {t('screening.start')}
            <input
              value={startText}
              onChange={(e) => setStart(e.target.value)}
              disabled={running}
            />
          </label>
          <label>
            {t('screening.hours')}
            <input
              type="number"
              min="1"
              max="168"
              value={hours}
              onChange={(e) => setHours(e.target.value)}
              disabled={running}
            />
          </label>
          <label>
            {t('screening.threshold')}
            <input
              type="number"
              min="0.1"
              max="100"
              step="0.1"
              value={thresholdKm}
              onChange={(e) => setThresholdKm(e.target.value)}
              disabled={running}
            />
          </label>
          <label>
            {t('screening.primaries')}
            <input
              placeholder={
                ephemerides > 0
                  ? t('screening.ephemerisPrimaries', { count: ephemerides })
                  : t('screening.allVsAll')
              }
              value={primaries}
              onChange={(e) => setPrimaries(e.target.value)}
              disabled={running}
            />
          </label>
          {selectedId !== null && (
            <button
              type="button"
              disabled={running}
              onClick={() => setPrimaries(String(selectedId))}
            >
              {t('screening.useSelected', { id: selectedId })}
            </button>
          )}
          {running ? (
            <button type="button" onClick={cancelScreening}>
              {t('screening.cancel')}
            </button>
          ) : (
            <button type="submit" className="primary" disabled={problems.length > 0}>
              {t('screening.run')}
            </button>
          )}
          {problems.length > 0 && <p className="form-problems">{problems.join(' · ')}</p>}
          {running && (
            <progress
              aria-label={t('screening.progress')}
              max={Math.max(1, chunkCount)}
              value={chunksDone}
            >
              {t('screening.chunks', { done: chunksDone, total: chunkCount })}
            </progress>
          )}
          {running && (
            <span className="muted">
              {eventsBuilt
                ? t('screening.building', {
                    done: formatCount(eventsBuilt.done),
                    total: formatCount(eventsBuilt.total),
                  })
                : chunkCount
                  ? t('screening.timeChunks', { done: chunksDone, total: chunkCount })
                  : t('screening.starting')}
            </span>
          )}
          {!running && last && (
            <span className="muted" data-testid="screening-summary">
              {t('screening.summary', {
                events: formatCount(last.events),
                flagged: formatCount(last.flagged),
              })}{' '}
              <span title={t('screening.timingTitle')}>
                {t('screening.timing', {
                  wall: formatNumber(last.wallMs / 1000, 1),
                  screen: formatNumber(last.screenMs / 1000, 1),
                })}
              </span>
            </span>
          )}
          {!running && last && (
            <ScreenedIntervals
              coverage={[
                ...last.coverage,
                ...(last.comparison?.plannedCoverage ? [last.comparison.plannedCoverage] : []),
              ]}
            />
          )}
          {!running && last?.comparison && <ManoeuvreComparisonView comparison={last.comparison} />}
          {error && (
            <span role="alert" className="warn">
              {failure ? screeningFailureMessage(failure) : error}
            </span>
          )}
        </form>
      )}
    </section>
  );
}
