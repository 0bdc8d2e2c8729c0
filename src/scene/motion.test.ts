import { afterEach, describe, expect, it, vi } from 'vitest';
import { flightSeconds } from './motion';

const media = (reduce: boolean) =>
  vi.stubGlobal('matchMedia', (q: string) => ({
    matches: reduce && q === '(prefers-reduced-motion: reduce)',
  }));

describe('camera flights', () => {
  afterEach(() => vi.unstubAllGlobals());
  it('fly for the given time by default', () => {
    media(false);
    expect(flightSeconds()).toBe(1.5);
    expect(flightSeconds(3)).toBe(3);
  });
  it('jump when the reader asks for reduced motion', () => {
    media(true);
    expect(flightSeconds()).toBe(0);
  });
});
