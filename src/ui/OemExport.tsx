import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CatalogObject } from '../domain/catalog/types';
import { ephemerisToOemKvn } from '../domain/oem/export';
import type { OemExportIssue } from '../domain/oem/exportIssues';
import { elementSetToOem } from '../domain/oem/sample';
import type { LoadedEphemeris } from '../state/ephemerisStore';
import { download } from './ConjunctionFormat';
import { oemExportIssueMessage } from './issues';

const ORIGINATOR = 'ORBITAL WATCH';

const fileName = (o: CatalogObject) =>
  `${o.objectName.replace(/[^A-Za-z0-9_-]+/g, '_')}_${o.noradCatId}.oem`;

/**
 * The selected object as a KVN OEM download: the ephemeris as loaded, or the catalog object
 * sampled from SGP4 in EME2000 from the clock time with the step and span chosen.
 */
export function OemExport({
  object,
  entry,
  clockMs,
}: {
  object: CatalogObject;
  entry: LoadedEphemeris | undefined;
  clockMs: number;
}) {
  const { t } = useTranslation();
  const [stepS, setStepS] = useState(60);
  const [spanH, setSpanH] = useState(24);
  const [problem, setProblem] = useState<OemExportIssue | null>(null);
  const exportSgp4 = () => {
    const result = elementSetToOem(
      object,
      { startMs: clockMs, stopMs: clockMs + spanH * 3_600_000, stepMs: stepS * 1000 },
      { originator: ORIGINATOR, creationDateMs: Date.now() },
    );
    if (!result.ok) return setProblem(result.issue);
    setProblem(null);
    download(result.text, fileName(object), 'text/plain');
  };
  return (
    <div className="oem-export">
      {entry && (
        <button
          type="button"
          onClick={() =>
            download(
              ephemerisToOemKvn(entry.message, entry.teme, {
                originator: ORIGINATOR,
                creationDateMs: Date.now(),
              }),
              fileName(object),
              'text/plain',
            )
          }
        >
          {t('oemExport.ephemeris')}
        </button>
      )}
      {!object.ephemerisOnly && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            exportSgp4();
          }}
        >
          <label>
            {t('oemExport.step')}{' '}
            <input
              type="number"
              min={1}
              max={3600}
              value={stepS}
              aria-label={t('oemExport.stepLabel')}
              onChange={(e) => setStepS(Number(e.target.value))}
            />
          </label>{' '}
          <label>
            {t('oemExport.span')}{' '}
            <input
              type="number"
              min={1}
              max={24 * 14}
              value={spanH}
              aria-label={t('oemExport.spanLabel')}
              onChange={(e) => setSpanH(Number(e.target.value))}
            />
          </label>{' '}
          <button type="submit" disabled={!(stepS > 0 && spanH > 0)}>
            {t('oemExport.sgp4')}
          </button>
        </form>
      )}
      {problem && (
        <p className="warn">
          {t('oemExport.notExported', { reason: oemExportIssueMessage(problem) })}
        </p>
      )}
    </div>
  );
}
