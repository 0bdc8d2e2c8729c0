import { EPHEMERIS_COLOR, legendFor } from '../scene/palette';
import { useEphemerisStore } from '../state/ephemerisStore';
import { useViewStore, type ColorBy } from '../state/viewStore';

/** Colour key, colour mode and the selected object's path options. */
export function Legend({ readOnly = false }: { readOnly?: boolean }) {
  const view = useViewStore();
  const ephemerides = useEphemerisStore((s) => s.entries.length);
  return (
    <section className="panel legend" aria-label="Legend">
      {readOnly ? (
        <h2 className="legend-title">{view.colorBy === 'type' ? 'Object type' : 'Orbit regime'}</h2>
      ) : (
        <label>
          Colour by{' '}
          <select value={view.colorBy} onChange={(e) => view.setColorBy(e.target.value as ColorBy)}>
            <option value="type">object type</option>
            <option value="regime">orbit regime</option>
          </select>
        </label>
      )}
      <ul>
        {legendFor(view.colorBy).map(([name, color]) => (
          <li key={name}>
            <span className="swatch" style={{ background: color }} aria-hidden="true" />
            {name.toLowerCase()}
          </li>
        ))}
        {ephemerides > 0 && (
          <li>
            <span className="swatch" style={{ background: EPHEMERIS_COLOR }} aria-hidden="true" />
            ephemeris (OEM)
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
            Orbit
          </label>
          <label>
            <input
              type="checkbox"
              checked={view.showGroundTrack}
              onChange={(e) => view.setShowGroundTrack(e.target.checked)}
            />{' '}
            Ground track
          </label>
        </>
      )}
    </section>
  );
}
