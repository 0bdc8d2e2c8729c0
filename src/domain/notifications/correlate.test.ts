import { describe, expect, it } from 'vitest';
import { correlatedObjects, designatorMatches } from './correlate';
import { notificationsInPeriod, notificationPhase, formatCountdown, FADE_AFTER_MS } from './timing';

describe('correlation by international designator', () => {
  it('a launch designator matches every piece of that launch and nothing else', () => {
    expect(designatorMatches('2026-123A', '2026-123')).toBe(true);
    expect(designatorMatches('2026-123B', '2026-123')).toBe(true);
    expect(designatorMatches('2026-123ABC', '2026-123')).toBe(true);
    expect(designatorMatches('2026-1234', '2026-123')).toBe(false);
    expect(designatorMatches('2026-123', '2026-123')).toBe(false); // not an object designator
    expect(designatorMatches('2026-12A', '2026-12')).toBe(false); // not a designator
    expect(designatorMatches('2025-123A', '2026-123')).toBe(false);
    expect(designatorMatches(' 2026-123c ', '2026-123')).toBe(true);
  });

  it('a designator with piece letters matches that object only', () => {
    expect(designatorMatches('2026-123A', '2026-123A')).toBe(true);
    expect(designatorMatches('2026-123AB', '2026-123A')).toBe(false);
  });

  it('lists the correlated catalog objects in catalog order', () => {
    const objects = [
      { objectId: '2024-191B', noradCatId: 61622 },
      { objectId: '1998-067A', noradCatId: 25544 },
      { objectId: '2024-191A', noradCatId: 61621 },
      { objectId: '2024-1910', noradCatId: 1 },
      { objectId: '', noradCatId: 2 },
    ];
    expect(correlatedObjects('2024-191', objects).map((o) => o.noradCatId)).toEqual([61622, 61621]);
    expect(correlatedObjects(undefined, objects)).toEqual([]);
  });
});

describe('timing', () => {
  const n = { id: 'a', windowStartMs: 10 * 3_600_000, windowEndMs: 12 * 3_600_000 };

  it('hidden before the window, full during it, fading over two hours after', () => {
    expect(notificationPhase(n, 0)).toEqual({ phase: 'before', opacity: 0 });
    expect(notificationPhase(n, n.windowStartMs)).toEqual({ phase: 'open', opacity: 1 });
    expect(notificationPhase(n, n.windowEndMs)).toEqual({ phase: 'open', opacity: 1 });
    expect(notificationPhase(n, n.windowEndMs + FADE_AFTER_MS / 4)).toEqual({
      phase: 'fading',
      opacity: 0.75,
    });
    expect(notificationPhase(n, n.windowEndMs + FADE_AFTER_MS)).toEqual({
      phase: 'over',
      opacity: 0,
    });
  });

  it('counts down in days, hours and minutes', () => {
    const start = Date.UTC(2024, 9, 31, 12);
    expect(formatCountdown(start - (3 * 60 + 12) * 60_000 - 5_000, start)).toBe('T−3 h 12 min');
    expect(formatCountdown(start - 59_000, start)).toBe('T−0 min');
    expect(formatCountdown(start - (50 * 60 + 30) * 60_000, start)).toBe('T−2 d 2 h');
    expect(formatCountdown(start + 25 * 60_000, start)).toBe('T+25 min');
  });

  it('finds the notifications whose windows overlap a period, sorted by start', () => {
    const list = [
      { id: 'late', windowStartMs: 50, windowEndMs: 60 },
      { id: 'before', windowStartMs: 0, windowEndMs: 9 },
      { id: 'straddles', windowStartMs: 5, windowEndMs: 15 },
      { id: 'inside', windowStartMs: 12, windowEndMs: 13 },
      { id: 'touches-end', windowStartMs: 20, windowEndMs: 30 },
    ];
    expect(notificationsInPeriod(list, 10, 20).map((x) => x.id)).toEqual([
      'straddles',
      'inside',
      'touches-end',
    ]);
    expect(notificationsInPeriod(list, 100, 200)).toEqual([]);
  });
});
