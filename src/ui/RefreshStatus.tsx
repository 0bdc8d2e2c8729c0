import { useTranslation } from 'react-i18next';
import { REFRESH_CHOICES_MS, refreshIntervalProblem } from '../domain/catalog/refreshSchedule';
import { setRefreshInterval } from '../services/catalogRefresh';
import { useCatalogStore } from '../state/catalogStore';
import { canEdit, useModeStore } from '../state/modeStore';
import { useRefreshStore } from '../state/refreshStore';
import { formatAge, formatUtc } from './format';
import { i18n } from './i18n';
import { useWallNow } from './useTicker';

const hhmm = (ms: number) => formatUtc(ms).slice(11, 16);
const every = (ms: number) =>
  ms < 3_600_000
    ? i18n.t('units.min', { value: ms / 60_000 })
    : i18n.t('units.h', { value: ms / 3_600_000 });

/** The status line's refresh part: the schedule (operators set it), the next refresh, a failure. */
export function RefreshStatus() {
  const { t } = useTranslation();
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
          <span className="visually-hidden">{t('refresh.label')}</span>
          <select
            aria-label={t('refresh.label')}
            value={intervalMs ?? ''}
            onChange={(e) => setRefreshInterval(e.target.value ? Number(e.target.value) : null)}
          >
            <option value="">{t('refresh.none')}</option>
            {choices.map((ms) => (
              <option key={ms} value={ms}>
                {t('refresh.every', { interval: every(ms) })}
              </option>
            ))}
          </select>
        </label>
      )}
      {nextAtMs !== null && (
        <span className="muted" data-testid="next-refresh">
          {t('refresh.next', { time: hhmm(nextAtMs) })}
          {nextAtMs > now ? t('refresh.in', { age: formatAge(nextAtMs - now) }) : t('refresh.due')}
        </span>
      )}
      {failure && (
        <span className="warn" role="status" data-testid="refresh-failure">
          {t('refresh.failed', { time: hhmm(failure.atMs), message: failure.message })}
        </span>
      )}
      {note && <span className="warn">{note}</span>}
    </>
  );
}
