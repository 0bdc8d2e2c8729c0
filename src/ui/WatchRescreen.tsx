import { useTranslation } from 'react-i18next';
import { rescreenProblem } from '../domain/settings/operatorSettings';
import { rescreenNow } from '../services/watchRescreen';
import { useScreeningStore } from '../state/screeningStore';
import { useWatchListStore } from '../state/watchListStore';
import { formatCount } from './format';
import { rescreenReasonMessage, settingsIssueMessage } from './issues';
import { runLabelMessage } from './runLabels';

/** Re-screening of the watch list on each new catalog: settings, "Re-screen now", the last run. */
export function WatchRescreen() {
  const { t } = useTranslation();
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
        {t('rescreen.auto')}
      </label>
      <label>
        {t('screening.hours')}
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
        {t('screening.threshold')}
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
        {t('rescreen.now')}
      </button>
      {(!hoursOk || !kmOk) && (
        <p className="form-problems">
          {[problem.hours, problem.thresholdKm]
            .flatMap((i) => (i ? [settingsIssueMessage(i)] : []))
            .join(' · ')}
        </p>
      )}
      {status && (
        <p className="muted watchlist-status" role="status" data-testid="rescreen-status">
          {status.state === 'running' &&
            t('rescreen.running', {
              progress: chunkCount
                ? t('screening.timeChunks', { done: chunksDone, total: chunkCount })
                : t('rescreen.starting'),
              label: status.run ? runLabelMessage(status.run) : '',
            })}
          {status.state === 'done' &&
            t('rescreen.done', {
              count: status.events ?? 0,
              n: formatCount(status.events ?? 0),
              label: status.run ? runLabelMessage(status.run) : '',
            })}
          {(status.state === 'failed' || status.state === 'skipped') &&
            t('rescreen.notDone', {
              message: status.reason ? rescreenReasonMessage(status.reason) : '',
            })}
          {status.missing.length > 0 &&
            t('rescreen.missing', {
              ids: status.missing.slice(0, 10).join(', '),
              more:
                status.missing.length > 10
                  ? t('rescreen.andMore', { n: status.missing.length - 10 })
                  : '',
            })}
        </p>
      )}
    </div>
  );
}
