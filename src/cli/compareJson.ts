// `screen --ephemeris nominal.oem --compare planned.oem`: the JSON of the nominal-against-planned
// comparison (see domain/screening/compare): events the manoeuvre keeps (with the change of TCA,
// miss distance and Pc), removes and adds, and the worst of each trajectory.
import type { ComparedEvent, ManoeuvreComparison, WorstOf } from '../domain/screening/compare';
import type { EphemerisCoverage } from '../domain/screening/types';
import { formatIsoMs } from '../domain/time/iso';

const r6 = (x: number) => Math.round(x * 1e6) / 1e6;

function eventJson(e: ComparedEvent) {
  return {
    otherId: e.otherId,
    otherName: e.otherName,
    tca: formatIsoMs(e.tcaMs),
    rangeKm: r6(e.rangeKm),
    relSpeedKmS: r6(e.relSpeedKmS),
    ...(e.pc !== null ? { pc: e.pc, pcMax: e.pcMax, pcLabel: e.pcLabel } : {}),
  };
}

const worstJson = (w: WorstOf) => ({
  events: w.events,
  minRangeKm: w.minRangeKm === null ? null : r6(w.minRangeKm),
  maxPc: w.maxPc,
  maxPcMax: w.maxPcMax,
});

const screenedJson = (c: EphemerisCoverage | undefined) =>
  (c?.screenedMs ?? []).map(([a, b]) => [formatIsoMs(a), formatIsoMs(b)]);

export function comparisonJson(
  c: ManoeuvreComparison,
  run: {
    startMs: number;
    endMs: number;
    name: string;
    nominal: { label: string; coverage?: EphemerisCoverage; flags: number };
    planned: { label: string; coverage?: EphemerisCoverage; flags: number };
    timing: Record<string, number>;
  },
): string {
  return `${JSON.stringify({
    start: formatIsoMs(run.startMs),
    end: formatIsoMs(run.endMs),
    object: { id: c.objectId, name: run.name },
    nominal: {
      label: run.nominal.label,
      screened: screenedJson(run.nominal.coverage),
      flags: run.nominal.flags,
    },
    planned: {
      label: run.planned.label,
      screened: screenedJson(run.planned.coverage),
      flags: run.planned.flags,
    },
    pairingToleranceS: c.toleranceS,
    worst: { nominal: worstJson(c.worst.nominal), planned: worstJson(c.worst.planned) },
    removed: c.removed.map(eventJson),
    added: c.added.map(eventJson),
    kept: c.kept.map((k) => ({
      otherId: k.nominal.otherId,
      otherName: k.nominal.otherName,
      tcaShiftS: r6(k.tcaShiftS),
      rangeChangeKm: r6(k.rangeChangeKm),
      nominal: eventJson(k.nominal),
      planned: eventJson(k.planned),
    })),
    timing: run.timing,
  })}\n`;
}
