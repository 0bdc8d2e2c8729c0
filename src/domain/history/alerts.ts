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
  /** One line in English: what changed (probability or miss, before → after, the rule). */
  change: string;
  /** The same as data, for the interface to word. */
  changeData: AlertChange;
}

/** Which threshold the new level answers to. */
export type AlertRule = 'red' | 'yellow' | 'belowYellow' | 'yellowMiss' | 'greenMiss';

export interface AlertChange {
  /** Judged by the covariance Pc, or by the miss distance (maximum Pc only). */
  by: 'pc' | 'miss';
  /** The previous update's value (null: it had no Pc); absent when the event first appears. */
  before?: number | null;
  after: number | null;
  rule: AlertRule;
  thresholds: AlertThresholds;
}

/** A Pc as 1.2e-5, a miss as 0.123 km, in every language; null when there is no Pc. */
export const alertValueText = (by: AlertChange['by'], x: number | null): string | null =>
  x === null ? null : by === 'pc' ? x.toExponential(1) : `${x.toFixed(3)} km`;

const RULES: Record<AlertRule, (t: AlertThresholds) => string> = {
  red: (t) => `red ≥ ${t.redPc}`,
  yellow: (t) => `yellow ≥ ${t.yellowPc}`,
  belowYellow: (t) => `below yellow ${t.yellowPc}`,
  yellowMiss: (t) => `yellow: miss ≤ ${t.missKm} km, maximum Pc only`,
  greenMiss: (t) => `green: miss > ${t.missKm} km or maximum Pc < ${t.yellowPc}`,
};

/** "Pc 3.0e-6 → 2.0e-4 (red ≥ 0.0001)" or "appeared at miss 0.500 km (yellow: …)". */
export function alertChangeText(c: AlertChange): string {
  const label = c.by === 'pc' ? 'Pc' : 'miss';
  const value = (x: number | null) => alertValueText(c.by, x) ?? 'none';
  const rule = RULES[c.rule](c.thresholds);
  if (c.before === undefined) return `appeared at ${label} ${value(c.after)} (${rule})`;
  return `${label} ${value(c.before)} → ${value(c.after)} (${rule})`;
}

function describe(
  prev: EventUpdate | undefined,
  u: EventUpdate,
  to: AlertLevel,
  t: AlertThresholds,
): AlertChange {
  const byPc = u.pcKind === 'covariance' && u.pc !== undefined;
  const rule: AlertRule = byPc
    ? to === 'red'
      ? 'red'
      : to === 'yellow'
        ? 'yellow'
        : 'belowYellow'
    : to === 'yellow'
      ? 'yellowMiss'
      : 'greenMiss';
  const value = (x: EventUpdate) => (byPc ? (x.pc ?? null) : x.missKm);
  const change: AlertChange = { by: byPc ? 'pc' : 'miss', after: value(u), rule, thresholds: t };
  return prev ? { ...change, before: value(prev) } : change;
}

const changeOf = (changeData: AlertChange) => ({ change: alertChangeText(changeData), changeData });

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
        ...changeOf(describe(prev, u, to, t)),
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
