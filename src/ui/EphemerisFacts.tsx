import { useTranslation } from 'react-i18next';
import { drawnSourceAt, nearestCovarianceRtn } from '../domain/oem/display';
import { interpolationOf } from '../domain/oem/interpolate';
import type { LoadedEphemeris } from '../state/ephemerisStore';
import { formatUtc } from './format';

const SOURCE_TEXT = {
  ephemeris: 'ephemeris (OEM)',
  sgp4: 'catalog SGP4 — the clock is outside the ephemeris span',
  none: 'not drawn — the clock is outside the ephemeris span',
};

const metres = (km: number) =>
  `${(km * 1000).toLocaleString('en-US', { maximumFractionDigits: km < 0.01 ? 1 : 0 })} m`;

/**
 * What an ephemeris object's panel adds (terms and definitions of the panel's list): where its
 * states come from and how far to trust them.
 */
export function EphemerisFacts({ entry, clockMs }: { entry: LoadedEphemeris; clockMs: number }) {
  const { t } = useTranslation();
  const { header } = entry.message;
  const drawn = drawnSourceAt(entry.spansMs, clockMs, entry.hasCounterpart);
  const methods = [
    ...new Set(
      entry.message.segments.map((s) => {
        const c = interpolationOf(s);
        return `${c.method.toLowerCase()}, degree ${c.degree}`;
      }),
    ),
  ];
  const cov = nearestCovarianceRtn(entry.teme, clockMs);
  return (
    <>
      <dt>Source</dt>
      <dd data-field="source">
        ephemeris · {entry.fileName}
        {entry.hasCounterpart ? ' (stands in for the catalog object)' : ''}
        {entry.plannedFor !== null && (
          <>
            <br />
            <span data-field="planned-for">
              {t('info.plannedFor', { nominal: entry.plannedFor })}
            </span>
          </>
        )}
      </dd>
      <dt>Originator</dt>
      <dd data-field="originator">{header.originator || '—'}</dd>
      <dt>Created</dt>
      <dd data-field="created">{header.creationDate}</dd>
      <dt>Usable span</dt>
      <dd data-field="span">
        {entry.spansMs.map(([a, b], i) => (
          <span key={i}>
            {i > 0 && <br />}
            {formatUtc(a)} – {formatUtc(b)}
          </span>
        ))}
      </dd>
      <dt>Interpolation</dt>
      <dd data-field="interpolation">{methods.join('; ')}</dd>
      <dt>Drawn now</dt>
      <dd data-field="drawn" className={drawn === 'ephemeris' ? undefined : 'warn'}>
        {SOURCE_TEXT[drawn]}
      </dd>
      {drawn === 'ephemeris' && (
        <>
          <dt>Position 1σ (RTN)</dt>
          <dd data-field="sigmas">
            {cov
              ? `R ${metres(cov.sigmasKm[0])} · T ${metres(cov.sigmasKm[1])} · N ${metres(cov.sigmasKm[2])}`
              : 'no covariance in the file'}
            {cov && (
              <>
                <br />
                <span className="muted">nearest covariance, {formatUtc(cov.epochMs)}</span>
              </>
            )}
          </dd>
        </>
      )}
    </>
  );
}
