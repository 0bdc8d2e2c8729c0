// One row of the event list: what the columns, sorting and filters need, computed once per event.
import { alertLevel, type AlertLevel, alertsFor, type AlertThresholds } from './alerts';
import { latestUpdate } from './merge';
import { changeSincePrevious, eventStatus, peakPc, type PeakPc, type UpdateChange } from './status';
import type { ConjunctionEventHistory, EventStatus, EventUpdate } from './types';

export interface EventSummary {
  eventId: string;
  status: EventStatus;
  updateCount: number;
  latest: EventUpdate;
  change?: UpdateChange;
  peak?: PeakPc;
  /** The latest update's alert level. */
  level: AlertLevel;
  /** Alerts of this event not yet acknowledged. */
  unacknowledged: number;
}

export function eventSummary(
  h: ConjunctionEventHistory,
  nowMs: number,
  thresholds: AlertThresholds,
): EventSummary {
  const latest = latestUpdate(h);
  const acked = new Set(h.acknowledgements.map((a) => a.alertId));
  return {
    eventId: h.eventId,
    status: eventStatus(h, nowMs),
    updateCount: h.updates.length,
    latest,
    change: changeSincePrevious(h),
    peak: peakPc(h),
    level: alertLevel(latest, thresholds),
    unacknowledged: alertsFor(h, thresholds).filter((a) => !acked.has(a.alertId)).length,
  };
}
