import { rescreenProblem } from '../domain/settings/operatorSettings';
import { rescreenNow } from '../services/watchRescreen';
import { useScreeningStore } from '../state/screeningStore';
import { useWatchListStore } from '../state/watchListStore';
import { formatCount } from './format';

/** Re-screening of the watch list on each new catalog: settings, "Re-screen now", the last run. */
export function WatchRescreen() {
  const { rescreen, setRescreen, rescreenStatus: status, entries } = useWatchListStore();
  const { running, chunksDone, chunkCount } = useScreeningStore();
  const problem = rescreenProblem(rescreen);
  const hoursOk = !problem.hours;
  const kmOk = !problem.thresholdKm;

  return (
    <div className="watchlist-rescreen">
      <label className="inline">
        <input
          type="checkbox"
          checked={rescreen.auto}
          onChange={(e) => setRescreen({ auto: e.target.checked })}
        />
        Re-screen on each new catalog
      </label>
      <label>
        Hours
        <input
          type="number"
          min="1"
          max="168"
          value={rescreen.durationHours}
          aria-invalid={!hoursOk}
          onChange={(e) => setRescreen({ durationHours: Number(e.target.value) })}
        />
      </label>
      <label>
        Threshold (km)
        <input
          type="number"
          min="0.1"
          max="100"
          step="0.1"
          value={rescreen.thresholdKm}
          aria-invalid={!kmOk}
          onChange={(e) => setRescreen({ thresholdKm: Number(e.target.value) })}
        />
      </label>
      <button
        type="button"
        disabled={running || !entries.length || !hoursOk || !kmOk}
        onClick={rescreenNow}
      >
        Re-screen now
      </button>
      {(!hoursOk || !kmOk) && (
        <p className="form-problems">
          {[problem.hours, problem.thresholdKm].filter(Boolean).join(' · ')}
        </p>
      )}
      {status && (
        <p className="muted watchlist-status" role="status" data-testid="rescreen-status">
          {status.state === 'running' &&
            `Re-screening: ${chunkCount ? `${chunksDone} of ${chunkCount} time chunks` : 'starting'} · ${status.label}`}
          {status.state === 'done' &&
            `${formatCount(status.events ?? 0)} ${status.events === 1 ? 'event' : 'events'} · ${status.label}`}
          {(status.state === 'failed' || status.state === 'skipped') &&
            `Not re-screened: ${status.message}`}
          {status.missing.length > 0 &&
            ` · not in the catalog: ${status.missing.slice(0, 10).join(', ')}${status.missing.length > 10 ? ` and ${status.missing.length - 10} more` : ''}`}
        </p>
      )}
    </div>
  );
}
