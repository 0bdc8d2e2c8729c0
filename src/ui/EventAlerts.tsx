import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isRaise } from '../domain/history';
import { setDesktopNotifications } from '../services/eventHistory';
import { useConjunctionStore } from '../state/conjunctionStore';
import { useHistoryStore } from '../state/historyStore';
import { canEdit, useModeStore } from '../state/modeStore';
import { formatTca } from './ConjunctionFormat';
import { EventStoreControls, EventStoreProblems } from './EventStorePanel';
import { alertChangeMessage } from './issues';

/** Alerts listed at most (the count covers all). */
const MAX_LISTED = 30;

const numberOrUndefined = (text: string) => {
  const v = Number(text);
  return text.trim() !== '' && Number.isFinite(v) && v > 0 ? v : undefined;
};

/**
 * The events' threshold crossings, newest first, with what changed; each can be acknowledged
 * (stored with its event, with the time). Operators set the thresholds and may turn on desktop
 * notifications of new alerts.
 */
export function EventAlerts() {
  const { t } = useTranslation();
  const histories = useHistoryStore((s) => s.histories);
  const thresholds = useHistoryStore((s) => s.thresholds);
  const notify = useHistoryStore((s) => s.notify);
  const rowEvents = useHistoryStore((s) => s.rowEvents);
  const store = useHistoryStore.getState();
  const editable = canEdit(useModeStore((s) => s.mode));
  // Collapsed at first: the left column stays short, clear of the conjunction list.
  const [open, setOpen] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  // Worked out by the alert watch (services/eventHistory.ts), in slices when large.
  const { list: alerts, unacknowledged } = useHistoryStore((s) => s.alerts);

  const show = (eventId: string) => {
    const key = [...rowEvents].find(([, h]) => h.eventId === eventId)?.[0];
    if (key) useConjunctionStore.getState().select(key);
  };

  if (!alerts.length && !editable && !histories.length) return null;
  return (
    <section className="panel event-alerts" role="region" aria-label={t('alerts.label')}>
      <button
        type="button"
        className="drawer-toggle"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        {open ? '▾' : '▸'} {t('alerts.label')}{' '}
        <span data-testid="unacknowledged-count">
          {t('alerts.unacknowledged', { n: unacknowledged })}
        </span>
      </button>
      <EventStoreProblems />
      {open && (
        <>
          {editable && (
            <div className="alert-settings" role="group" aria-label={t('alerts.thresholds')}>
              <label>
                {t('alerts.redPc')}
                <input
                  type="text"
                  inputMode="decimal"
                  aria-label={t('alerts.redLabel')}
                  defaultValue={thresholds.redPc}
                  onChange={(e) => {
                    const v = numberOrUndefined(e.target.value);
                    if (v !== undefined && v <= 1) store.setThresholds({ redPc: v });
                  }}
                />
              </label>
              <label>
                {t('alerts.yellowPc')}
                <input
                  type="text"
                  inputMode="decimal"
                  aria-label={t('alerts.yellowLabel')}
                  defaultValue={thresholds.yellowPc}
                  onChange={(e) => {
                    const v = numberOrUndefined(e.target.value);
                    if (v !== undefined && v <= 1) store.setThresholds({ yellowPc: v });
                  }}
                />
              </label>
              <label>
                {t('alerts.miss')}
                <input
                  type="number"
                  min={0}
                  step="any"
                  aria-label={t('alerts.missLabel')}
                  defaultValue={thresholds.missKm}
                  onChange={(e) => {
                    const v = numberOrUndefined(e.target.value);
                    if (v !== undefined) store.setThresholds({ missKm: v });
                  }}
                />
              </label>
              <label>
                <input
                  type="checkbox"
                  checked={notify}
                  onChange={(e) => {
                    void setDesktopNotifications(e.target.checked).then(setProblem);
                  }}
                />
                {t('alerts.desktop')}
              </label>
            </div>
          )}
          {problem && <p className="muted">{problem}</p>}
          {!alerts.length && <p className="muted">{t('alerts.none')}</p>}
          <ol className="alert-list">
            {alerts.slice(0, MAX_LISTED).map((a) => {
              const at = a.ackedAtMs;
              return (
                <li
                  key={a.alertId}
                  className={`level-${a.toLevel}${at === undefined ? ' unacknowledged' : ''}`}
                >
                  <button type="button" className="link" onClick={() => show(a.eventId)}>
                    {a.names}
                  </button>
                  <span className="alert-level">
                    {isRaise(a) ? '▲' : '▼'} {t(`alerts.level.${a.fromLevel}`)} →{' '}
                    {t(`alerts.level.${a.toLevel}`)}
                  </span>
                  <span className="alert-change">{alertChangeMessage(a.changeData)}</span>
                  <span className="muted">{formatTca(a.atMs).slice(0, 16)} UTC</span>
                  {at !== undefined ? (
                    <span className="muted" data-field="acknowledged">
                      {t('alerts.acknowledgedAt', { time: formatTca(at).slice(0, 16) })}
                    </span>
                  ) : (
                    editable && (
                      <button
                        type="button"
                        onClick={() => store.acknowledge(a.eventId, a.alertId, Date.now())}
                      >
                        {t('alerts.acknowledge')}
                      </button>
                    )
                  )}
                </li>
              );
            })}
          </ol>
          {alerts.length > MAX_LISTED && (
            <p className="muted">
              {t('alerts.truncated', { n: MAX_LISTED, total: alerts.length })}
            </p>
          )}
          <EventStoreControls />
        </>
      )}
    </section>
  );
}
