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
    });
  });

  it('accepts catalog numbers above 99,999 and https catalog URLs', () => {
    const { state } = readUrlState('?sel=270387&catalog=https%3A%2F%2Fexample.org%2Fgp.csv');
    expect(state.selectedId).toBe(270387);
    expect(state.catalog).toBe('https://example.org/gp.csv');
  });

  it('ignores malformed values with a notice naming each', () => {
    const { state, problems } = readUrlState('?t=yesterday&sel=ISS&catalog=javascript:alert(1)');
    expect(state).toEqual({ catalog: null, timeMs: null, selectedId: null });
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/catalog=javascript/);
    expect(problems[1]).toMatch(/t=yesterday.*ISO 8601/);
    expect(problems[2]).toMatch(/sel=ISS/);
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
