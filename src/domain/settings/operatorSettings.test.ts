import { describe, expect, it } from 'vitest';
import {
  DEFAULT_OPERATOR_SETTINGS,
  MAX_SETTINGS_CHARS,
  operatorSettingsDocument,
  readOperatorSettings,
  type OperatorSettings,
} from './operatorSettings';

const chosen: OperatorSettings = {
  refreshIntervalMs: 3 * 3_600_000,
  rescreen: { auto: false, durationHours: 72, thresholdKm: 2.5 },
  alerts: { redPc: 1e-3, yellowPc: 1e-6, missKm: 0.5 },
};

const withPart = (part: Record<string, unknown>) =>
  JSON.stringify({ ...JSON.parse(operatorSettingsDocument(chosen)), ...part });

describe('stored operator settings', () => {
  it('round-trips every setting', () => {
    expect(readOperatorSettings(operatorSettingsDocument(chosen))).toEqual({
      settings: chosen,
      problems: [],
      issues: [],
    });
  });

  it('nothing stored: the defaults, no problem', () => {
    expect(readOperatorSettings(null)).toEqual({
      settings: DEFAULT_OPERATOR_SETTINGS,
      problems: [],
      issues: [],
    });
  });

  it.each([
    ['not JSON', '{"schemaVersion":1,', 'not JSON'],
    ['an array', '[1,2]', 'not an object'],
    ['another schema', '{"schemaVersion":2}', 'schemaVersion 2 is not 1'],
    ['too long', 'x'.repeat(MAX_SETTINGS_CHARS + 1), `${MAX_SETTINGS_CHARS + 1} characters`],
  ])('a document that is %s is refused whole', (_, text, problem) => {
    const read = readOperatorSettings(text);
    expect(read.settings).toEqual(DEFAULT_OPERATOR_SETTINGS);
    expect(read.problems).toHaveLength(1);
    expect(read.problems[0]).toContain(problem);
  });

  it('a bad part is named and defaulted; the sound parts are kept', () => {
    const read = readOperatorSettings(
      withPart({ rescreen: { auto: true, durationHours: 169, thresholdKm: 5 } }),
    );
    expect(read.settings).toEqual({ ...chosen, rescreen: DEFAULT_OPERATOR_SETTINGS.rescreen });
    expect(read.problems).toEqual(['rescreen: hours must be a whole number from 1 to 168']);
  });

  it.each([
    [{ refreshIntervalMs: 3_600_001 }, 'refreshIntervalMs: 3600001 is not one of the offered'],
    [{ refreshIntervalMs: '3h' }, 'refreshIntervalMs: "3h"'],
    [{ rescreen: { auto: 'yes', durationHours: 1, thresholdKm: 1 } }, 'rescreen: needs'],
    [{ rescreen: { auto: true, durationHours: 1.5, thresholdKm: 1 } }, 'rescreen: hours'],
    [{ rescreen: { auto: true, durationHours: 1, thresholdKm: 0 } }, 'rescreen: the threshold'],
    [
      { rescreen: { auto: true, durationHours: 1, thresholdKm: 100.01 } },
      'rescreen: the threshold',
    ],
    [{ alerts: { redPc: 1e-4, yellowPc: 1e-3, missKm: 1 } }, 'not be above the red'],
    [{ alerts: { redPc: 1.01, yellowPc: 1e-7, missKm: 1 } }, 'the red threshold'],
    [{ alerts: { redPc: 1e-4, yellowPc: 0, missKm: 1 } }, 'the yellow threshold'],
    [{ alerts: { redPc: 1e-4, yellowPc: 1e-7, missKm: -0.1 } }, 'miss-distance'],
    [{ alerts: { redPc: 1e-4, yellowPc: 1e-7 } }, 'alerts: needs'],
  ])('refuses %j', (part, problem) => {
    const read = readOperatorSettings(withPart(part));
    expect(read.problems).toHaveLength(1);
    expect(read.problems[0]).toContain(problem);
  });

  it('accepts the edges: 1 h and 168 h, 100 km, yellow equal to red, a miss of 0 km, no refresh', () => {
    const edge: OperatorSettings = {
      refreshIntervalMs: null,
      rescreen: { auto: true, durationHours: 168, thresholdKm: 100 },
      alerts: { redPc: 1, yellowPc: 1, missKm: 0 },
    };
    expect(readOperatorSettings(operatorSettingsDocument(edge)).problems).toEqual([]);
    const oneHour = { ...edge, rescreen: { ...edge.rescreen, durationHours: 1 } };
    expect(readOperatorSettings(operatorSettingsDocument(oneHour)).settings).toEqual(oneHour);
  });
});
