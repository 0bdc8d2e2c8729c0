import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  bPlaneView,
  eventTrajectories,
  hardBodyTooSmallToSee,
  rangeSeries,
  recordToCdm,
  type ConjunctionRecord,
} from '../domain/conjunctions';
import { writeCdmKvn } from '../domain/cdm/writeKvn';
import { safeFileName } from '../domain/exportSafety';
import { CdmExportError, type CdmExportIssue } from '../domain/cdm/exportIssues';
import type { OemExportIssue } from '../domain/oem/exportIssues';
import { ENCOUNTER_COLORS } from '../scene/encounterLayer';
import { catalogLookup } from '../services/conjunctionImport';
import { eventObjectsOem } from '../services/eventOem';
import { useCatalogStore } from '../state/catalogStore';
import { simNowMs, useClockStore } from '../state/clockStore';
import { selectedConjunction, useConjunctionStore } from '../state/conjunctionStore';
import { download, formatMiss, formatPc, formatTca } from './ConjunctionFormat';
import { formatNumber } from './format';
import { i18n } from './i18n';
import { cdmExportIssueMessage, oemExportIssueMessage, pcProblemMessage } from './issues';
import { sourceLabelMessage } from './runLabels';
import { BPlaneChart, RangeChart } from './EncounterCharts';
import { useSimTime } from './useTicker';

/** The fine scrub and the replay span TCA ± this. */
const SCRUB_HALF_SPAN_S = 600;
const REPLAY_RATE = 10;
/** Screening threshold marked on the range plot, km. */
const THRESHOLD_KM = 5;

function offsetText(s: number): string {
  const sign = s < 0 ? '−' : '+';
  const a = Math.abs(Math.round(s));
  return i18n.t('encounter.offset', {
    sign,
    min: Math.floor(a / 60),
    s: String(a % 60).padStart(2, '0'),
  });
}

const m = (km: number) => `${formatNumber(km * 1000, 1)} m`;

/** A refused export: our own refusals as data, anything else as its own message. */
type ExportProblem =
  | { format: 'cdm'; issue: CdmExportIssue }
  | { format: 'oem'; issue: OemExportIssue }
  | { format: 'text'; text: string };

/** The selected conjunction: geometry, probability, plots, a fine scrub and a replay. */
const SOURCE_NAMES = { ephemeris: 'ephemeris (OEM)', sgp4: 'SGP4' };

export function EncounterPanel() {
  const record = useConjunctionStore(selectedConjunction);
  if (!record) return null;
  return <Encounter key={record.key} record={record} />;
}

function Encounter({ record }: { record: ConjunctionRecord }) {
  const { t } = useTranslation();
  const select = useConjunctionStore((s) => s.select);
  const defaultHbrM = useConjunctionStore((s) => s.settings.defaultHbrM);
  const catalogVersion = useCatalogStore((s) => s.version);
  const clock = useClockStore();
  const nowMs = useSimTime(250);
  const offsetS = (nowMs - record.tcaMs) / 1000;
  const [replaying, setReplaying] = useState(false);
  // Why the last export was refused, worded when drawn (the reader may switch language).
  const [exportProblem, setExportProblem] = useState<ExportProblem | null>(null);

  const series = useMemo(() => {
    void catalogVersion;
    const t = eventTrajectories(record, catalogLookup());
    return t ? rangeSeries(t[0], t[1], record.tcaMs, SCRUB_HALF_SPAN_S * 1000, 5000) : null;
  }, [record, catalogVersion]);
  const hbrM = record.pc?.hbrM ?? defaultHbrM;
  const plane = useMemo(() => {
    try {
      return bPlaneView(record, hbrM);
    } catch {
      return null;
    }
  }, [record, hbrM]);

  // Replay: play from TCA − 10 min at 10× and stop at TCA + 10 min.
  useEffect(() => {
    if (!replaying) return;
    const id = setInterval(() => {
      const c = useClockStore.getState();
      const t = simNowMs(c);
      if (!c.playing || t >= record.tcaMs + SCRUB_HALF_SPAN_S * 1000) {
        c.pause();
        if (t >= record.tcaMs + SCRUB_HALF_SPAN_S * 1000) {
          c.setTime(record.tcaMs + SCRUB_HALF_SPAN_S * 1000);
        }
        c.setRate(1);
        setReplaying(false);
      }
    }, 100);
    return () => clearInterval(id);
  }, [replaying, record.tcaMs]);

  const replay = () => {
    const c = useClockStore.getState();
    c.pause();
    c.setTime(record.tcaMs - SCRUB_HALF_SPAN_S * 1000);
    c.setRate(REPLAY_RATE);
    c.play();
    setReplaying(true);
  };

  const exportCdm = () => {
    try {
      const { objects, indexById } = useCatalogStore.getState();
      const obj = (id: number) => objects[indexById.get(id) ?? -1];
      const kvn = writeCdmKvn(
        recordToCdm(record, {
          intlDesignator: (id) => obj(id)?.objectId,
          objectType: (id) => obj(id)?.type,
        }),
      );
      download(kvn, `${safeFileName(record.key, 'conjunction')}.cdm`, 'text/plain');
      setExportProblem(null);
    } catch (e) {
      setExportProblem(
        e instanceof CdmExportError
          ? { format: 'cdm', issue: e.issue }
          : { format: 'text', text: e instanceof Error ? e.message : String(e) },
      );
    }
  };

  const exportOem = () => {
    const written = eventObjectsOem(record, Date.now());
    if (!written.ok) return setExportProblem({ format: 'oem', issue: written.issue });
    download(written.text, written.fileName, 'text/plain');
    setExportProblem(null);
  };

  const pc = record.pc;
  const ric = record.ricKm;
  const cmp = record.comparison;
  return (
    <section className="panel encounter" role="region" aria-label={t('encounter.title')}>
      <header>
        <h2>{t('encounter.title')}</h2>
        <button
          type="button"
          className="close"
          aria-label={t('encounter.close')}
          onClick={() => select(null)}
        >
          ×
        </button>
      </header>
      <p className="encounter-objects">
        <span style={{ color: ENCOUNTER_COLORS.object1 }} data-field="object1">
          {record.name1} ({record.designator1})
        </span>
        {' × '}
        <span style={{ color: ENCOUNTER_COLORS.object2 }} data-field="object2">
          {record.name2} ({record.designator2})
        </span>
      </p>
      <dl className="encounter-facts">
        <dt>TCA</dt>
        <dd data-field="tca">{formatTca(record.tcaMs)} UTC</dd>
        <dt>{t('encounter.miss')}</dt>
        <dd data-field="miss">
          {t('encounter.missAt', {
            miss: formatMiss(record.rangeKm),
            speed: formatNumber(record.relSpeedKmS, 3),
          })}
        </dd>
        {record.stateSources && (
          <>
            <dt>States</dt>
            <dd data-field="sources">
              object 1 {SOURCE_NAMES[record.stateSources.object1]} · object 2{' '}
              {SOURCE_NAMES[record.stateSources.object2]}
            </dd>
          </>
        )}
        <dt>R, T, N</dt>
        <dd data-field="ric">{ric ? ric.map(m).join(', ') : '—'}</dd>
        <dt>{pc?.kind === 'maximum' ? t('encounter.maxPc') : 'Pc'}</dt>
        <dd data-field="pc">
          <strong>{pc ? formatPc(pc.value) : '—'}</strong>
          {pc?.kind === 'maximum' && <span className="max-tag"> {t('encounter.max')}</span>}
          {!pc && record.pcProblem && <span className="muted"> {pcProblemMessage(record)}</span>}
        </dd>
        {pc && (
          <>
            <dt>{t('encounter.method')}</dt>
            <dd data-field="method">
              {pc.method}
              {pc.kind === 'maximum' && <span className="muted"> — {t('encounter.maxNote')}</span>}
            </dd>
            {pc.maxValue !== undefined && (
              <>
                <dt>Maximum Pc</dt>
                <dd data-field="pc-max">{formatPc(pc.maxValue)}</dd>
              </>
            )}
            {pc.hbrM !== undefined && (
              <>
                <dt>HBR</dt>
                <dd data-field="hbr">
                  {pc.hbrM} m{' '}
                  <span className="muted">({pc.hbrSource ?? t('encounter.hbrSource')})</span>
                </dd>
              </>
            )}
            {pc.crossCheck !== undefined && (
              <>
                <dt>{t('encounter.square')}</dt>
                <dd>{formatPc(pc.crossCheck)}</dd>
              </>
            )}
            {pc.reported !== undefined && formatPc(pc.reported) !== formatPc(pc.value) && (
              <>
                <dt>{t('encounter.reported')}</dt>
                <dd>{formatPc(pc.reported)}</dd>
              </>
            )}
          </>
        )}
        {plane?.sigmaMajorM !== undefined && (
          <>
            <dt>{t('encounter.sigmaPlane')}</dt>
            <dd>
              {formatNumber(plane.sigmaMajorM, 1)} × {formatNumber(plane.sigmaMinorM!, 1)} m
            </dd>
          </>
        )}
        {cmp && (
          <>
            <dt>{t('encounter.ourSgp4')}</dt>
            <dd data-field="comparison">
              {cmp.ok
                ? t('encounter.compared', {
                    dTca: formatNumber(cmp.dTcaMs / 1000, 3),
                    dMiss: formatNumber(cmp.dRangeM, 0),
                    miss: formatMiss(cmp.rangeKm),
                  })
                : t('encounter.notCompared', { reason: cmp.reason })}
            </dd>
          </>
        )}
        <dt>{t('encounter.source')}</dt>
        <dd>
          {t(`source.${record.source}`)} <span className="muted">{sourceLabelMessage(record)}</span>
          {record.states && (
            <span className="muted">
              {' '}
              · {t('encounter.states', { frame: record.states.frame })}
            </span>
          )}
        </dd>
      </dl>
      <div className="encounter-scrub">
        <input
          type="range"
          aria-label={t('encounter.time')}
          aria-valuetext={offsetText(offsetS)}
          min={-SCRUB_HALF_SPAN_S}
          max={SCRUB_HALF_SPAN_S}
          step={1}
          value={Math.max(-SCRUB_HALF_SPAN_S, Math.min(SCRUB_HALF_SPAN_S, Math.round(offsetS)))}
          onChange={(e) => {
            if (clock.playing) clock.pause();
            setReplaying(false);
            clock.setTime(record.tcaMs + Number(e.target.value) * 1000);
          }}
        />
        <output>{offsetText(offsetS)}</output>
      </div>
      <div className="encounter-buttons">
        <button
          type="button"
          onClick={replay}
          disabled={replaying}
          title={t('encounter.animateTitle')}
        >
          {t('encounter.animate', { rate: REPLAY_RATE })}
        </button>
        <button
          type="button"
          aria-label={t('encounter.goToTca')}
          onClick={() => {
            clock.pause();
            clock.setTime(record.tcaMs);
          }}
        >
          TCA
        </button>
        <button type="button" onClick={exportCdm}>
          {t('encounter.exportCdm')}
        </button>
        <button type="button" onClick={exportOem}>
          {t('encounter.exportOem')}
        </button>
      </div>
      {exportProblem && (
        <p className="muted">
          {t('encounter.cannotExport', {
            problem:
              exportProblem.format === 'cdm'
                ? cdmExportIssueMessage(exportProblem.issue)
                : exportProblem.format === 'oem'
                  ? oemExportIssueMessage(exportProblem.issue)
                  : exportProblem.text,
          })}
        </p>
      )}
      {series && <RangeChart series={series} thresholdKm={THRESHOLD_KM} nowOffsetS={offsetS} />}
      {plane ? (
        <>
          <BPlaneChart view={plane} />
          {hardBodyTooSmallToSee(plane) && (
            <p className="muted">
              {t('encounter.hbrTooSmall', {
                hbr: plane.hbrM,
                span: formatMiss(plane.halfSpanM / 1000),
              })}
            </p>
          )}
          {!plane.ellipses.length && <p className="muted">{t('encounter.noCovariance')}</p>}
        </>
      ) : (
        <p className="muted">{t('encounter.noStates')}</p>
      )}
    </section>
  );
}
