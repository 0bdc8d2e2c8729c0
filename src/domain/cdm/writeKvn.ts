// KVN writer: every mandatory keyword of 508.0-B-1 in the standard's order and units (m, m/s for
// relative data; km, km/s for states; m², m²/s, m²/s² for covariances). Numbers are written in
// their shortest round-trip form, so parse(write(m)) gives back the same doubles. Comments go at the
// start of their section, the hard-body radius as `COMMENT HBR = … [m]`.
import { kvnKeyword, kvnText } from '../exportSafety';
import { CdmExportError } from './exportIssues';
import { formatCcsdsEpoch } from './time';
import { COVARIANCE_KEYWORDS, type CdmExtra, type CdmMessage, type CdmObject } from './types';
import { UNIT_BY_KEYWORD } from './units';

const WIDTH = 36;

function num(x: number, keyword: string): string {
  if (!Number.isFinite(x)) {
    throw new CdmExportError({ code: 'nonFinite', values: { value: String(x), keyword } });
  }
  return String(x).toUpperCase();
}

export function writeCdmKvn(msg: CdmMessage): string {
  const out: string[] = [];
  // Names, designators, comments and keywords read from other files never break a line or
  // start a keyword of their own.
  const kv = (keyword: string, value: string, unit = UNIT_BY_KEYWORD[keyword]) => {
    const u = unit ? kvnText(unit).replace(/[[\]]/g, '') : '';
    out.push(`${kvnKeyword(keyword).padEnd(WIDTH)} = ${kvnText(value)}${u ? ` [${u}]` : ''}`);
  };
  const n = (keyword: string, value: number | undefined) => {
    if (value !== undefined) kv(keyword, num(value, keyword));
  };
  const t = (keyword: string, value: string | undefined) => {
    if (value !== undefined) kv(keyword, value, '');
  };
  const comments = (list: string[]) =>
    list.forEach((c) => out.push(kvnText(c) ? `COMMENT ${kvnText(c)}` : 'COMMENT'));
  const extras = (list: CdmExtra[]) => list.forEach((e) => kv(e.keyword, e.value, e.unit ?? ''));

  const h = msg.header;
  t('CCSDS_CDM_VERS', h.version || '1.0');
  comments(h.comments);
  t('CREATION_DATE', formatCcsdsEpoch(h.creationDateMs));
  t('ORIGINATOR', h.originator);
  t('MESSAGE_FOR', h.messageFor);
  t('MESSAGE_ID', h.messageId);

  const r = msg.relative;
  // The HBR comment is regenerated from hbrM, so drop the one read from the file.
  comments(r.comments.filter((c) => !/^\s*HBR\s*=/i.test(c)));
  if (r.hbrM !== undefined) out.push(`COMMENT HBR = ${num(r.hbrM, 'HBR')} [m]`);
  t('TCA', formatCcsdsEpoch(r.tcaMs));
  n('MISS_DISTANCE', r.missDistanceM);
  n('RELATIVE_SPEED', r.relativeSpeedMS);
  (['R', 'T', 'N'] as const).forEach((a, i) =>
    n(`RELATIVE_POSITION_${a}`, r.relativePositionRtnM?.[i]),
  );
  (['R', 'T', 'N'] as const).forEach((a, i) =>
    n(`RELATIVE_VELOCITY_${a}`, r.relativeVelocityRtnMS?.[i]),
  );
  extras(r.extra);
  n('COLLISION_PROBABILITY', r.collisionProbability);
  t('COLLISION_PROBABILITY_METHOD', r.collisionProbabilityMethod);

  for (const o of [msg.object1, msg.object2]) writeObject(o, { kv, n, t, comments, extras });
  return `${out.join('\n')}\n`;
}

interface Emit {
  kv: (keyword: string, value: string, unit?: string) => void;
  n: (keyword: string, value: number | undefined) => void;
  t: (keyword: string, value: string | undefined) => void;
  comments: (list: string[]) => void;
  extras: (list: CdmExtra[]) => void;
}

function writeObject(o: CdmObject, { n, t, comments, extras }: Emit) {
  t('OBJECT', o.object);
  // The radius comment is regenerated from exclusionVolumeRadiusM.
  comments(o.comments.filter((c) => !/^\s*EXCLUSION[ _]VOLUME[ _]RADIUS\s*=/i.test(c)));
  if (o.exclusionVolumeRadiusM !== undefined) {
    comments([
      `EXCLUSION_VOLUME_RADIUS = ${num(o.exclusionVolumeRadiusM, 'EXCLUSION_VOLUME_RADIUS')} [m]`,
    ]);
  }
  t('OBJECT_DESIGNATOR', o.objectDesignator);
  t('CATALOG_NAME', o.catalogName);
  t('OBJECT_NAME', o.objectName);
  t('INTERNATIONAL_DESIGNATOR', o.internationalDesignator);
  t('OBJECT_TYPE', o.objectType);
  t('EPHEMERIS_NAME', o.ephemerisName);
  t('COVARIANCE_METHOD', o.covarianceMethod);
  t('MANEUVERABLE', o.maneuverable);
  t('REF_FRAME', o.refFrame);
  extras(o.metadataExtra);
  extras(o.dataExtra);
  (['X', 'Y', 'Z'] as const).forEach((k, i) => n(k, o.positionKm[i]));
  (['X_DOT', 'Y_DOT', 'Z_DOT'] as const).forEach((k, i) => n(k, o.velocityKmS[i]));
  let k = 0;
  for (let i = 0; i < 6; i++)
    for (let j = 0; j <= i; j++) n(COVARIANCE_KEYWORDS[k++], o.covarianceRtn[i][j]);
  extras(o.covarianceExtra);
}
