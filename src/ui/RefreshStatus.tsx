import { REFRESH_CHOICES_MS, refreshIntervalProblem } from '../domain/catalog/refreshSchedule';
import { setRefreshInterval } from '../services/catalogRefresh';
import { useCatalogStore } from '../state/catalogStore';
import { canEdit, useModeStore } from '../state/modeStore';
import { useRefreshStore } from '../state/refreshStore';
import { formatAge, formatUtc } from './format';
import { useWallNow } from './useTicker';

const hhmm = (ms: number) => formatUtc(ms).slice(11, 16);
const every = (ms: number) => (ms < 3_600_000 ? `${ms / 60_000} min` : `${ms / 3_600_000} h`);

/** The status line's refresh part: the schedule (operators set it), the next refresh, a failure. */
export function RefreshStatus() {
  const source = useCatalogStore((s) => s.source);
  const editable = useModeStore((s) => canEdit(s.mode));
  const { intervalMs, nextAtMs, failure, note } = useRefreshStore();
  const now = useWallNow(15_000);
  if (!source) return null;
  const choices = REFRESH_CHOICES_MS.filter((ms) => !refreshIntervalProblem(source.kind, ms));

  return (
    <>
      {editable && source.kind !== 'file' && (
        <label className="refresh-select">
          <span className="visually-hidden">Refresh the catalog</span>
          <select
            aria-label="Refresh the catalog"
            value={intervalMs ?? ''}
            onChange={(e) => setRefreshInterval(e.target.value ? Number(e.target.value) : null)}
          >
            <option value="">No refresh</option>
            {choices.map((ms) => (
              <option key={ms} value={ms}>
                Refresh every {every(ms)}
              </option>
            ))}
          </select>
        </label>
      )}
      {nextAtMs !== null && (
        <span className="muted" data-testid="next-refresh">
          next refresh {hhmm(nextAtMs)} UTC
          {nextAtMs > now ? ` (in ${formatAge(nextAtMs - now)})` : ' (due)'}
        </span>
      )}
      {failure && (
        <span className="warn" role="status" data-testid="refresh-failure">
          Refresh at {hhmm(failure.atMs)} UTC failed, showing the previous catalog:{' '}
          {failure.message}
        </span>
      )}
      {note && <span className="warn">{note}</span>}
    </>
  );
}
