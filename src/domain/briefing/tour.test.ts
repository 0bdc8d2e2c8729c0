import { describe, expect, it } from 'vitest';
import { addressIssueText } from '../addressIssues';
import {
  DEFAULT_TOUR,
  eventTitle,
  planTour,
  stepIndex,
  tourSettingsFromSearch,
  watchedEvents,
  type TourEvent,
} from './tour';

const events: TourEvent[] = [
  {
    key: 'a',
    tcaMs: Date.UTC(2024, 10, 1, 3, 4, 5, 678),
    name1: 'ISS (ZARYA)',
    name2: 'FENGYUN 1C DEB',
    rangeKm: 0.215,
    pc: { value: 1.23e-4, kind: 'covariance' },
  },
  {
    key: 'b',
    tcaMs: Date.UTC(2024, 10, 2),
    name1: 'A',
    name2: 'B',
    rangeKm: 3.5,
    pc: { value: 2e-6, kind: 'maximum' },
  },
  { key: 'c', tcaMs: Date.UTC(2024, 10, 3), name1: 'C', name2: 'D', rangeKm: 1.2 },
];

describe('planTour', () => {
  it('visits the top events in the given order, then notifications by window start', () => {
    const stops = planTour(
      events,
      [
        { id: 'N2', party: 'X', windowStartMs: Date.UTC(2024, 10, 5) },
        { id: 'N1', party: 'Y', windowStartMs: Date.UTC(2024, 10, 4) },
      ],
      { ...DEFAULT_TOUR, top: 2 },
    );
    expect(stops.map((s) => (s.kind === 'event' ? s.key : s.id))).toEqual(['a', 'b', 'N1', 'N2']);
    expect(stops[2].title).toBe('Launch notification N1 (Y) · window opens 2024-11-04 00:00 UTC');
  });

  it('titles an event with names, TCA to the millisecond, miss and the kind of Pc', () => {
    expect(eventTitle(events[0])).toBe(
      'ISS (ZARYA) × FENGYUN 1C DEB · TCA 03:04:05.678 UTC · miss 215 m · Pc 1.2e-4',
    );
    expect(eventTitle(events[1])).toBe(
      'A × B · TCA 00:00:00.000 UTC · miss 3.50 km · max Pc 2.0e-6',
    );
    expect(eventTitle(events[2])).not.toContain('Pc');
  });
});

describe('tour settings and stepping', () => {
  it('reads ranking, count, dwell and kiosk from the address, reporting bad values', () => {
    const { settings, issues } = tourSettingsFromSearch('?tour=miss&top=5&dwell=20&kiosk=1');
    expect(settings).toMatchObject({ rankBy: 'miss', top: 5, dwellMs: 20_000, kiosk: true });
    expect(issues).toEqual([]);
    const bad = tourSettingsFromSearch('?tour=random&top=0&dwell=1');
    expect(bad.settings).toEqual(DEFAULT_TOUR);
    expect(bad.issues).toEqual([
      { code: 'badTour', values: { value: 'random' } },
      { code: 'badTop', values: { value: '0' } },
      { code: 'badDwell', values: { value: '1' } },
    ]);
    expect(bad.issues.map(addressIssueText)).toEqual([
      'Ignored tour=random: expected pc or miss',
      'Ignored top=0: expected a whole number from 1 to 100',
      'Ignored dwell=1: expected seconds from 2 to 600',
    ]);
  });

  it("watch=1 keeps only the watch list's events, in the ranking given", () => {
    const { settings, issues } = tourSettingsFromSearch('?tour=pc&watch=1');
    expect(settings).toMatchObject({ rankBy: 'pc', watchOnly: true });
    expect(issues).toEqual([]);
    expect(tourSettingsFromSearch('?watch=yes').issues.map(addressIssueText)).toEqual([
      'Ignored watch=yes: expected 1 (watch-list events only) or 0',
    ]);
    const ranked = [
      { ...events[0], id1: 25544, id2: 30000 },
      { ...events[1], id1: 1, id2: 2 },
      { ...events[2], id1: 40000, id2: 25544 },
      { ...events[2], key: 'd', id1: null, id2: null },
    ];
    expect(watchedEvents(ranked, new Set([25544])).map((e) => e.key)).toEqual(['a', 'c']);
    expect(watchedEvents(ranked, new Set([2])).map((e) => e.key)).toEqual(['b']);
    expect(watchedEvents(ranked, new Set())).toEqual([]);
  });

  it('wraps at both ends and starts at the first stop', () => {
    expect(stepIndex(-1, 1, 3)).toBe(0);
    expect(stepIndex(-1, -1, 3)).toBe(2);
    expect(stepIndex(2, 1, 3)).toBe(0);
    expect(stepIndex(0, -1, 3)).toBe(2);
    expect(stepIndex(0, 1, 0)).toBe(-1);
  });
});
