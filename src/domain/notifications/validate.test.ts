import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  parseNotificationText,
  sortByWindowStart,
  toNotificationDocument,
  toNotificationJson,
} from './parse';
import { notificationIssue } from './issues';
import { NotificationFormatError } from './types';
import { checkNotification, describeRejection } from './validate';

const valid = {
  id: 'US-2024-191',
  party: 'United States',
  kind: 'space-launch',
  vehicle: 'Falcon 9',
  site: { siteId: 'cape-canaveral' },
  window: { start: '2024-10-31T11:30:00Z', end: '2024-10-31T15:30:00Z' },
  azimuthDeg: { min: 45, max: 60 },
  hazardAreas: [
    {
      name: 'Booster drop zone',
      kind: 'impact',
      polygon: [
        [-76.5, 31.2],
        [-75.5, 31.9],
        [-75.0, 31.4],
        [-76.0, 30.7],
        [-76.5, 31.2],
      ],
    },
  ],
  targetOrbit: { inclinationDeg: 43, altitudeKm: 550 },
  intlDesignator: '2024-191',
  remarks: 'Starlink group 10',
};

const issuesOf = (v: unknown) => {
  const r = checkNotification(v);
  if (r.ok) throw new Error('expected a rejection');
  // The field and the English; each code's wording is tested in src/ui/notificationMessages.test.ts.
  return r.issues.map(({ field, reason }) => ({ field, reason }));
};
const withField = (patch: Record<string, unknown>) => ({ ...valid, ...patch });

describe('notification checks', () => {
  it('accepts a complete notification and resolves the built-in site', () => {
    const r = checkNotification(valid);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.notification).toMatchObject({
      id: 'US-2024-191',
      kind: 'space-launch',
      site: { siteId: 'cape-canaveral', name: 'Cape Canaveral SFS', latDeg: 28.56, lonDeg: -80.58 },
      windowStartMs: Date.UTC(2024, 9, 31, 11, 30),
      windowEndMs: Date.UTC(2024, 9, 31, 15, 30),
      azimuth: { minDeg: 45, maxDeg: 60 },
      targetOrbit: { inclinationDeg: 43, altitudeKm: 550 },
      intlDesignator: '2024-191',
    });
    expect(r.notification.hazardAreas[0]).toMatchObject({
      name: 'Booster drop zone',
      kind: 'impact',
    });
    expect(r.notification.hazardAreas[0].polygon).toHaveLength(5);
  });

  it('accepts explicit coordinates and a single azimuth; minutes-only times', () => {
    const r = checkNotification({
      id: 'x1',
      party: 'P',
      kind: 'ballistic-missile-test',
      site: { latDeg: 48.5, lonDeg: 45.8, name: 'Range pad' },
      window: { start: '2024-11-01T00:00Z', end: '2024-11-01T01:00Z' },
      azimuthDeg: 0,
    });
    expect(r.ok && r.notification).toMatchObject({
      site: { name: 'Range pad', latDeg: 48.5, lonDeg: 45.8 },
      azimuth: { minDeg: 0, maxDeg: 0 },
      hazardAreas: [],
      windowStartMs: Date.UTC(2024, 10, 1),
    });
  });

  it('rejects an unknown site, naming site.siteId and suggesting ids', () => {
    expect(issuesOf(withField({ site: { siteId: 'baikonour' } }))).toEqual([
      {
        field: 'site.siteId',
        reason: expect.stringMatching(
          /^unknown launch site "baikonour" \(did you mean baikonur\?\).*latDeg and lonDeg/,
        ),
      },
    ]);
    expect(
      issuesOf(withField({ site: { siteId: 'cape-canaveral', latDeg: 1, lonDeg: 2 } }))[0],
    ).toEqual({
      field: 'site',
      reason: 'give either siteId or latDeg/lonDeg, not both',
    });
    expect(issuesOf(withField({ site: { latDeg: 91, lonDeg: 0 } }))).toEqual([
      { field: 'site.latDeg', reason: '91 is outside -90–90' },
    ]);
  });

  it('rejects an inverted window, naming window', () => {
    expect(
      issuesOf(
        withField({ window: { start: '2024-10-31T15:00:00Z', end: '2024-10-31T12:00:00Z' } }),
      ),
    ).toEqual([
      {
        field: 'window',
        reason: 'inverted: end 2024-10-31T12:00:00Z is not after start 2024-10-31T15:00:00Z',
      },
    ]);
    expect(
      issuesOf(
        withField({ window: { start: '2024-10-31T12:00:00Z', end: '2024-10-31T12:00:00Z' } }),
      )[0].field,
    ).toBe('window');
  });

  it('rejects times that are not ISO 8601 UTC', () => {
    const issues = issuesOf(
      withField({ window: { start: '2024-10-31 12:00', end: '2024-10-31T13:00:00+02:00' } }),
    );
    expect(issues.map((i) => i.field)).toEqual(['window.start', 'window.end']);
    expect(issues[0].reason).toBe(
      '"2024-10-31 12:00" is not an ISO 8601 UTC time (e.g. 2024-10-31T12:00:00Z)',
    );
    expect(
      issuesOf(
        withField({ window: { start: '2024-02-30T00:00:00Z', end: '2024-03-01T00:00:00Z' } }),
      )[0].field,
    ).toBe('window.start');
  });

  it('rejects an azimuth outside 0–360°, naming the field', () => {
    expect(issuesOf(withField({ azimuthDeg: 360 }))).toEqual([
      { field: 'azimuthDeg', reason: '360 is outside 0–360 (exclusive)' },
    ]);
    expect(issuesOf(withField({ azimuthDeg: { min: -5, max: 20 } }))).toEqual([
      { field: 'azimuthDeg.min', reason: '-5 is outside 0–360 (exclusive)' },
    ]);
    expect(issuesOf(withField({ azimuthDeg: '45' }))).toEqual([
      { field: 'azimuthDeg', reason: 'expected a number or {"min": …, "max": …}, got "45"' },
    ]);
  });

  it('rejects a polygon that does not close, naming hazardAreas[i].polygon', () => {
    const open = [
      [10, 10],
      [11, 10],
      [11, 11],
      [10, 11],
    ];
    expect(issuesOf(withField({ hazardAreas: [{ polygon: open }] }))).toEqual([
      {
        field: 'hazardAreas[0].polygon',
        reason: 'does not close: the first point [10, 10] differs from the last [10, 11]',
      },
    ]);
    expect(
      issuesOf(
        withField({
          hazardAreas: [
            valid.hazardAreas[0],
            {
              polygon: [
                [1, 1],
                [2, 2],
                [1, 1],
              ],
            },
          ],
        }),
      ),
    ).toEqual([
      {
        field: 'hazardAreas[1].polygon',
        reason: 'has 3 points; a closed ring needs at least 4 (first = last)',
      },
    ]);
    expect(
      issuesOf(
        withField({
          hazardAreas: [
            {
              polygon: [
                [1, 1],
                [200, 2],
                [2, 3],
                [1, 1],
              ],
            },
          ],
        }),
      ),
    ).toEqual([{ field: 'hazardAreas[0].polygon[1][0]', reason: '200 is outside -180–180' }]);
    expect(
      issuesOf(
        withField({
          hazardAreas: [
            {
              polygon: [
                [1, 1],
                [2, 2],
                [1, 1],
                [1, 1],
              ],
            },
          ],
        }),
      )[0].reason,
    ).toBe('has fewer than 3 distinct points');
  });

  it('rejects unknown kinds, unknown fields, missing fields and bad designators, all at once', () => {
    const issues = issuesOf({
      id: 'bad one',
      kind: 'missile',
      azimuth: 45,
      site: { siteId: 'kourou' },
      window: { start: '2024-10-31T11:30:00Z', end: '2024-10-31T15:30:00Z' },
      azimuthDeg: 90,
      intlDesignator: '24191',
    });
    expect(issues).toEqual([
      {
        field: 'azimuth',
        reason: expect.stringMatching(/^unknown field \(allowed: id, party, kind/),
      },
      { field: 'party', reason: 'is required' },
      {
        field: 'id',
        reason: expect.stringMatching(/^"bad one" must start with a letter or digit/),
      },
      {
        field: 'kind',
        reason: 'expected one of space-launch, ballistic-missile-test, other, got "missile"',
      },
      {
        field: 'intlDesignator',
        reason: expect.stringMatching(/^"24191" is not an international designator/),
      },
    ]);
  });

  it('describes a rejection with notification index, id, field and reason', () => {
    expect(
      describeRejection({
        index: 2,
        id: 'X-1',
        issues: [notificationIssue('window', 'windowInverted', { end: 'b', start: 'a' })],
      }),
    ).toBe('notification 2 (id X-1): window: inverted: end b is not after start a');
    expect(
      describeRejection({
        index: 3,
        line: 4,
        issues: [notificationIssue('party', 'required'), notificationIssue('remarks', 'empty')],
      }),
    ).toBe('notification 3, line 4: party: is required; remarks: is empty');
  });
});

describe('notification files', () => {
  it('loads the valid notifications of a file and reports the others by index and id', () => {
    const file = JSON.stringify({
      schemaVersion: 1,
      notifications: [
        valid,
        withField({
          id: 'B',
          window: { start: '2024-10-31T15:00:00Z', end: '2024-10-31T12:00:00Z' },
        }),
        withField({ id: 'C', site: { siteId: 'nowhere' } }),
        withField({ id: 'D', azimuthDeg: 400 }),
        withField({ id: 'US-2024-191' }),
      ],
    });
    const parsed = parseNotificationText(file);
    expect(parsed.format).toBe('JSON');
    expect(parsed.notifications.map((n) => n.id)).toEqual(['US-2024-191']);
    expect(parsed.rejected.map((r) => [r.index, r.id, r.issues[0].field])).toEqual([
      [2, 'B', 'window'],
      [3, 'C', 'site.siteId'],
      [4, 'D', 'azimuthDeg'],
      [5, 'US-2024-191', 'id'],
    ]);
  });

  it('accepts a bare array or a single notification', () => {
    expect(parseNotificationText(JSON.stringify([valid])).notifications).toHaveLength(1);
    expect(parseNotificationText(JSON.stringify(valid)).notifications).toHaveLength(1);
  });

  it('refuses files that are not notifications at all', () => {
    const fails = (text: string) => {
      try {
        parseNotificationText(text);
      } catch (error) {
        expect(error).toBeInstanceOf(NotificationFormatError);
        return (error as Error).message;
      }
      throw new Error('expected a format error');
    };
    expect(fails('{"notifications": [')).toMatch(/^not valid JSON/);
    expect(fails('')).toBe('the file is empty');
    expect(fails('<html>502</html>')).toMatch(/HTML/);
    expect(fails('{"foo": 1}')).toMatch(/expected a notification/);
    expect(fails('{"schemaVersion": 2, "notifications": []}')).toMatch(
      /schemaVersion 2 is not supported/,
    );
    expect(fails('{"notifications": [], "extra": 1}')).toMatch(/unknown top-level field "extra"/);
    expect(fails('ISS (ZARYA)\n1 25544U')).toMatch(/neither JSON nor notification CSV/);
  });

  it('round-trips through the JSON form (export, then load)', () => {
    const first = parseNotificationText(
      JSON.stringify([
        valid,
        withField({ id: 'E', site: { latDeg: 1.5, lonDeg: 2.5, name: 'Pad' }, azimuthDeg: 97 }),
      ]),
    );
    const doc = toNotificationDocument(first.notifications);
    expect(doc.schemaVersion).toBe(1);
    expect(doc.notifications[0].window).toEqual({
      start: '2024-10-31T11:30:00Z',
      end: '2024-10-31T15:30:00Z',
    });
    const again = parseNotificationText(JSON.stringify(doc));
    expect(again.rejected).toEqual([]);
    expect(again.notifications).toEqual(sortByWindowStart(first.notifications));
    expect(toNotificationJson(first.notifications[1]).site).toEqual({
      latDeg: 1.5,
      lonDeg: 2.5,
      name: 'Pad',
    });
  });
});

describe('notification CSV', () => {
  const header =
    'id,party,kind,vehicle,siteId,latDeg,lonDeg,siteName,windowStart,windowEnd,azimuthDeg,azimuthMinDeg,azimuthMaxDeg,inclinationDeg,altitudeKm,intlDesignator,remarks';

  it('reads the core fields, by column name', () => {
    const text = [
      header,
      'A-1,United States,space-launch,Falcon 9,cape-canaveral,,,,2024-10-31T11:30:00Z,2024-10-31T15:30:00Z,,45,60,43,550,2024-191,"Starlink, group 10"',
      'B-2,Russian Federation,ballistic-missile-test,,,48.5,45.8,Range pad,2024-11-01T00:00:00Z,2024-11-01T01:00:00Z,90,,,,,,',
    ].join('\n');
    const parsed = parseNotificationText(text);
    expect(parsed.format).toBe('CSV');
    expect(parsed.rejected).toEqual([]);
    expect(parsed.notifications[0]).toMatchObject({
      id: 'A-1',
      vehicle: 'Falcon 9',
      site: { siteId: 'cape-canaveral' },
      azimuth: { minDeg: 45, maxDeg: 60 },
      targetOrbit: { inclinationDeg: 43, altitudeKm: 550 },
      intlDesignator: '2024-191',
      remarks: 'Starlink, group 10',
    });
    expect(parsed.notifications[1]).toMatchObject({
      site: { name: 'Range pad', latDeg: 48.5, lonDeg: 45.8 },
      azimuth: { minDeg: 90, maxDeg: 90 },
    });
    expect(parsed.notifications[1].vehicle).toBeUndefined();
  });

  it('reports bad rows by row, line, id and column; good rows still load', () => {
    const text = [
      'id,party,kind,siteId,windowStart,windowEnd,azimuthDeg',
      'A,P,space-launch,kourou,2024-10-31T11:30:00Z,2024-10-31T15:30:00Z,90',
      'B,P,space-launch,kourou,2024-10-31T15:30:00Z,2024-10-31T11:30:00Z,90',
      'C,P,space-launch,atlantis,2024-10-31T11:30:00Z,2024-10-31T15:30:00Z,ninety',
      'D,P,space-launch,kourou,2024-10-31T11:30:00Z',
    ].join('\r\n');
    const parsed = parseNotificationText(text);
    expect(parsed.notifications.map((n) => n.id)).toEqual(['A']);
    expect(
      parsed.rejected.map((r) => [r.index, r.line, r.id, r.issues.map((i) => i.field)]),
    ).toEqual([
      [2, 3, 'B', ['windowStart/windowEnd']],
      [3, 4, 'C', ['siteId', 'azimuthDeg']],
      [4, 5, 'D', ['(row)', 'azimuthDeg', 'windowEnd']],
    ]);
  });

  it('refuses an unknown or missing column', () => {
    expect(() => parseNotificationText('id,party,kind,windowStart,windowEnd,azimuth\n')).toThrow(
      /unknown CSV column "azimuth"/,
    );
    expect(() => parseNotificationText('id,kind,windowStart,windowEnd\n')).toThrow(
      /missing CSV column party/,
    );
  });
});

describe('the end-to-end fixtures', () => {
  const fixture = (name: string) =>
    readFileSync(resolve(__dirname, '../../../e2e/fixtures', name), 'utf8');

  it('notifications.json is entirely valid', () => {
    const parsed = parseNotificationText(fixture('notifications.json'));
    expect(parsed.rejected).toEqual([]);
    expect(sortByWindowStart(parsed.notifications).map((n) => n.id)).toEqual([
      'RU-2024-197',
      'US-2024-191',
      'RU-BMT-2024-11',
    ]);
  });

  it('notifications-invalid.json has one valid notification and two rejected', () => {
    const parsed = parseNotificationText(fixture('notifications-invalid.json'));
    expect(parsed.notifications.map((n) => n.id)).toEqual(['FR-2024-12']);
    expect(parsed.rejected.map((r) => [r.index, r.id, r.issues.map((i) => i.field)])).toEqual([
      [1, 'BAD-WINDOW', ['window', 'hazardAreas[0].polygon']],
      [2, 'BAD-SITE', ['site.siteId', 'azimuthDeg']],
    ]);
  });
});
