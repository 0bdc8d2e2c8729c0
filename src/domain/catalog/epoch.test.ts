import { describe, expect, it } from 'vitest';
import { parseOmmEpoch } from './epoch';

/** The epoch the slow path's arithmetic gives for the parts of a calendar epoch. */
function expectedMs(parts: number[], fraction?: string): number {
  const [y, mo, d, h, mi, s] = parts;
  const whole = Date.UTC(y, mo - 1, d, h, mi, s);
  return fraction === undefined ? whole : whole + Number(`0.${fraction}`) * 1000;
}

describe('parseOmmEpoch', () => {
  it('reads CelesTrak epochs to the same double whatever path reads them', () => {
    expect(parseOmmEpoch('2024-10-29T12:18:43.492896')).toBe(
      expectedMs([2024, 10, 29, 12, 18, 43], '492896'),
    );
    // A trailing Z and a space separator take the regular-expression path: same value.
    expect(parseOmmEpoch('2024-10-29T12:18:43.492896Z')).toBe(
      parseOmmEpoch('2024-10-29T12:18:43.492896'),
    );
    expect(parseOmmEpoch(' 2024-10-29 12:18:43.492896 ')).toBe(
      parseOmmEpoch('2024-10-29T12:18:43.492896'),
    );
    expect(parseOmmEpoch('2024-02-29T00:00:00')).toBe(Date.UTC(2024, 1, 29));
    expect(parseOmmEpoch('2024-303T12:18:43.5')).toBe(expectedMs([2024, 10, 29, 12, 18, 43], '5'));
    // Before 1970 (negative ms) the full path reads it.
    expect(parseOmmEpoch('1969-12-31T23:59:59.25')).toBe(-750);
    expect(parseOmmEpoch('1958-03-17T12:00:00')).toBe(Date.UTC(1958, 2, 17, 12));
  });

  it('agrees with the arithmetic on every part for many random epochs', () => {
    let seed = 7;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const pad = (v: number, w: number) => String(v).padStart(w, '0');
    for (let k = 0; k < 2000; k++) {
      const parts = [1970 + next(131), 1 + next(12), 1 + next(28), next(24), next(60), next(60)];
      const fraction = k % 5 === 0 ? undefined : pad(next(1_000_000), 1 + next(9));
      const [y, mo, d, h, mi, s] = parts;
      const text =
        `${pad(y, 4)}-${pad(mo, 2)}-${pad(d, 2)}T${pad(h, 2)}:${pad(mi, 2)}:${pad(s, 2)}` +
        (fraction === undefined ? '' : `.${fraction}`);
      expect(parseOmmEpoch(text)).toBe(expectedMs(parts, fraction));
    }
  });

  it('names what is wrong with an invalid epoch', () => {
    const code = (text: string) => {
      const r = parseOmmEpoch(text);
      return typeof r === 'number' ? r : r.code;
    };
    expect(code('2023-02-29T00:00:00')).toBe('epochDayOfMonth');
    expect(code('2024-13-01T00:00:00')).toBe('epochMonth');
    expect(code('2024-00-01T00:00:00')).toBe('epochMonth');
    expect(code('2024-10-31T24:00:00')).toBe('epochTime');
    expect(code('2024-10-31T23:60:00')).toBe('epochTime');
    expect(code('2101-01-01T00:00:00')).toBe('epochYear');
    expect(code('2024-367T00:00:00')).toBe('epochDayOfYear');
    expect(code('2024-10-31T12:00:00.')).toBe('epochFormat');
    expect(code('2024-10-31T12:00:00.5x')).toBe('epochFormat');
    expect(code('2024-1O-31T12:00:00')).toBe('epochFormat');
    expect(code('31/10/2024 12:00')).toBe('epochFormat');
    expect(code('')).toBe('epochFormat');
  });
});
