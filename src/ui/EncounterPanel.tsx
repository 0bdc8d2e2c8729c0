import { useEffect, useMemo, useState } from 'react';
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
import { ENCOUNTER_COLORS } from '../scene/encounterLayer';
import { catalogLookup } from '../services/conjunctionImport';
import { useCatalogStore } from '../state/catalogStore';
import { simNowMs, useClockStore } from '../state/clockStore';
import { selectedConjunction, useConjunctionStore } from '../state/conjunctionStore';
import { download, formatMiss, formatPc, formatTca, SOURCE_LABEL } from './ConjunctionFormat';
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
  return `TCA ${sign}${Math.floor(a / 60)} min ${String(a % 60).padStart(2, '0')} s`;
}

const m = (km: number) => `${(km * 1000).toLocaleString('en-US', { maximumFractionDigits: 1 })} m`;

/** The selected conjunction: geometry, probability, plots, a fine scrub and a replay. */
const SOURCE_NAMES = { ephemeris: 'ephemeris (OEM)', sgp4: 'SGP4' };

export function EncounterPanel() {
  const record = useConjunctionStore(selectedConjunction);
  if (!record) return null;
  return <Encounter key={record.key} record={record} />;
}

function Encounter({ record }: { record: ConjunctionRecord }) {
  const select = useConjunctionStore((s) => s.select);
  const defaultHbrM = useConjunctionStore((s) => s.settings.defaultHbrM);
  const catalogVersion = useCatalogStore((s) => s.version);
  const clock = useClockStore();
  const nowMs = useSimTime(250);
  const offsetS = (nowMs - record.tcaMs) / 1000;
  const [replaying, setReplaying] = useState(false);
  const [exportProblem, setExportProblem] = useState<string | null>(null);

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
      setExportProblem(e instanceof Error ? e.message : String(e));
    }
  };

  const pc = record.pc;
  const ric = record.ricKm;
  const cmp = record.comparison;
  return (
    <section className="panel encounter" role="region" aria-label="Encounter">
      <header>
        <h2>Encounter</h2>
        <button
          type="button"
          className="close"
          aria-label="Close encounter"
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
        <dt>Miss</dt>
        <dd data-field="miss">
          {formatMiss(record.rangeKm)} at {record.relSpeedKmS.toFixed(3)} km/s
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
        <dt>{pc?.kind === 'maximum' ? 'Maximum Pc' : 'Pc'}</dt>
        <dd data-field="pc">
          <strong>{pc ? formatPc(pc.value) : '—'}</strong>
          {pc?.kind === 'maximum' && <span className="max-tag"> max</span>}
          {!pc && record.pcProblem && <span className="muted"> {record.pcProblem}</span>}
        </dd>
        {pc && (
          <>
            <dt>Method</dt>
            <dd data-field="method">
              {pc.method}
              {pc.kind === 'maximum' && (
                <span className="muted"> — covariance unknown; worst case over its scale</span>
              )}
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
                  {pc.hbrM} m <span className="muted">({pc.hbrSource ?? 'source'})</span>
                </dd>
              </>
            )}
            {pc.crossCheck !== undefined && (
              <>
                <dt>Square</dt>
                <dd>{formatPc(pc.crossCheck)}</dd>
              </>
            )}
            {pc.reported !== undefined && formatPc(pc.reported) !== formatPc(pc.value) && (
              <>
                <dt>Reported</dt>
                <dd>{formatPc(pc.reported)}</dd>
              </>
            )}
          </>
        )}
        {plane?.sigmaMajorM !== undefined && (
          <>
            <dt>σ plane</dt>
            <dd>
              {plane.sigmaMajorM.toFixed(1)} × {plane.sigmaMinorM!.toFixed(1)} m
            </dd>
          </>
        )}
        {cmp && (
          <>
            <dt>Our SGP4</dt>
            <dd data-field="comparison">
              {cmp.ok
                ? `ΔTCA ${(cmp.dTcaMs / 1000).toFixed(3)} s, Δmiss ${cmp.dRangeM.toFixed(0)} m (miss ${formatMiss(cmp.rangeKm)})`
                : `not compared: ${cmp.reason}`}
            </dd>
          </>
        )}
        <dt>Source</dt>
        <dd>
          {SOURCE_LABEL[record.source]} <span className="muted">{record.sourceLabel}</span>
          {record.states && <span className="muted"> · states {record.states.frame}</span>}
        </dd>
      </dl>
      <div className="encounter-scrub">
        <input
          type="range"
          aria-label="Encounter time"
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
          title="Replay the approach from TCA − 10 min to TCA + 10 min at 10×"
        >
          Animate ×{REPLAY_RATE}
        </button>
        <button
          type="button"
          aria-label="Go to TCA"
          onClick={() => {
            clock.pause();
            clock.setTime(record.tcaMs);
          }}
        >
          TCA
        </button>
        <button type="button" onClick={exportCdm}>
          Export CDM
        </button>
      </div>
      {exportProblem && <p className="muted">Cannot export: {exportProblem}</p>}
      {series && <RangeChart series={series} thresholdKm={THRESHOLD_KM} nowOffsetS={offsetS} />}
      {plane ? (
        <>
          <BPlaneChart view={plane} />
          {hardBodyTooSmallToSee(plane) && (
            <p className="muted">
              Hard-body circle ({plane.hbrM} m) is smaller than a pixel at this scale (plot ±
              {formatMiss(plane.halfSpanM / 1000)}).
            </p>
          )}
          {!plane.ellipses.length && (
            <p className="muted">Covariances not known: no uncertainty ellipses.</p>
          )}
        </>
      ) : (
        <p className="muted">No states at TCA: the objects are not in the loaded catalog.</p>
      )}
    </section>
  );
}
