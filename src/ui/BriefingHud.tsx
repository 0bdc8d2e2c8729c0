import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useTourStore } from '../state/tourStore';
import { formatUtc } from './format';
import { LanguageSwitch } from './LanguageSwitch';
import { useDataAsOf } from './useDataAsOf';
import { useFocusCaption } from './useFocusCaption';
import { useHeightVar } from './useHeightVar';
import { useSimTime } from './useTicker';

/** The wall display's heads-up line: UTC clock, what is in view, and how fresh the data is. */
export function BriefingHud() {
  const { t } = useTranslation();
  const timeMs = useSimTime(500);
  const focus = useFocusCaption();
  const dataAsOf = useDataAsOf();
  const { stops, index, paused, settings } = useTourStore();
  const stop = stops[index];
  // The legend and the object panel stand on it: on a phone its lines wrap and it grows.
  const ref = useRef<HTMLElement>(null);
  useHeightVar(ref, '--hud-height');
  return (
    <footer ref={ref} className="hud" aria-label={t('hud.label')}>
      <time className="hud-clock" dateTime={new Date(timeMs).toISOString()}>
        {formatUtc(timeMs)}
      </time>
      <div className="hud-focus">
        {stop && (
          <span className="hud-stop">
            {t('hud.stop', { n: index + 1, total: stops.length })}
            {paused ? t('hud.paused') : ''} ·{' '}
          </span>
        )}
        {stop ? stop.title : (focus ?? t('hud.wholeCatalog'))}
      </div>
      <div className="hud-data">
        {t('hud.dataAsOf', { value: dataAsOf ?? t('hud.noCatalog') })}
        {stops.length > 0 && index < 0 && !settings.kiosk && t('hud.begin', { n: stops.length })}
      </div>
      {!settings.kiosk && <LanguageSwitch />}
    </footer>
  );
}
