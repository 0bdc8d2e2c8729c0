import { describe, expect, it } from 'vitest';
import { LAUNCH_SITES, launchSite, similarSiteIds } from './sites';

/** Reference coordinates (degrees) of well-surveyed pads, independent of the list. */
const REFERENCE: Record<string, [number, number]> = {
  baikonur: [45.92, 63.342], // Site 1/5
  'cape-canaveral': [28.562, -80.577], // SLC-40
  ksc: [28.608, -80.604], // LC-39A
  vandenberg: [34.632, -120.611], // SLC-4E
  wallops: [37.834, -75.488], // LP-0A
  kodiak: [57.436, -152.338], // LP-1
  plesetsk: [62.927, 40.575], // Site 35
  vostochny: [51.884, 128.334], // Site 1S
  jiuquan: [40.958, 100.291], // LC-43/921
  taiyuan: [38.849, 111.608], // LC-9
  xichang: [28.246, 102.027], // LC-2
  wenchang: [19.614, 110.951], // LC-101
  kourou: [5.239, -52.768], // ELA-3
  tanegashima: [30.4, 130.975], // Yoshinobu
  uchinoura: [31.251, 131.08],
  sriharikota: [13.72, 80.23], // SLP
  semnan: [35.235, 53.921],
  sohae: [39.66, 124.705],
  naro: [34.432, 127.535],
  mahia: [-39.262, 177.865], // LC-1A
  starbase: [25.997, -97.157],
};

describe('built-in launch sites', () => {
  it('holds the sites the notifications name, with coordinates to about 0.01°', () => {
    for (const [id, [lat, lon]] of Object.entries(REFERENCE)) {
      const site = launchSite(id);
      expect(site, id).toBeDefined();
      expect(Math.abs(site!.latDeg - lat), `${id} latitude`).toBeLessThan(0.015);
      expect(Math.abs(site!.lonDeg - lon), `${id} longitude`).toBeLessThan(0.015);
    }
  });

  it('every site has a unique id, a name and coordinates on the Earth', () => {
    const ids = LAUNCH_SITES.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const s of LAUNCH_SITES) {
      expect(s.id).toMatch(/^[a-z0-9-]+$/);
      expect(s.name.length).toBeGreaterThan(3);
      expect(Math.abs(s.latDeg)).toBeLessThanOrEqual(90);
      expect(Math.abs(s.lonDeg)).toBeLessThanOrEqual(180);
    }
    expect(LAUNCH_SITES.length).toBeGreaterThanOrEqual(25);
  });

  it('hemispheres are right: Mahia and Alcântara south, the Americas west', () => {
    expect(launchSite('mahia')!.latDeg).toBeLessThan(0);
    expect(launchSite('alcantara')!.latDeg).toBeLessThan(0);
    for (const id of ['cape-canaveral', 'vandenberg', 'kourou', 'kodiak', 'starbase']) {
      expect(launchSite(id)!.lonDeg, id).toBeLessThan(0);
    }
  });

  it('suggests ids for a near miss', () => {
    expect(similarSiteIds('Baikonur Cosmodrome')).toContain('baikonur');
    expect(similarSiteIds('cape')).toContain('cape-canaveral');
    expect(similarSiteIds('')).toEqual([]);
  });
});
