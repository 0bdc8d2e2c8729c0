// Alerts: an event that appears above a threshold, or crosses one between updates.
//
// Level of one update (CARA's colours):
//  • with a covariance Pc: red at Pc ≥ redPc (1e-4), yellow at Pc ≥ yellowPc (1e-7), else green;
//  • maximum Pc only (or none): the probability cannot be judged, so the miss distance does —
//    yellow at miss ≤ missKm (1 km: about the in-track uncertainty of a days-old TLE), else green;
//    never red, since nothing is known of the covariance. A maximum Pc below yellowPc is green
//    whatever the miss: the true Pc cannot exceed it.
// An alert is raised by the first update when it is above green, and by every later update whose
// level differs from the update before (up or down). Its id is stable for the same update and
// levels, so an acknowledgement stays attached across reloads and recomputation.
import { runSteps, sortSteps, STEP_ITEMS, type Steps } from './merge';
import type { ConjunctionEventHistory, EventUpdate } from './types';

export type AlertLevel = 'green' | 'yellow' | 'red';

export interface AlertThresholds {
  redPc: number;
  yellowPc: number;
  /** Miss distance for events without a covariance Pc, km. */
  missKm: number;
}

export const DEFAULT_ALERT_THRESHOLDS: AlertThresholds = { redPc: 1e-4, yellowPc: 1e-7, missKm: 1 };

const RANK: Record<AlertLevel, number> = { green: 0, yellow: 1, red: 2 };

export function alertLevel(u: EventUpdate, t: AlertThresholds): AlertLevel {
  if (u.pcKind === 'covariance' && u.pc !== undefined) {
    return u.pc >= t.redPc ? 'red' : u.pc >= t.yellowPc ? 'yellow' : 'green';
  }
  if (u.pc !== undefined && u.pc < t.yellowPc) return 'green';
  return u.missKm <= t.missKm ? 'yellow' : 'green';
}

export interface EventAlert {
  /** `<eventId>|<updateId>|<from>><to>`: stable for the same update and levels. */
  alertId: string;
  eventId: string;
  updateId: string;
  /** The update's creation time, UTC ms. */
  atMs: number;
  fromLevel: AlertLevel;
  toLevel: AlertLevel;
  /** One line: what changed (probability or miss, before → after, the threshold crossed). */
  change: string;
}

const pcText = (pc: number | undefined) => (pc === undefined ? 'none' : pc.toExponential(1));
const kmText = (km: number) => `${km.toFixed(3)} km`;

function describe(
  prev: EventUpdate | undefined,
  u: EventUpdate,
  to: AlertLevel,
  t: AlertThresholds,
): string {
  const byPc = u.pcKind === 'covariance' && u.pc !== undefined;
  const rule = byPc
    ? to === 'red'
      ? `red ≥ ${t.redPc}`
      : to === 'yellow'
        ? `yellow ≥ ${t.yellowPc}`
        : `below yellow ${t.yellowPc}`
    : to === 'yellow'
      ? `yellow: miss ≤ ${t.missKm} km, maximum Pc only`
      : `green: miss > ${t.missKm} km or maximum Pc < ${t.yellowPc}`;
  const label = byPc ? 'Pc' : 'miss';
  const value = (x: EventUpdate) => (byPc ? pcText(x.pc) : kmText(x.missKm));
  if (!prev) return `appeared at ${label} ${value(u)} (${rule})`;
  return `${label} ${value(prev)} → ${value(u)} (${rule})`;
}

/** The event's alerts in update order (see the top of this file). */
export function alertsFor(h: ConjunctionEventHistory, t: AlertThresholds): EventAlert[] {
  const alerts: EventAlert[] = [];
  let prev: EventUpdate | undefined;
  let from: AlertLevel = 'green';
  for (const u of h.updates) {
    const to = alertLevel(u, t);
    if (to !== from) {
      alerts.push({
        alertId: `${h.eventId}|${u.updateId}|${from}>${to}`,
        eventId: h.eventId,
        updateId: u.updateId,
        atMs: u.createdMs,
        fromLevel: from,
        toLevel: to,
        change: describe(prev, u, to, t),
      });
    }
    prev = u;
    from = to;
  }
  return alerts;
}

/** True when the level went up (a raise) rather than down (an all-clear). */
export const isRaise = (a: EventAlert): boolean => RANK[a.toLevel] > RANK[a.fromLevel];

/** An alert as the alert list shows it: with its event's names and when it was acknowledged. */
export interface ListedAlert extends EventAlert {
  /** `<name 1> – <name 2>`. */
  names: string;
  /** Acknowledged at, UTC ms; absent: unacknowledged. */
  ackedAtMs?: number;
}

const newestFirst = (a: EventAlert, b: EventAlert) =>
  b.atMs - a.atMs || (a.alertId < b.alertId ? -1 : 1);

/** Every alert of non-archived events, acknowledged or not, newest first. */
export function alertList(
  histories: readonly ConjunctionEventHistory[],
  t: AlertThresholds,
): ListedAlert[] {
  return runSteps(alertListSteps(histories, t));
}

/** alertList in steps: a week of screening raises tens of thousands of alerts. */
export function* alertListSteps(
  histories: readonly ConjunctionEventHistory[],
  t: AlertThresholds,
): Steps<ListedAlert[]> {
  const out: ListedAlert[] = [];
  for (let i = 0; i < histories.length; i++) {
    if (i % STEP_ITEMS === STEP_ITEMS - 1) yield;
    const h = histories[i];
    if (h.archived) continue;
    const names = `${h.name1} – ${h.name2}`;
    for (const a of alertsFor(h, t)) {
      const ack = h.acknowledgements.find((x) => x.alertId === a.alertId);
      out.push(ack ? { ...a, names, ackedAtMs: ack.atMs } : { ...a, names });
    }
  }
  return yield* sortSteps(out, newestFirst);
}

/** The history with the alert acknowledged at atMs (once; a repeat changes nothing). */
export function acknowledgeAlert(
  h: ConjunctionEventHistory,
  alertId: string,
  atMs: number,
): ConjunctionEventHistory {
  if (h.acknowledgements.some((a) => a.alertId === alertId)) return h;
  return { ...h, acknowledgements: [...h.acknowledgements, { alertId, atMs }] };
}
