import { useTranslation } from 'react-i18next';
import { ecefToGeodetic } from '../domain/frames/geodetic';
import { EARTH_ROTATION_RAD_S } from '../domain/frames/teme';
import { removeEphemeris } from '../services/ephemerisLoader';
import { useCatalogStore } from '../state/catalogStore';
import { canEdit, useModeStore } from '../state/modeStore';
import { ephemerisById, useEphemerisStore } from '../state/ephemerisStore';
import { useSelectedStateStore } from '../state/selectedStateStore';
import { useSelectionStore } from '../state/selectionStore';
import { EphemerisFacts } from './EphemerisFacts';
import { formatAge, formatKm, formatNumber, formatUtc } from './format';
import { OemExport } from './OemExport';
import { useSimTime } from './useTicker';
import { WatchToggle } from './WatchToggle';

const deg = (rad: number) => (rad * 180) / Math.PI;

/** Everything a watch officer needs about the selected object, in the field's own terms. */
export function InfoPanel() {
  const { t } = useTranslation();
  const selectedId = useSelectionStore((s) => s.selectedId);
  const select = useSelectionStore((s) => s.select);
  const object = useCatalogStore((s) =>
    selectedId === null ? undefined : s.objects[s.indexById.get(selectedId) ?? -1],
  );
  const entry = useEphemerisStore((s) => ephemerisById(s.entries, selectedId));
  const { ecefKm } = useSelectedStateStore();
  const clockMs = useSimTime(1000);
  // The SGP4 sampler (step and span up to 14 days at 1 s) makes files for other screening tools:
  // operator work, like the screening form. One-click exports of what is shown stay public.
  const operator = useModeStore((s) => canEdit(s.mode));
  if (!object) return null;
  const only = object.ephemerisOnly === true;

  const geo = ecefKm ? ecefToGeodetic(ecefKm[0], ecefKm[1], ecefKm[2]) : null;
  // Inertial speed: add back the Earth's rotation removed in the Earth-fixed velocity.
  const speed = ecefKm ? inertialSpeedKmS(ecefKm) : null;

  return (
    <section className="panel info" role="region" aria-label={t('info.label')}>
      <header>
        <h2>{object.objectName}</h2>
        <WatchToggle id={object.noradCatId} />
        <button
          type="button"
          className="close"
          aria-label={t('info.clear')}
          onClick={() => select(null)}
        >
          ×
        </button>
      </header>
      <dl>
        <dt>{t('info.catalogNumber')}</dt>
        <dd data-field="norad">{object.noradCatId}</dd>
        <dt>{t('info.designator')}</dt>
        <dd>{object.objectId || '—'}</dd>
        {!only && (
          <>
            <dt>{t('info.type')}</dt>
            <dd>{t(`objectType.${object.type}`)}</dd>
          </>
        )}
        <dt>{t('info.regime')}</dt>
        <dd>{t(`regime.${object.regime}`)}</dd>
        <dt>{only ? t('info.orbit') : t('info.epoch')}</dt>
        <dd>
          {only ? (
            <span className="muted">
              {t('info.osculatingAt', { time: formatUtc(object.epochMs) })}
            </span>
          ) : (
            <>
              {formatUtc(object.epochMs)}
              <br />
              <span className="muted">
                {t('info.ageAtClock', { age: formatAge(clockMs - object.epochMs) })}
              </span>
            </>
          )}
        </dd>
        <dt>{t('info.perigeeApogee')}</dt>
        <dd>
          {formatNumber(Math.round(object.perigeeKm))} × {formatNumber(Math.round(object.apogeeKm))}{' '}
          km
        </dd>
        <dt>{t('info.inclination')}</dt>
        <dd>{formatNumber(object.inclinationDeg, 2)}°</dd>
        <dt>{t('info.period')}</dt>
        <dd>{formatNumber(object.periodMin, 1)} min</dd>
        <dt>{t('info.latitude')}</dt>
        <dd data-field="lat">{geo ? `${deg(geo.latRad).toFixed(3)}°` : '—'}</dd>
        <dt>{t('info.longitude')}</dt>
        <dd data-field="lon">{geo ? `${deg(geo.lonRad).toFixed(3)}°` : '—'}</dd>
        <dt>{t('info.altitude')}</dt>
        <dd data-field="alt">{geo ? formatKm(geo.heightKm) : '—'}</dd>
        <dt>{t('info.speed')}</dt>
        <dd>{speed !== null ? `${formatNumber(speed, 3)} km/s` : '—'}</dd>
        {entry && <EphemerisFacts entry={entry} clockMs={clockMs} />}
      </dl>
      {entry && (
        <button
          type="button"
          title={t('info.removeEphemerisTitle')}
          onClick={() => void removeEphemeris(entry)}
        >
          {t('info.removeEphemeris')}
        </button>
      )}
      {operator && <OemExport object={object} entry={entry} clockMs={clockMs} />}
      {!ecefKm && <p className="muted">{t('info.noPosition')}</p>}
    </section>
  );
}

function inertialSpeedKmS(s: number[]): number {
  const vx = s[3] - EARTH_ROTATION_RAD_S * s[1];
  const vy = s[4] + EARTH_ROTATION_RAD_S * s[0];
  return Math.hypot(vx, vy, s[5]);
}
