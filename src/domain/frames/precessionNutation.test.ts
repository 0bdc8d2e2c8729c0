import { describe, expect, it } from 'vitest';
import { eme2000ToTeme, temeToEme2000 } from './precessionNutation';

describe('EME2000 ↔ TEME', () => {
  // Vallado et al. 2006 ("Revisiting Spacetrack Report #3"), the TEME example state at
  // 2004-04-06T07:51:28.386009 UTC and its J2000 (EME2000) counterpart.
  const utcMs = Date.UTC(2004, 3, 6, 7, 51, 28) + 386.009;
  const teme = {
    rKm: [5094.1801621, 6127.6446595, 6380.3445327] as [number, number, number],
    vKmS: [-4.746131487, 0.785818041, 5.531931288] as [number, number, number],
  };

  it('matches the published J2000 state within a metre and a mm/s', () => {
    const j2000 = temeToEme2000(teme, utcMs);
    const wantR = [5102.5096, 6123.01152, 6378.1363];
    const wantV = [-4.7432196, 0.7905366, 5.5337561];
    expect(Math.hypot(...j2000.rKm.map((x, k) => x - wantR[k]))).toBeLessThan(1e-3);
    expect(Math.hypot(...j2000.vKmS.map((x, k) => x - wantV[k]))).toBeLessThan(1e-6);
  });

  it('round-trips', () => {
    const back = eme2000ToTeme(temeToEme2000(teme, utcMs), utcMs);
    back.rKm.forEach((x, k) => expect(x).toBeCloseTo(teme.rKm[k], 9));
  });
});
