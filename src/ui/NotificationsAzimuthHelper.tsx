import { useTranslation } from 'react-i18next';
import { azimuthsForInclination, normalizeDeg } from '../domain/notifications/geometry';
import { LAUNCH_SITES, launchSite } from '../domain/notifications/sites';
import type { LaunchNotification } from '../domain/notifications/types';
import { useCatalogStore } from '../state/catalogStore';
import { useNotificationStore } from '../state/notificationStore';
import { useSelectionStore } from '../state/selectionStore';

/** How far outside a notified azimuth range an implied azimuth still "fits" (degrees). */
const FIT_TOLERANCE_DEG = 3;

function withinRange(az: number, n: LaunchNotification): boolean {
  const lo = normalizeDeg(n.azimuth.minDeg - FIT_TOLERANCE_DEG);
  const span = normalizeDeg(n.azimuth.maxDeg - n.azimuth.minDeg) + 2 * FIT_TOLERANCE_DEG;
  return normalizeDeg(az - lo) <= span;
}

/**
 * For the selected catalog object: the launch azimuths its inclination implies from a chosen
 * site (northbound and southbound), and which notifications from that site they fit.
 */
export function NotificationsAzimuthHelper() {
  const { t } = useTranslation();
  const selectedId = useSelectionStore((s) => s.selectedId);
  const object = useCatalogStore((s) =>
    selectedId === null ? undefined : s.objects[s.indexById.get(selectedId) ?? -1],
  );
  const siteId = useNotificationStore((s) => s.helperSiteId);
  const setSite = useNotificationStore((s) => s.setHelperSite);
  const notifications = useNotificationStore((s) => s.notifications);
  const site = launchSite(siteId) ?? LAUNCH_SITES[0];

  if (!object) {
    return <p className="muted notifications-helper">{t('azimuth.selectObject')}</p>;
  }
  const solutions = azimuthsForInclination(site.latDeg, object.inclinationDeg);
  const fits = solutions
    ? notifications.filter(
        (n) =>
          n.site.siteId === site.id &&
          (withinRange(solutions.ascendingDeg, n) || withinRange(solutions.descendingDeg, n)),
      )
    : [];
  return (
    <div className="notifications-helper" role="group" aria-label={t('azimuth.label')}>
      <label>
        {t('azimuth.of', {
          name: object.objectName,
          inclination: object.inclinationDeg.toFixed(2),
        })}{' '}
        <select
          value={site.id}
          onChange={(e) => setSite(e.target.value)}
          aria-label={t('azimuth.site')}
        >
          {LAUNCH_SITES.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </label>
      <output data-field="implied-azimuth">
        {solutions
          ? t('azimuth.solutions', {
              north: solutions.ascendingDeg.toFixed(1),
              south: solutions.descendingDeg.toFixed(1),
            })
          : t(site.latDeg >= 0 ? 'azimuth.unreachableN' : 'azimuth.unreachableS', {
              lat: Math.abs(site.latDeg).toFixed(2),
            })}
        {fits.length > 0 && t('azimuth.fits', { ids: fits.map((n) => n.id).join(', ') })}
      </output>
    </div>
  );
}
