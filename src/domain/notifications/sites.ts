/**
 * The world's active launch sites (space launch and ballistic missile test ranges) with the
 * coordinates of a representative pad, geodetic WGS 84 degrees to about 0.01° (≈1 km). A
 * cosmodrome spans tens of kilometres; where it has several pads the one named is the one used.
 * A notification can always give explicit latitude and longitude instead.
 */
export interface LaunchSite {
  /** Stable identifier used in notification files (`site.siteId`). */
  id: string;
  name: string;
  /** Operating state, ISO 3166 alpha-2 where there is one. */
  country: string;
  latDeg: number;
  lonDeg: number;
  /** Which pad or complex the coordinates are for, and any doubt about them. */
  note?: string;
}

export const LAUNCH_SITES: readonly LaunchSite[] = [
  // Russia and Kazakhstan
  {
    id: 'baikonur',
    name: 'Baikonur Cosmodrome',
    country: 'KZ',
    latDeg: 45.92,
    lonDeg: 63.34,
    note: "Site 1/5 (Gagarin's Start)",
  },
  {
    id: 'plesetsk',
    name: 'Plesetsk Cosmodrome',
    country: 'RU',
    latDeg: 62.93,
    lonDeg: 40.58,
    note: 'Site 35 (Angara); the Soyuz pads of Site 43 lie about 6 km west',
  },
  {
    id: 'vostochny',
    name: 'Vostochny Cosmodrome',
    country: 'RU',
    latDeg: 51.88,
    lonDeg: 128.33,
    note: 'Site 1S (Soyuz-2)',
  },
  {
    id: 'kapustin-yar',
    name: 'Kapustin Yar',
    country: 'RU',
    latDeg: 48.59,
    lonDeg: 45.72,
    note: 'range centre; missile test pads are spread over the range (approximate)',
  },
  {
    id: 'dombarovsky',
    name: 'Dombarovsky (Yasny)',
    country: 'RU',
    latDeg: 51.09,
    lonDeg: 59.84,
    note: 'ICBM silo field used for tests; individual silos differ by tens of km (approximate)',
  },
  // United States
  {
    id: 'cape-canaveral',
    name: 'Cape Canaveral SFS',
    country: 'US',
    latDeg: 28.56,
    lonDeg: -80.58,
    note: 'SLC-40; SLC-41 is 2.5 km north',
  },
  {
    id: 'ksc',
    name: 'Kennedy Space Center',
    country: 'US',
    latDeg: 28.61,
    lonDeg: -80.6,
    note: 'LC-39A; LC-39B is 2.7 km north',
  },
  {
    id: 'vandenberg',
    name: 'Vandenberg SFB',
    country: 'US',
    latDeg: 34.63,
    lonDeg: -120.61,
    note: 'SLC-4E; Minuteman III test silos lie some 20 km north',
  },
  {
    id: 'wallops',
    name: 'Wallops / Mid-Atlantic Regional Spaceport',
    country: 'US',
    latDeg: 37.83,
    lonDeg: -75.49,
    note: 'LP-0A; Rocket Lab LC-2 is beside it',
  },
  {
    id: 'kodiak',
    name: 'Pacific Spaceport Complex – Alaska (Kodiak)',
    country: 'US',
    latDeg: 57.44,
    lonDeg: -152.34,
    note: 'LP-1',
  },
  {
    id: 'starbase',
    name: 'Starbase, Boca Chica',
    country: 'US',
    latDeg: 26.0,
    lonDeg: -97.16,
    note: 'Orbital Launch Pad A',
  },
  {
    id: 'kwajalein',
    name: 'Reagan Test Site, Kwajalein Atoll',
    country: 'MH',
    latDeg: 9.05,
    lonDeg: 167.74,
    note: 'Omelek Island',
  },
  // China
  {
    id: 'jiuquan',
    name: 'Jiuquan Satellite Launch Center',
    country: 'CN',
    latDeg: 40.96,
    lonDeg: 100.29,
    note: 'LC-43/921 (Shenzhou); commercial pads lie within 15 km',
  },
  {
    id: 'taiyuan',
    name: 'Taiyuan Satellite Launch Center',
    country: 'CN',
    latDeg: 38.85,
    lonDeg: 111.61,
    note: 'LC-9',
  },
  {
    id: 'xichang',
    name: 'Xichang Satellite Launch Center',
    country: 'CN',
    latDeg: 28.25,
    lonDeg: 102.03,
    note: 'LC-2 and LC-3',
  },
  {
    id: 'wenchang',
    name: 'Wenchang Space Launch Site',
    country: 'CN',
    latDeg: 19.61,
    lonDeg: 110.95,
    note: 'LC-101; the commercial pads lie a few km north',
  },
  {
    id: 'haiyang',
    name: 'Haiyang Oriental Spaceport (sea launch)',
    country: 'CN',
    latDeg: 36.69,
    lonDeg: 121.24,
    note: 'the home port (doubtful to 0.05°); sea launches take place offshore, so a notification should give the platform position explicitly',
  },
  // Europe
  {
    id: 'kourou',
    name: 'Guiana Space Centre, Kourou',
    country: 'GF',
    latDeg: 5.24,
    lonDeg: -52.77,
    note: 'ELA-3; ELA-4 (Ariane 6) and the Vega pad lie within 5 km',
  },
  {
    id: 'esrange',
    name: 'Esrange Space Center',
    country: 'SE',
    latDeg: 67.89,
    lonDeg: 21.11,
  },
  {
    id: 'andoya',
    name: 'Andøya Spaceport',
    country: 'NO',
    latDeg: 69.1,
    lonDeg: 15.59,
    note: 'Nordmela orbital pad (doubtful to 0.05°)',
  },
  {
    id: 'saxavord',
    name: 'SaxaVord Spaceport, Unst',
    country: 'GB',
    latDeg: 60.82,
    lonDeg: -0.77,
    note: 'doubtful to 0.05°',
  },
  // Asia and the Middle East
  {
    id: 'tanegashima',
    name: 'Tanegashima Space Center',
    country: 'JP',
    latDeg: 30.4,
    lonDeg: 130.97,
    note: 'Yoshinobu LP-1',
  },
  {
    id: 'uchinoura',
    name: 'Uchinoura Space Center',
    country: 'JP',
    latDeg: 31.25,
    lonDeg: 131.08,
  },
  {
    id: 'sriharikota',
    name: 'Satish Dhawan Space Centre, Sriharikota',
    country: 'IN',
    latDeg: 13.72,
    lonDeg: 80.23,
    note: 'Second Launch Pad; the First Launch Pad is 2 km north',
  },
  {
    id: 'abdul-kalam-island',
    name: 'Dr APJ Abdul Kalam Island (Wheeler Island)',
    country: 'IN',
    latDeg: 20.76,
    lonDeg: 87.09,
    note: 'missile test range',
  },
  {
    id: 'semnan',
    name: 'Imam Khomeini Spaceport, Semnan',
    country: 'IR',
    latDeg: 35.23,
    lonDeg: 53.92,
  },
  {
    id: 'shahroud',
    name: 'Shahroud Space Center',
    country: 'IR',
    latDeg: 36.2,
    lonDeg: 55.33,
    note: 'doubtful to 0.05°',
  },
  {
    id: 'sohae',
    name: 'Sohae Satellite Launching Station',
    country: 'KP',
    latDeg: 39.66,
    lonDeg: 124.71,
  },
  {
    id: 'naro',
    name: 'Naro Space Center',
    country: 'KR',
    latDeg: 34.43,
    lonDeg: 127.54,
  },
  {
    id: 'palmachim',
    name: 'Palmachim Airbase',
    country: 'IL',
    latDeg: 31.9,
    lonDeg: 34.69,
    note: 'the base; the Shavit pad position is not public (doubtful to 0.02°)',
  },
  // Southern hemisphere
  {
    id: 'mahia',
    name: 'Rocket Lab Launch Complex 1, Mahia',
    country: 'NZ',
    latDeg: -39.26,
    lonDeg: 177.86,
    note: 'LC-1A; LC-1B is beside it',
  },
  {
    id: 'alcantara',
    name: 'Alcântara Launch Center',
    country: 'BR',
    latDeg: -2.32,
    lonDeg: -44.37,
    note: 'VLS pad (doubtful to 0.05°)',
  },
];

const byId = new Map(LAUNCH_SITES.map((s) => [s.id, s]));

export function launchSite(id: string): LaunchSite | undefined {
  return byId.get(id);
}

/** Up to three built-in ids that look like `id`, for "did you mean" messages. */
export function similarSiteIds(id: string): string[] {
  const needle = id.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (!needle) return [];
  return LAUNCH_SITES.filter((s) => {
    const hay = (s.id + s.name).toLowerCase().replace(/[^a-z0-9]/g, '');
    return hay.includes(needle.slice(0, 4)) || needle.includes(s.id.replace(/-/g, ''));
  })
    .slice(0, 3)
    .map((s) => s.id);
}
