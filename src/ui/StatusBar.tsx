import { useState } from 'react';
import { useCatalogStore } from '../state/catalogStore';
import { useSelectedStateStore } from '../state/selectedStateStore';
import { formatCount } from './format';
import { RefreshStatus } from './RefreshStatus';
import { useDataAsOf } from './useDataAsOf';

/** Object count, source and data age; rejected and duplicate records on demand. */
export function StatusBar() {
  const { objects, report, loading } = useCatalogStore();
  const dataAsOf = useDataAsOf();
  const unpropagated = useSelectedStateStore((s) => s.unpropagatedCount);
  const [showRejected, setShowRejected] = useState(false);
  const rejected = report?.rejected ?? [];

  return (
    <div className="statusbar">
      <span role="status" aria-live="polite" aria-label="Catalog status">
        {loading ? `Loading ${loading}… ` : ''}
        {objects.length > 0
          ? `${objects.length} ${objects.length === 1 ? 'object' : 'objects'}`
          : loading
            ? ''
            : 'No catalog loaded'}
      </span>
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
      {report && (rejected.length > 0 || report.duplicatesDropped > 0) && (
        <button
          type="button"
          className="link"
          onClick={() => setShowRejected((v) => !v)}
          aria-expanded={showRejected}
        >
          {formatCount(rejected.length)} rejected · {formatCount(report.duplicatesDropped)}{' '}
          duplicates dropped
        </button>
      )}
      {showRejected && rejected.length > 0 && (
        <div className="panel rejected" role="region" aria-label="Rejected records">
          <ul>
            {rejected.slice(0, 500).map((r, i) => (
              <li key={i}>
                Record {r.record}
                {r.line ? `, line ${r.line}` : ''} — {r.field}: {r.reason}
              </li>
            ))}
          </ul>
          {rejected.length > 500 && (
            <p className="muted">…and {formatCount(rejected.length - 500)} more</p>
          )}
        </div>
      )}
    </div>
  );
}
