import { useTourStore } from '../state/tourStore';
import { formatUtc } from './format';
import { useDataAsOf } from './useDataAsOf';
import { useFocusCaption } from './useFocusCaption';
import { useSimTime } from './useTicker';

/** The wall display's heads-up line: UTC clock, what is in view, and how fresh the data is. */
export function BriefingHud() {
  const timeMs = useSimTime(500);
  const focus = useFocusCaption();
  const dataAsOf = useDataAsOf();
  const { stops, index, paused, settings } = useTourStore();
  const stop = stops[index];
  return (
    <footer className="hud" aria-label="Briefing display">
      <time className="hud-clock" dateTime={new Date(timeMs).toISOString()}>
        {formatUtc(timeMs)}
      </time>
      <div className="hud-focus">
        {stop && (
          <span className="hud-stop">
            {index + 1} of {stops.length}
            {paused ? ' · paused' : ''} ·{' '}
          </span>
        )}
        {stop ? stop.title : (focus ?? 'Whole catalog')}
      </div>
      <div className="hud-data">
        Data as of: {dataAsOf ?? 'no catalog loaded'}
        {stops.length > 0 &&
          index < 0 &&
          !settings.kiosk &&
          ` · ${stops.length} stops: Page Down to begin`}
      </div>
    </footer>
  );
}
