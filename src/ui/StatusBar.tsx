import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCatalogStore } from '../state/catalogStore';
import { useClockStore } from '../state/clockStore';
import { useEphemerisStore } from '../state/ephemerisStore';
import { drawnSourceAt } from '../domain/oem/display';
import { useSelectedStateStore } from '../state/selectedStateStore';
import { formatAge, formatCount } from './format';
import { rejectedRecordMessage } from './issues';
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
  const { t } = useTranslation();
  const epochMs = useClockStore((s) => s.catalogEpochMs);
  const now = useWallNow();
  return (
    <div className="statusbar compact">
      <CatalogCount />
      {epochMs !== null && (
        <span className="muted" data-testid="data-age">
          {t('status.elementsAge', { age: formatAge(now - epochMs) })}
        </span>
      )}
    </div>
  );
}

function CatalogCount() {
  const { t } = useTranslation();
  const { objects, loading } = useCatalogStore();
  return (
    <span role="status" aria-live="polite" aria-label={t('status.catalogStatus')}>
      {loading ? t('status.loading', { what: loading }) : ''}
      {objects.length > 0
        ? t('status.objects', { count: objects.length, n: formatCount(objects.length) })
        : loading
          ? ''
          : t('status.noCatalog')}
    </span>
  );
}

/** Source and data age, refresh, undrawn objects, rejected records: all but the count. */
export function StatusDetails() {
  const { t } = useTranslation();
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
        <span className="warn" title={t('status.notDrawnTitle')}>
          {t('status.notDrawn', { n: formatCount(unpropagated) })}
        </span>
      )}
      {outsideSpan > 0 && (
        <span
          className="warn"
          data-testid="ephemeris-outside"
          title={t('status.ephemerisOutsideTitle')}
        >
          {t('status.ephemerisOutside', { count: outsideSpan, n: formatCount(outsideSpan) })}
        </span>
      )}
      {report && (rejectedCount > 0 || report.duplicatesDropped > 0) && (
        <button
          type="button"
          className="link"
          onClick={() => setShowRejected((v) => !v)}
          aria-expanded={showRejected}
        >
          {t('status.rejectedSummary', {
            rejected: formatCount(rejectedCount),
            duplicates: formatCount(report.duplicatesDropped),
          })}
        </button>
      )}
      {showRejected && rejectedCount > 0 && (
        <div className="panel rejected" role="region" aria-label={t('status.rejectedRecords')}>
          <ul>
            {listed.map((r, i) => (
              <li key={i}>{rejectedRecordMessage(r)}</li>
            ))}
          </ul>
          {rejectedCount > listed.length && (
            <p className="muted">
              {t('status.andMore', { n: formatCount(rejectedCount - listed.length) })}
            </p>
          )}
        </div>
      )}
    </>
  );
}
