import { formatUtc } from './format';
import { useDataAsOf } from './useDataAsOf';
import { useFocusCaption } from './useFocusCaption';
import { useSimTime } from './useTicker';

/** The wall display's heads-up line: UTC clock, what is in view, and how fresh the data is. */
export function BriefingHud() {
  const timeMs = useSimTime(500);
  const focus = useFocusCaption();
  const dataAsOf = useDataAsOf();
  return (
    <div className="hud" aria-label="Briefing display">
      <time className="hud-clock" dateTime={new Date(timeMs).toISOString()}>
        {formatUtc(timeMs)}
      </time>
      <div className="hud-focus">{focus ?? 'Whole catalog'}</div>
      <div className="hud-data">Data as of: {dataAsOf ?? 'no catalog loaded'}</div>
    </div>
  );
}
