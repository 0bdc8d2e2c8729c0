// Under the screening form: where each ephemeris primary was screened from its file, and, when a
// planned manoeuvre is loaded beside its nominal, the two runs side by side — the events the
// manoeuvre removes, adds and keeps (with the change), and the worst of each.
import { useTranslation } from 'react-i18next';
import type { ComparedEvent, WorstOf } from '../domain/screening/compare';
import type { EphemerisCoverage } from '../domain/screening/types';
import type { ScreeningRunSummary } from '../state/screeningStore';
import { formatMiss, formatPc, formatTca } from './ConjunctionFormat';
import { formatUtc } from './format';

export function ScreenedIntervals({ coverage }: { coverage: readonly EphemerisCoverage[] }) {
  const { t } = useTranslation();
  if (coverage.length === 0) return null;
  return (
    <div className="screening-results" data-testid="screened-intervals">
      <strong>{t('screening.screenedTitle')}</strong>
      <ul>
        {coverage.map((c, i) => (
          <li key={i}>
            {t('screening.screenedSpan', {
              label: c.label,
              spans: c.screenedMs.length
                ? c.screenedMs.map(([a, b]) => `${formatUtc(a)} – ${formatUtc(b)}`).join(', ')
                : t('screening.noPartOfWindow'),
            })}
            ; {c.standsIn ? t('screening.elsewhereSgp4') : t('screening.elsewhereNone')}
          </li>
        ))}
      </ul>
    </div>
  );
}

function PcText({ e }: { e: ComparedEvent }) {
  const { t } = useTranslation();
  if (e.pc === null) return <>—</>;
  return (
    <span title={e.pcLabel ?? undefined}>
      {t('screening.pcWithMax', { pc: formatPc(e.pc), pcMax: formatPc(e.pcMax ?? undefined) })}
    </span>
  );
}

function EventCell({ e }: { e: ComparedEvent | null }) {
  if (!e) return <td>—</td>;
  return (
    <td>
      {formatTca(e.tcaMs)} · {formatMiss(e.rangeKm)} · <PcText e={e} />
    </td>
  );
}

const signed = (x: number, digits: number) => `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(digits)}`;

export function ManoeuvreComparisonView({
  comparison,
}: {
  comparison: NonNullable<ScreeningRunSummary['comparison']>;
}) {
  const { t } = useTranslation();
  const { result } = comparison;
  const worst = (w: WorstOf) =>
    w.events === 0
      ? t('screening.noEvents')
      : t('screening.worstOf', {
          events: w.events,
          miss: formatMiss(w.minRangeKm ?? NaN),
          pc: formatPc(w.maxPc ?? undefined),
          pcMax: formatPc(w.maxPcMax ?? undefined),
        });
  const rows = [
    ...result.removed.map((e) => ({ tcaMs: e.tcaMs, other: e, nominal: e, planned: null })),
    ...result.added.map((e) => ({ tcaMs: e.tcaMs, other: e, nominal: null, planned: e })),
    ...result.kept.map((k) => ({
      tcaMs: k.nominal.tcaMs,
      other: k.nominal,
      nominal: k.nominal,
      planned: k.planned,
      change: t('screening.changed', {
        miss: `${signed(k.rangeChangeKm * 1000, 0)} m`,
        tca: signed(k.tcaShiftS, 1),
      }),
    })),
  ].sort((a, b) => a.tcaMs - b.tcaMs);
  return (
    <div className="screening-results" data-testid="manoeuvre-comparison">
      <strong>
        {t('screening.compareTitle', {
          planned: comparison.plannedFile,
          nominal: comparison.nominalFile,
          name: comparison.objectName,
        })}
      </strong>
      <p data-field="compare-summary">
        {t('screening.compareSummary', {
          removed: result.removed.length,
          added: result.added.length,
          kept: result.kept.length,
        })}
      </p>
      <p data-field="compare-worst">
        {t('screening.worst', {
          nominal: worst(result.worst.nominal),
          planned: worst(result.worst.planned),
        })}
      </p>
      {rows.length > 0 && (
        <div className="screening-compare-table">
          <table>
            <thead>
              <tr>
                <th>{t('screening.colObject')}</th>
                <th>{t('screening.colChange')}</th>
                <th>{t('screening.colNominal')}</th>
                <th>{t('screening.colPlanned')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => {
                const kind = !r.planned ? 'removed' : !r.nominal ? 'added' : 'kept';
                return (
                  <tr key={`${kind}-${r.other.otherId}-${r.tcaMs}`} data-kind={kind}>
                    <td>
                      {r.other.otherName} ({r.other.otherId})
                    </td>
                    <td className={kind === 'added' ? 'warn' : undefined}>
                      {'change' in r ? r.change : t(`screening.${kind}`)}
                    </td>
                    <EventCell e={r.nominal} />
                    <EventCell e={r.planned} />
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
