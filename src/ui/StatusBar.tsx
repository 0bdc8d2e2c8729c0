import { useState } from 'react';
import { useCatalogStore } from '../state/catalogStore';
import { useClockStore } from '../state/clockStore';
import { useEphemerisStore } from '../state/ephemerisStore';
import { drawnSourceAt } from '../domain/oem/display';
import { useSelectedStateStore } from '../state/selectedStateStore';
import { formatAge, formatCount } from './format';
import { RefreshStatus } from './RefreshStatus';
import { useDataAsOf } from './useDataAsOf';
import { useSimTime, useWallNow } from './useTicker';

/** Object count, source and data age; rejected and duplicate records on demand. */
export function StatusBar() {
  return (
    <div className="statusbar">
      <CatalogCount />
      <StatusDetails />
    </div>
  );
}

/** A narrow screen's status line: the count and the elements' age; the rest is in a sheet. */
export function CompactStatus() {
  const epochMs = useClockStore((s) => s.catalogEpochMs);
  const now = useWallNow();
  return (
    <div className="statusbar compact">
      <CatalogCount />
      {epochMs !== null && (
        <span className="muted" data-testid="data-age">
          elements {formatAge(now - epochMs)} old
        </span>
      )}
    </div>
  );
}

function CatalogCount() {
  const { objects, loading } = useCatalogStore();
  return (
    <span role="status" aria-live="polite" aria-label="Catalog status">
      {loading ? `Loading ${loading}… ` : ''}
      {objects.length > 0
        ? `${objects.length} ${objects.length === 1 ? 'object' : 'objects'}`
        : loading
          ? ''
          : 'No catalog loaded'}
    </span>
  );
}

/** Source and data age, refresh, undrawn objects, rejected records: all but the count. */
export function StatusDetails() {
  const { objects, report } = useCatalogStore();
  const dataAsOf = useDataAsOf();
  const undrawn = useSelectedStateStore((s) => s.unpropagatedCount);
  const ephemerides = useEphemerisStore((s) => s.entries);
  const clockMs = useSimTime(1000);
  // Ephemeris objects outside their spans with no catalog object to fall back on are not drawn
  // either; they are counted apart from SGP4's failures.
  const outsideSpan = ephemerides.filter(
    (e) => drawnSourceAt(e.spansMs, clockMs, e.hasCounterpart) === 'none',
  ).length;
  const unpropagated = Math.max(0, undrawn - outsideSpan);
  const [showRejected, setShowRejected] = useState(false);
  const rejected = report?.rejected ?? [];
  const rejectedCount = report?.rejectedCount ?? 0;
  const listed = rejected.slice(0, 500);

  return (
    <>
      {dataAsOf && (
        <span className="muted" data-testid="data-as-of">
          {dataAsOf}
        </span>
      )}
      <RefreshStatus />
      {unpropagated > 0 && objects.length > 0 && (
        <span
          className="warn"
          title="SGP4 reports these as decayed or failing at the clock time; they are not drawn"
        >
          {formatCount(unpropagated)} not drawn at this time (decayed or SGP4 failure)
        </span>
      )}
      {outsideSpan > 0 && (
        <span
          className="warn"
          data-testid="ephemeris-outside"
          title="The clock is outside their ephemerides' usable spans and the catalog has no element set for them"
        >
          {formatCount(outsideSpan)} ephemeris object{outsideSpan === 1 ? '' : 's'} not drawn (clock
          outside the usable span)
        </span>
      )}
      {report && (rejectedCount > 0 || report.duplicatesDropped > 0) && (
        <button
          type="button"
          className="link"
          onClick={() => setShowRejected((v) => !v)}
          aria-expanded={showRejected}
        >
          {formatCount(rejectedCount)} rejected · {formatCount(report.duplicatesDropped)} duplicates
          dropped
        </button>
      )}
      {showRejected && rejectedCount > 0 && (
        <div className="panel rejected" role="region" aria-label="Rejected records">
          <ul>
            {listed.map((r, i) => (
              <li key={i}>
                Record {r.record}
                {r.line ? `, line ${r.line}` : ''} — {r.field}: {r.reason}
              </li>
            ))}
          </ul>
          {rejectedCount > listed.length && (
            <p className="muted">…and {formatCount(rejectedCount - listed.length)} more</p>
          )}
        </div>
      )}
    </>
  );
}
