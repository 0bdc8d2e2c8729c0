// Validate a format-neutral RawCdm and build the typed CdmMessage. Every failure is a
// CdmFieldError naming the keyword and the line (for a missing keyword: the section's last line,
// where it was due).
import { cdmIssue } from './issues';
import { CdmFieldError, type CdmEntry, type RawCdm, type RawSection } from './raw';
import { formatIsoUtc, parseCcsdsEpoch } from './time';
import {
  COVARIANCE_KEYWORDS,
  type CdmExtra,
  type CdmHeader,
  type CdmMessage,
  type CdmObject,
  type CdmRelativeMetadata,
  type CdmWarning,
  type Vec3,
} from './types';
import { UNIT_BY_KEYWORD, unitFactor } from './units';

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Reads one section: lookups mark keywords as used so the rest can be kept as extras. */
class SectionReader {
  private readonly byKey = new Map<string, CdmEntry>();
  private readonly used = new Set<string>();
  readonly comments: string[] = [];

  constructor(
    private readonly section: RawSection,
    private readonly label: string,
    private readonly warnings: CdmWarning[],
  ) {
    for (const e of section.entries) {
      if (e.keyword === 'COMMENT') {
        this.comments.push(e.value);
        continue;
      }
      if (this.byKey.has(e.keyword)) {
        throw new CdmFieldError(
          e.line,
          e.keyword,
          cdmIssue('duplicateKeyword', { keyword: e.keyword, section: label }),
        );
      }
      this.byKey.set(e.keyword, e);
    }
  }

  entry(keyword: string): CdmEntry | undefined {
    this.used.add(keyword);
    return this.byKey.get(keyword);
  }

  text(keyword: string): string {
    const e = this.entry(keyword);
    if (!e || e.value === '') {
      throw new CdmFieldError(
        e?.line ?? this.section.endLine,
        keyword,
        e
          ? cdmIssue('emptyValue', { keyword, section: this.label })
          : cdmIssue('missingKeyword', {
              keyword,
              section: this.label,
              start: this.section.startLine,
              end: this.section.endLine,
            }),
      );
    }
    return e.value;
  }

  optText(keyword: string): string | undefined {
    const e = this.entry(keyword);
    return e && e.value !== '' ? e.value : undefined;
  }

  number(keyword: string): number {
    this.text(keyword);
    return this.optNumber(keyword)!;
  }

  optNumber(keyword: string): number | undefined {
    const e = this.entry(keyword);
    if (!e || e.value === '') return undefined;
    if (!NUMBER.test(e.value)) {
      throw new CdmFieldError(e.line, keyword, cdmIssue('notNumber', { value: e.value, keyword }));
    }
    const factor = unitFactor(keyword, e.unit);
    if (factor === null) {
      // Real messages carry typos such as RELATIVE_VELOCITY_R … [m]: keep the value in the
      // standard unit and say so rather than drop the message.
      this.warnings.push({
        line: e.line,
        keyword,
        reason: `unit [${e.unit}] for ${keyword} is not ${UNIT_BY_KEYWORD[keyword]}; value taken as ${UNIT_BY_KEYWORD[keyword]}`,
      });
      return this.finite(e, keyword, Number(e.value));
    }
    return this.finite(e, keyword, Number(e.value) * factor);
  }

  /** A value that overflows a double (1e309, or 1e308 km in metres) is an error, not Infinity. */
  private finite(e: CdmEntry, keyword: string, value: number): number {
    if (!Number.isFinite(value)) {
      throw new CdmFieldError(e.line, keyword, cdmIssue('outOfRange', { value: e.value, keyword }));
    }
    return value;
  }

  epoch(keyword: string): [string, number] {
    const text = this.text(keyword);
    const ms = parseCcsdsEpoch(text);
    if (Number.isNaN(ms)) {
      throw new CdmFieldError(
        this.entry(keyword)!.line,
        keyword,
        cdmIssue('badEpoch', { value: text, keyword }),
      );
    }
    return [text, ms];
  }

  /** All three of a vector or none; a partial vector is an error. */
  optVec3(keywords: [string, string, string]): Vec3 | undefined {
    const values = keywords.map((k) => this.optNumber(k));
    if (values.every((v) => v === undefined)) return undefined;
    const missing = keywords.find((_, i) => values[i] === undefined);
    if (missing) this.number(missing);
    return values as unknown as Vec3;
  }

  extras(filter: (keyword: string) => boolean = () => true): CdmExtra[] {
    const out: CdmExtra[] = [];
    for (const e of this.section.entries) {
      if (e.keyword === 'COMMENT' || this.used.has(e.keyword) || !filter(e.keyword)) continue;
      this.used.add(e.keyword);
      out.push(
        e.unit
          ? { keyword: e.keyword, value: e.value, unit: e.unit }
          : { keyword: e.keyword, value: e.value },
      );
    }
    return out;
  }
}

/** `HBR = 10 [m]`-style comment → metres, for any of the given (normalised) names. */
export function commentValueM(comments: string[], names: string[]): number | undefined {
  for (const c of comments) {
    const m =
      /^\s*([A-Za-z_ ]+?)\s*=\s*([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)\s*(?:\[([^\]]*)\])?/.exec(
        c,
      );
    if (!m) continue;
    const name = m[1].trim().toUpperCase().replace(/\s+/g, '_');
    if (!names.includes(name)) continue;
    const unit = (m[3] ?? 'm').trim().toLowerCase();
    const factor = unit === 'km' ? 1000 : unit === 'm' || unit === '' ? 1 : NaN;
    const value = Number(m[2]) * factor;
    if (Number.isFinite(value)) return value;
  }
  return undefined;
}

function buildHeader(section: RawSection, w: CdmWarning[]): CdmHeader {
  const r = new SectionReader(section, 'header', w);
  const [creationDate, creationDateMs] = r.epoch('CREATION_DATE');
  return {
    version: r.text('CCSDS_CDM_VERS'),
    creationDate,
    creationDateMs,
    originator: r.text('ORIGINATOR'),
    messageFor: r.optText('MESSAGE_FOR'),
    messageId: r.text('MESSAGE_ID'),
    comments: r.comments,
  };
}

function buildRelative(section: RawSection, w: CdmWarning[]): CdmRelativeMetadata {
  const r = new SectionReader(section, 'relative metadata', w);
  const [tca, tcaMs] = r.epoch('TCA');
  const pc = r.optNumber('COLLISION_PROBABILITY');
  return {
    tca,
    tcaMs,
    tcaIso: formatIsoUtc(tcaMs),
    missDistanceM: r.number('MISS_DISTANCE'),
    relativeSpeedMS: r.optNumber('RELATIVE_SPEED'),
    relativePositionRtnM: r.optVec3([
      'RELATIVE_POSITION_R',
      'RELATIVE_POSITION_T',
      'RELATIVE_POSITION_N',
    ]),
    relativeVelocityRtnMS: r.optVec3([
      'RELATIVE_VELOCITY_R',
      'RELATIVE_VELOCITY_T',
      'RELATIVE_VELOCITY_N',
    ]),
    collisionProbability: pc,
    collisionProbabilityMethod: r.optText('COLLISION_PROBABILITY_METHOD'),
    hbrM: commentValueM(r.comments, ['HBR', 'HARD_BODY_RADIUS']),
    extra: r.extras(),
    comments: r.comments,
  };
}

/** Optional metadata keywords of 508.0-B-1 (kept as metadata extras; the rest is data). */
export const OBJECT_METADATA_OPTIONAL = [
  'OBJECT_TYPE',
  'OPERATOR_CONTACT_POSITION',
  'OPERATOR_ORGANIZATION',
  'OPERATOR_PHONE',
  'OPERATOR_EMAIL',
  'GRAVITY_MODEL',
  'ATMOSPHERIC_MODEL',
  'N_BODY_PERTURBATIONS',
  'SOLAR_RAD_PRESSURE',
  'EARTH_TIDES',
  'INTRACK_THRUST',
];

const COVARIANCE_EXTRA = /^C(DRG|SRP|THR)_/;

function buildObject(
  section: RawSection,
  expected: 'OBJECT1' | 'OBJECT2',
  w: CdmWarning[],
): CdmObject {
  const r = new SectionReader(section, expected, w);
  const object = r.text('OBJECT');
  if (object !== expected) {
    throw new CdmFieldError(
      r.entry('OBJECT')!.line,
      'OBJECT',
      cdmIssue('wrongObject', { expected, found: object }),
    );
  }
  const meta = {
    objectDesignator: r.text('OBJECT_DESIGNATOR'),
    catalogName: r.text('CATALOG_NAME'),
    objectName: r.text('OBJECT_NAME'),
    internationalDesignator: r.text('INTERNATIONAL_DESIGNATOR'),
    objectType: r.optText('OBJECT_TYPE'),
    ephemerisName: r.text('EPHEMERIS_NAME'),
    covarianceMethod: r.text('COVARIANCE_METHOD'),
    maneuverable: r.text('MANEUVERABLE'),
    refFrame: r.text('REF_FRAME'),
  };
  const positionKm: Vec3 = [r.number('X'), r.number('Y'), r.number('Z')];
  const velocityKmS: Vec3 = [r.number('X_DOT'), r.number('Y_DOT'), r.number('Z_DOT')];
  const cov = Array.from({ length: 6 }, () => new Array<number>(6).fill(0));
  let k = 0;
  for (let i = 0; i < 6; i++) {
    for (let j = 0; j <= i; j++) {
      const value = r.number(COVARIANCE_KEYWORDS[k++]);
      cov[i][j] = value;
      cov[j][i] = value;
    }
  }
  const covarianceExtra = r.extras((kw) => COVARIANCE_EXTRA.test(kw));
  const metadataExtra = r.extras((kw) => OBJECT_METADATA_OPTIONAL.includes(kw));
  return {
    object: expected,
    ...meta,
    exclusionVolumeRadiusM: commentValueM(r.comments, ['EXCLUSION_VOLUME_RADIUS']),
    metadataExtra,
    dataExtra: r.extras(),
    positionKm,
    velocityKmS,
    covarianceRtn: cov,
    covarianceExtra,
    comments: r.comments,
  };
}

export function buildCdm(raw: RawCdm): CdmMessage {
  const objects = raw.objects;
  for (const [i, name] of (['OBJECT1', 'OBJECT2'] as const).entries()) {
    if (!objects[i]) {
      throw new CdmFieldError(
        raw.endLine,
        'OBJECT',
        cdmIssue('missingObject', { object: name, end: raw.endLine }),
      );
    }
  }
  if (objects.length > 2) {
    throw new CdmFieldError(objects[2].startLine, 'OBJECT', cdmIssue('extraObject'));
  }
  const warnings: CdmWarning[] = [];
  return {
    format: raw.format,
    line: raw.startLine,
    header: buildHeader(raw.header, warnings),
    relative: buildRelative(raw.relative, warnings),
    object1: buildObject(objects[0], 'OBJECT1', warnings),
    object2: buildObject(objects[1], 'OBJECT2', warnings),
    warnings,
  };
}
