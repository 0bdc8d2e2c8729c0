import { useTranslation } from 'react-i18next';
import { useMemo, useState } from 'react';
import { correlatedObjects } from '../domain/notifications/correlate';
import { formatCountdown, notificationPhase } from '../domain/notifications/timing';
import {
  exportNotificationsJson,
  loadNotificationsFile,
  removeNotification,
} from '../services/notifications';
import { useCatalogStore } from '../state/catalogStore';
import { useClockStore } from '../state/clockStore';
import { canEdit, useModeStore } from '../state/modeStore';
import { useNotificationStore } from '../state/notificationStore';
import { useSelectionStore } from '../state/selectionStore';
import { NotificationsAzimuthHelper } from './NotificationsAzimuthHelper';
import { NotificationsForm } from './NotificationsForm';
import {
  formatAzimuth,
  formatImpliedInclination,
  formatLatLon,
  formatWindowLines,
} from './NotificationsFormat';
import { useSimTime } from './useTicker';

/** Correlated objects listed per row before the rest are summarised. */
const MAX_OBJECT_BUTTONS = 3;

function download(text: string, name: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * Launch notifications: a table sorted by window start (site, window, azimuth, the inclination
 * a space launch there reaches, catalog objects with the notified designator), loading,
 * export, entry by hand and the azimuth a catalog object implies from a site.
 */
export function NotificationsPanel() {
  const { t } = useTranslation();
  const notifications = useNotificationStore((s) => s.notifications);
  const requestFocus = useNotificationStore((s) => s.requestFocus);
  const objects = useCatalogStore((s) => s.objects);
  const select = useSelectionStore((s) => s.select);
  const setTime = useClockStore((s) => s.setTime);
  const mode = useModeStore((s) => s.mode);
  const editable = canEdit(mode);
  // Read-only views show no empty panel; a wall display shows the list alone (no export, no
  // analysis helper).
  const briefing = mode === 'briefing';
  const nowMs = useSimTime(1000);
  const [open, setOpen] = useState(true);
  const [formOpen, setFormOpen] = useState(false);

  const correlated = useMemo(
    () => new Map(notifications.map((n) => [n.id, correlatedObjects(n.intlDesignator, objects)])),
    [notifications, objects],
  );

  if (!editable && notifications.length === 0) return null;
  return (
    <section className="panel notifications" aria-label={t('notifications.panel')}>
      <header>
        <button
          type="button"
          className="notifications-toggle"
          aria-expanded={open}
          onClick={() => setOpen(!open)}
        >
          {open ? '▾' : '▸'} {t('notifications.toggle', { n: notifications.length })}
        </button>
        {open && (
          <div className="notifications-actions">
            {editable && (
              <label className="button">
                {t('notifications.open')}
                <input
                  type="file"
                  aria-label={t('notifications.load')}
                  accept=".json,.csv,application/json,text/csv"
                  className="visually-hidden"
                  onChange={(e) => {
                    const file = e.target.files?.[0];
                    if (file) void loadNotificationsFile(file);
                    e.target.value = '';
                  }}
                />
              </label>
            )}
            {editable && (
              <button type="button" aria-expanded={formOpen} onClick={() => setFormOpen(!formOpen)}>
                {t('notifications.new')}
              </button>
            )}
            {!briefing && (
              <button
                type="button"
                disabled={!notifications.length}
                onClick={() => download(exportNotificationsJson(), 'launch-notifications.json')}
              >
                {t('conjunctions.exportJson')}
              </button>
            )}
          </div>
        )}
      </header>
      {open && (
        <>
          {editable && formOpen && <NotificationsForm onDone={() => setFormOpen(false)} />}
          {notifications.length === 0 ? (
            <p className="muted">
              {t('notifications.none')} {editable ? t('notifications.noneOperator') : ''}
            </p>
          ) : (
            <div className="notifications-scroll">
              <table role="table" aria-label={t('notifications.table')}>
                <thead>
                  <tr>
                    <th scope="col">ID</th>
                    <th scope="col">{t('notifications.party')}</th>
                    <th scope="col">{t('notifications.kind')}</th>
                    <th scope="col">{t('notifications.site')}</th>
                    <th scope="col">{t('notifications.window')}</th>
                    <th scope="col">{t('notifications.azimuth')}</th>
                    <th scope="col" title={t('notifications.inclinationTitle')}>
                      {t('notifications.inclination')}
                    </th>
                    <th scope="col">{t('notifications.objects')}</th>
                    {editable && (
                      <th scope="col">
                        <span className="visually-hidden">{t('watchList.remove')}</span>
                      </th>
                    )}
                  </tr>
                </thead>
                <tbody>
                  {notifications.map((n) => {
                    const { phase } = notificationPhase(n, nowMs);
                    const matches = correlated.get(n.id) ?? [];
                    const implied = formatImpliedInclination(n);
                    return (
                      <tr key={n.id} className={`phase-${phase}`} data-id={n.id}>
                        <th scope="row" className="nowrap">
                          <button
                            type="button"
                            className="link"
                            aria-label={t('notifications.show', { id: n.id })}
                            title={t('notifications.scrubTo')}
                            onClick={() => {
                              setTime(n.windowStartMs);
                              requestFocus(n.id);
                            }}
                          >
                            {n.id}
                          </button>
                        </th>
                        <td>{n.party}</td>
                        <td>
                          {t(`notificationKind.${n.kind}`)}
                          {n.vehicle && <div className="muted">{n.vehicle}</div>}
                        </td>
                        <td title={formatLatLon(n.site.latDeg, n.site.lonDeg)}>{n.site.name}</td>
                        <td className="nowrap">
                          {formatWindowLines(n.windowStartMs, n.windowEndMs).map((line) => (
                            <div key={line}>{line}</div>
                          ))}
                          <div className={`status status-${phase}`}>
                            {phase === 'before'
                              ? formatCountdown(nowMs, n.windowStartMs)
                              : phase === 'open'
                                ? t('notifications.windowOpen')
                                : t('notifications.closed')}
                          </div>
                        </td>
                        <td className="nowrap">{formatAzimuth(n)}</td>
                        <td className="nowrap">
                          {implied ?? '—'}
                          {n.targetOrbit?.inclinationDeg !== undefined && (
                            <div className="muted">
                              {t('notifications.target', {
                                inclination: n.targetOrbit.inclinationDeg.toFixed(1),
                              })}
                            </div>
                          )}
                        </td>
                        <td>
                          {n.intlDesignator ? (
                            <>
                              <span className="muted">{n.intlDesignator}</span>
                              {matches.length === 0 && (
                                <div className="muted">{t('notifications.noneInCatalog')}</div>
                              )}
                              <div className="notification-objects">
                                {matches.slice(0, MAX_OBJECT_BUTTONS).map((o) => (
                                  <button
                                    key={o.noradCatId}
                                    type="button"
                                    className="link"
                                    title={`${o.objectName} (${o.objectId})`}
                                    onClick={() => select(o.noradCatId, true)}
                                  >
                                    {o.objectName}
                                  </button>
                                ))}
                                {matches.length > MAX_OBJECT_BUTTONS && (
                                  <span className="muted">
                                    {t('notifications.more', {
                                      n: matches.length - MAX_OBJECT_BUTTONS,
                                    })}
                                  </span>
                                )}
                              </div>
                            </>
                          ) : (
                            '—'
                          )}
                        </td>
                        {editable && (
                          <td>
                            <button
                              type="button"
                              className="close"
                              aria-label={t('notifications.remove', { id: n.id })}
                              onClick={() => void removeNotification(n.id)}
                            >
                              ×
                            </button>
                          </td>
                        )}
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
          {!briefing && <NotificationsAzimuthHelper />}
        </>
      )}
    </section>
  );
}
