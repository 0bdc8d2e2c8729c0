import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  eventStatus,
  latestUpdate,
  peakPc,
  type ConjunctionEventHistory,
  type EventUpdate,
} from '../domain/history';
import { useConjunctionStore } from '../state/conjunctionStore';
import { useHistoryStore } from '../state/historyStore';
import { formatMiss, formatPc, formatTca } from './ConjunctionFormat';
import { formatNumber } from './format';
import { i18n } from './i18n';
import { runLabelMessage } from './runLabels';
import { MissHistoryChart, PcHistoryChart, QualityHistoryChart } from './HistoryCharts';
import { useWallNow } from './useTicker';

const HOUR_MS = 3_600_000;

/** Time to TCA in days and hours: `TCA in 2 d 04 h`, `TCA 5 h ago`. */
export function formatTimeToTca(tcaMs: number, nowMs: number): string {
  const dt = tcaMs - nowMs;
  const h = Math.floor(Math.abs(dt) / HOUR_MS);
  const text =
    h >= 24
      ? i18n.t('history.daysHours', { d: Math.floor(h / 24), h: String(h % 24).padStart(2, '0') })
      : i18n.t('history.hours', { h });
  return i18n.t(dt >= 0 ? 'history.tcaIn' : 'history.tcaAgo', { text });
}

export function updateSource(u: EventUpdate): string {
  const o = u.origin;
  if (o.source === 'cdm') return `CDM ${o.originator} ${o.messageId}`;
  if (o.source === 'socrates') return `SOCRATES ${o.fileName}`;
  return u.record.run ? runLabelMessage(u.record.run) : o.runLabel;
}

/** The selected event's history beside the encounter panel: plots, then the updates as a table. */
export function HistoryView() {
  const selectedKey = useConjunctionStore((s) => s.selectedKey);
  const eventId = useHistoryStore((s) =>
    selectedKey === null ? undefined : s.rowEvents.get(selectedKey)?.eventId,
  );
  const history = useHistoryStore((s) => s.histories.find((h) => h.eventId === eventId));
  if (!history) return null;
  return <History key={history.eventId} history={history} />;
}

function History({ history: h }: { history: ConjunctionEventHistory }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const thresholds = useHistoryStore((s) => s.thresholds);
  const viewed = useHistoryStore((s) => s.viewed);
  const view = useHistoryStore((s) => s.view);
  const nowMs = useWallNow(30_000);
  const latest = latestUpdate(h);
  const peak = peakPc(h);
  const viewedId = viewed?.eventId === h.eventId ? viewed.updateId : latest.updateId;
  return (
    <section
      className={`panel history${open ? ' open' : ''}`}
      role="region"
      aria-label={t('history.label')}
    >
      <header>
        <button type="button" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? '▾' : '▸'} {t('history.toggle', { count: h.updates.length })}
        </button>
        <span className={`event-status status-${eventStatus(h, nowMs)}`}>
          {t(`eventStatus.${eventStatus(h, nowMs)}`)}
        </span>
      </header>
      {open && (
        <>
          <p className="history-facts">
            <span data-field="time-to-tca">{formatTimeToTca(latest.tcaMs, nowMs)}</span>
            {' · '}
            <span data-field="peak">
              {peak
                ? t(peak.passed ? 'history.peakPassed' : 'history.peakNotPassed', {
                    pc: `${formatPc(peak.pc)}${peak.kind === 'maximum' ? ` ${t('encounter.max')}` : ''}`,
                    n: h.updates.findIndex((u) => u.updateId === peak.updateId) + 1,
                  })
                : t('history.noProbability')}
            </span>
          </p>
          <PcHistoryChart history={h} thresholds={thresholds} peak={peak} />
          <MissHistoryChart history={h} />
          <QualityHistoryChart history={h} />
          <table className="history-updates" aria-label={t('history.updates')}>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{t('encounter.source')}</th>
                <th scope="col">{t('history.created')}</th>
                <th scope="col" className="num">
                  {t('history.tcaShift')}
                </th>
                <th scope="col" className="num">
                  {t('encounter.miss')}
                </th>
                <th scope="col" className="num">
                  Pc
                </th>
                <th scope="col">{t('encounter.method')}</th>
              </tr>
            </thead>
            <tbody>
              {h.updates.map((u, i) => {
                const shiftS = i ? (u.tcaMs - h.updates[i - 1].tcaMs) / 1000 : undefined;
                return (
                  <tr key={u.updateId} aria-selected={u.updateId === viewedId}>
                    <td>
                      {/* The encounter panel shows the chosen update's geometry. */}
                      <button
                        type="button"
                        aria-label={t('history.showUpdate', { n: i + 1 })}
                        aria-pressed={u.updateId === viewedId}
                        onClick={() =>
                          view(u === latest ? null : { eventId: h.eventId, updateId: u.updateId })
                        }
                      >
                        {i + 1}
                      </button>
                    </td>
                    <td className="source" title={updateSource(u)}>
                      {updateSource(u)}
                    </td>
                    <td>{formatTca(u.createdMs).slice(0, 16)}</td>
                    <td className="num">
                      {shiftS === undefined
                        ? '—'
                        : `${shiftS >= 0 ? '+' : ''}${formatNumber(shiftS, 3)} s`}
                    </td>
                    <td className="num">{formatMiss(u.missKm)}</td>
                    <td className="num">
                      {formatPc(u.pc)}
                      {u.pcKind === 'maximum' ? ` ${t('encounter.max')}` : ''}
                    </td>
                    <td>{u.pcMethod ?? '—'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
