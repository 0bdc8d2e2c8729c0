import { useState } from 'react';
import { parseIsoMs } from '../domain/time/iso';
import { cancelScreening, runScreening } from '../services/screeningRunner';
import { useClockStore } from '../state/clockStore';
import { useEphemerisStore } from '../state/ephemerisStore';
import { useScreeningStore } from '../state/screeningStore';
import { useSelectionStore } from '../state/selectionStore';
import { formatCount } from './format';

const isoSeconds = (ms: number) => new Date(ms).toISOString().slice(0, 19) + 'Z';

/** Run a conjunction screening of the loaded catalog in the browser's worker pool. */
export function ScreeningPanel() {
  const clockStartMs = useClockStore((s) => s.startMs);
  const selectedId = useSelectionStore((s) => s.selectedId);
  const { running, chunksDone, chunkCount, last, error } = useScreeningStore();
  const [open, setOpen] = useState(false);
  const [start, setStart] = useState<string | null>(null);
  const [hours, setHours] = useState('24');
  const [thresholdKm, setThresholdKm] = useState('5');
  const [primaries, setPrimaries] = useState('');
  const ephemerides = useEphemerisStore((s) => s.entries.length);
  const startText = start ?? isoSeconds(clockStartMs);

  const problems: string[] = [];
  const startMs = parseIsoMs(startText);
  if (startMs === null) problems.push('Start: an ISO 8601 UTC time, e.g. 2024-11-01T00:00Z');
  const h = Number(hours);
  if (!(h > 0 && h <= 168)) problems.push('Duration: 0 to 168 hours');
  const km = Number(thresholdKm);
  if (!(km > 0 && km <= 100)) problems.push('Threshold: 0 to 100 km');
  const ids = primaries.split(/[\s,]+/).filter(Boolean);
  if (ids.some((id) => !/^\d{1,10}$/.test(id)))
    problems.push('Primaries: catalog numbers, comma separated');

  return (
    <section className="panel screening" aria-label="Screening">
      <button
        type="button"
        className="drawer-toggle"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        {open ? '▾' : '▸'} Screen for close approaches
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
            Start (UTC)
            <input
              value={startText}
              onChange={(e) => setStart(e.target.value)}
              disabled={running}
            />
          </label>
          <label>
            Hours
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
            Threshold (km)
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
            Primaries
            <input
              placeholder={
                ephemerides > 0
                  ? `the ${ephemerides} ephemeris object${ephemerides === 1 ? '' : 's'}`
                  : 'all against all'
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
              Use selected ({selectedId})
            </button>
          )}
          {running ? (
            <button type="button" onClick={cancelScreening}>
              Cancel
            </button>
          ) : (
            <button type="submit" className="primary" disabled={problems.length > 0}>
              Run screening
            </button>
          )}
          {problems.length > 0 && <p className="form-problems">{problems.join(' · ')}</p>}
          {running && (
            <progress
              aria-label="Screening progress"
              max={Math.max(1, chunkCount)}
              value={chunksDone}
            >
              {chunksDone} of {chunkCount}
            </progress>
          )}
          {running && (
            <span className="muted">
              {chunkCount
                ? `${chunksDone} of ${chunkCount} time chunks`
                : 'Starting SGP4 in the workers…'}
            </span>
          )}
          {!running && last && (
            <span className="muted" data-testid="screening-summary">
              {formatCount(last.events)} events · {formatCount(last.flagged)} objects flagged ·{' '}
              <span title="screening in the workers, then building the event list">
                {(last.wallMs / 1000).toFixed(1)} s ({(last.screenMs / 1000).toFixed(1)} s
                screening)
              </span>
            </span>
          )}
          {error && (
            <span role="alert" className="warn">
              {error}
            </span>
          )}
        </form>
      )}
    </section>
  );
}
