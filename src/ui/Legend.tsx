import { useTranslation } from 'react-i18next';
import { EPHEMERIS_COLOR, legendFor } from '../scene/palette';
import { useEphemerisStore } from '../state/ephemerisStore';
import { useViewStore, type ColorBy } from '../state/viewStore';

/** Colour key, colour mode and the selected object's path options. */
export function Legend({ readOnly = false }: { readOnly?: boolean }) {
  const { t } = useTranslation();
  const view = useViewStore();
  const ephemerides = useEphemerisStore((s) => s.entries.length);
  return (
    <section className="panel legend" aria-label={t('legend.label')}>
      {readOnly ? (
        <h2 className="legend-title">
          {view.colorBy === 'type' ? t('legend.objectType') : t('legend.orbitRegime')}
        </h2>
      ) : (
        <label>
          {t('legend.colourBy')}{' '}
          <select value={view.colorBy} onChange={(e) => view.setColorBy(e.target.value as ColorBy)}>
            <option value="type">{t('legend.byType')}</option>
            <option value="regime">{t('legend.byRegime')}</option>
          </select>
        </label>
      )}
      <ul>
        {legendFor(view.colorBy).map(([name, color]) => (
          <li key={name}>
            <span className="swatch" style={{ background: color }} aria-hidden="true" />
            {t(view.colorBy === 'type' ? `objectType.${name}` : `legend.regime.${name}`)}
          </li>
        ))}
        {ephemerides > 0 && (
          <li>
            <span className="swatch" style={{ background: EPHEMERIS_COLOR }} aria-hidden="true" />
            {t('legend.ephemeris')}
          </li>
        )}
      </ul>
      {!readOnly && (
        <>
          <label>
            <input
              type="checkbox"
              checked={view.showOrbit}
              onChange={(e) => view.setShowOrbit(e.target.checked)}
            />{' '}
            {t('legend.orbit')}
          </label>
          <label>
            <input
              type="checkbox"
              checked={view.showGroundTrack}
              onChange={(e) => view.setShowGroundTrack(e.target.checked)}
            />{' '}
            {t('legend.groundTrack')}
          </label>
        </>
      )}
    </section>
  );
}
