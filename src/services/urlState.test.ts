import { describe, expect, it } from 'vitest';
import { catalogRef, readUrlState } from './urlState';

describe('readUrlState', () => {
  it('reads a shared view: catalog, time and selection', () => {
    const { state, problems } = readUrlState(
      '?catalog=celestrak:stations&t=2024-11-01T06:30:00Z&sel=25544',
    );
    expect(problems).toEqual([]);
    expect(state).toEqual({
      catalog: 'celestrak:stations',
      timeMs: Date.UTC(2024, 10, 1, 6, 30),
      selectedId: 25544,
      camera: null,
    });
  });

  it('accepts catalog numbers above 99,999 and https catalog URLs', () => {
    const { state } = readUrlState('?sel=270387&catalog=https%3A%2F%2Fexample.org%2Fgp.csv');
    expect(state.selectedId).toBe(270387);
    expect(state.catalog).toBe('https://example.org/gp.csv');
  });

  it('ignores malformed values with a notice naming each', () => {
    const { state, problems } = readUrlState('?t=yesterday&sel=ISS&catalog=javascript:alert(1)');
    expect(state).toEqual({ catalog: null, timeMs: null, selectedId: null, camera: null });
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/catalog=javascript/);
    expect(problems[1]).toMatch(/t=yesterday.*ISO 8601/);
    expect(problems[2]).toMatch(/sel=ISS/);
  });

  it('knows safe=1 and reports any other value of safe', () => {
    expect(readUrlState('?safe=1').problems).toEqual([]);
    expect(readUrlState('?safe=yes').problems).toEqual(['Ignored safe=yes: expected 1']);
  });

  it('knows lang=en and lang=zh and reports any other language', () => {
    expect(readUrlState('?lang=zh').problems).toEqual([]);
    expect(readUrlState('?lang=en').problems).toEqual([]);
    expect(readUrlState('?lang=fr').problems).toEqual(['Ignored lang=fr: expected en or zh']);
  });

  it('reports unknown parameters and bad modes, and reads a camera', () => {
    const { state, problems } = readUrlState('?zoom=3&mode=kiosk&cam=10.5,-20,1500,90,-45');
    expect(problems).toEqual([
      'Ignored unknown parameter "zoom"',
      'Ignored mode=kiosk: expected briefing or public',
    ]);
    expect(state.camera).toEqual({
      lonDeg: 10.5,
      latDeg: -20,
      heightKm: 1500,
      headingDeg: 90,
      pitchDeg: -45,
    });
    expect(readUrlState('?cam=400,0,1,0,0').problems[0]).toMatch(/cam=400/);
  });

  it('in public mode loads catalogs only from its own origin', () => {
    const options = { mode: 'public' as const, origin: 'https://viewer.example' };
    expect(readUrlState('?catalog=https://evil.example/x.tle', options).state.catalog).toBeNull();
    expect(readUrlState('?catalog=https://evil.example/x.tle', options).problems[0]).toMatch(
      /only its own data/,
    );
    expect(readUrlState('?catalog=celestrak:active', options).state.catalog).toBeNull();
    expect(readUrlState('?catalog=https://viewer.example/data/gp.csv', options).state.catalog).toBe(
      'https://viewer.example/data/gp.csv',
    );
    expect(readUrlState('?catalog=snapshot', options).state.catalog).toBe('snapshot');
  });
});

describe('catalogRef', () => {
  it('links CelesTrak groups and URLs; the snapshot is the default and files cannot be linked', () => {
    expect(catalogRef({ kind: 'celestrak', label: 'x', ref: 'active' })).toBe('celestrak:active');
    expect(catalogRef({ kind: 'url', label: 'x', ref: 'https://h/x.tle' })).toBe('https://h/x.tle');
    expect(catalogRef({ kind: 'snapshot', label: 'x' })).toBeNull();
    expect(catalogRef({ kind: 'file', label: 'x.tle' })).toBeNull();
  });
});

describe('readUrlState under the address limits', () => {
  it('drops an over-long value alone, naming the limit, never echoing the value', () => {
    const { state, problems } = readUrlState(
      `?sel=25544&catalog=https://x.org/${'a'.repeat(3000)}`,
    );
    expect(state.selectedId).toBe(25544);
    expect(state.catalog).toBeNull();
    expect(problems).toEqual([
      'Ignored catalog=…: 3,014 characters; the limit for one parameter is 2,048',
    ]);
  });

  it('ignores an address over 8,192 characters whole', () => {
    const { state, problems } = readUrlState(`?sel=25544&x=${'%41'.repeat(3000)}`);
    expect(state.selectedId).toBeNull();
    expect(problems[0]).toMatch(/^Ignored the address's parameters: 9,0\d\d characters; the limit/);
    expect(problems.join('').length).toBeLessThan(200);
  });
});
