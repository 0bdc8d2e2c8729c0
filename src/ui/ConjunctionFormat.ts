import type { ConjunctionRecord, PcSummary } from '../domain/conjunctions';
import { i18n, locale } from './i18n';

/** A probability as the list shows it: three significant digits, e.g. 1.86e-5. */
export function formatPc(value: number | undefined): string {
  if (value === undefined || !Number.isFinite(value)) return '—';
  if (value === 0) return '0';
  return value.toExponential(2);
}

export function formatPcSummary(pc: PcSummary | undefined): string {
  if (!pc) return '—';
  return `${formatPc(pc.value)}${pc.kind === 'maximum' ? ` ${i18n.t('encounter.max')}` : ''}`;
}

/** A miss distance: metres below 10 km, else km (grouped in the reader's locale). */
export function formatMiss(km: number): string {
  if (!Number.isFinite(km)) return '—';
  return km < 10
    ? `${Math.round(km * 1000).toLocaleString(locale())} m`
    : `${km.toLocaleString(locale(), { maximumFractionDigits: 1 })} km`;
}

/** UTC with milliseconds, no date separators lost: 2024-10-31 10:40:12.345. */
export function formatTca(ms: number): string {
  return new Date(Math.round(ms)).toISOString().replace('T', ' ').slice(0, 23);
}

export function formatDse(r: ConjunctionRecord): string {
  const f = (d: number | undefined) => (d === undefined ? '—' : d.toFixed(1));
  return r.dse1 === undefined && r.dse2 === undefined ? '—' : `${f(r.dse1)} / ${f(r.dse2)}`;
}

export function download(text: string, name: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
