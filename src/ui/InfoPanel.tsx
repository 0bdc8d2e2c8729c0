import { ecefToGeodetic } from '../domain/frames/geodetic';
import { EARTH_ROTATION_RAD_S } from '../domain/frames/teme';
import { useCatalogStore } from '../state/catalogStore';
import { ephemerisById, useEphemerisStore } from '../state/ephemerisStore';
import { useSelectedStateStore } from '../state/selectedStateStore';
import { useSelectionStore } from '../state/selectionStore';
import { EphemerisFacts } from './EphemerisFacts';
import { formatAge, formatKm, formatUtc } from './format';
import { OemExport } from './OemExport';
import { useSimTime } from './useTicker';
import { WatchToggle } from './WatchToggle';

const deg = (rad: number) => (rad * 180) / Math.PI;

/** Everything a watch officer needs about the selected object, in the field's own terms. */
export function InfoPanel() {
  const selectedId = useSelectionStore((s) => s.selectedId);
  const select = useSelectionStore((s) => s.select);
  const object = useCatalogStore((s) =>
    selectedId === null ? undefined : s.objects[s.indexById.get(selectedId) ?? -1],
  );
  const entry = useEphemerisStore((s) => ephemerisById(s.entries, selectedId));
  const { ecefKm } = useSelectedStateStore();
  const clockMs = useSimTime(1000);
  if (!object) return null;
  const only = object.ephemerisOnly === true;

  const geo = ecefKm ? ecefToGeodetic(ecefKm[0], ecefKm[1], ecefKm[2]) : null;
  // Inertial speed: add back the Earth's rotation removed in the Earth-fixed velocity.
  const speed = ecefKm ? inertialSpeedKmS(ecefKm) : null;

  return (
    <section className="panel info" role="region" aria-label="Selected object">
      <header>
        <h2>{object.objectName}</h2>
        <WatchToggle id={object.noradCatId} />
        <button
          type="button"
          className="close"
          aria-label="Clear selection"
          onClick={() => select(null)}
        >
          ×
        </button>
      </header>
      <dl>
        <dt>Catalog number</dt>
        <dd data-field="norad">{object.noradCatId}</dd>
        <dt>Int’l designator</dt>
        <dd>{object.objectId || '—'}</dd>
        {!only && (
          <>
            <dt>Type</dt>
            <dd>{object.type.toLowerCase()}</dd>
          </>
        )}
        <dt>Regime</dt>
        <dd>{object.regime}</dd>
        <dt>{only ? 'Orbit' : 'Epoch'}</dt>
        <dd>
          {only ? (
            <span className="muted">
              osculating at {formatUtc(object.epochMs)}; no element set in the catalog
            </span>
          ) : (
            <>
              {formatUtc(object.epochMs)}
              <br />
              <span className="muted">age {formatAge(clockMs - object.epochMs)} at clock</span>
            </>
          )}
        </dd>
        <dt>Perigee × apogee</dt>
        <dd>
          {Math.round(object.perigeeKm).toLocaleString('en-US')} ×{' '}
          {Math.round(object.apogeeKm).toLocaleString('en-US')} km
        </dd>
        <dt>Inclination</dt>
        <dd>{object.inclinationDeg.toFixed(2)}°</dd>
        <dt>Period</dt>
        <dd>{object.periodMin.toFixed(1)} min</dd>
        <dt>Latitude</dt>
        <dd data-field="lat">{geo ? `${deg(geo.latRad).toFixed(3)}°` : '—'}</dd>
        <dt>Longitude</dt>
        <dd data-field="lon">{geo ? `${deg(geo.lonRad).toFixed(3)}°` : '—'}</dd>
        <dt>Altitude</dt>
        <dd data-field="alt">{geo ? formatKm(geo.heightKm) : '—'}</dd>
        <dt>Speed</dt>
        <dd>{speed !== null ? `${speed.toFixed(3)} km/s` : '—'}</dd>
        {entry && <EphemerisFacts entry={entry} clockMs={clockMs} />}
      </dl>
      <OemExport object={object} entry={entry} clockMs={clockMs} />
      {!ecefKm && (
        <p className="muted">
          Position not available at this time (propagation pending or failed).
        </p>
      )}
    </section>
  );
}

function inertialSpeedKmS(s: number[]): number {
  const vx = s[3] - EARTH_ROTATION_RAD_S * s[1];
  const vy = s[4] + EARTH_ROTATION_RAD_S * s[0];
  return Math.hypot(vx, vy, s[5]);
}
