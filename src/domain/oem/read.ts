// The OEM reader: KVN or XML text → typed segments, each checked against 502.0 (header first,
// META_START … META_STOP, states in time order inside the segment's span, 6 or 9 numbers, 6×6
// lower-triangular covariances) and against what we support (Earth-centred, known frames and
// time systems). A refused header refuses the file; a refused segment is reported while the
// others load.
import { parseCcsdsEpoch, formatIsoUtc } from '../cdm/time';
import { toUtcMs, type TimeScale } from '../time/timeScales';
import { fail, oemIssue, OemIssueError, type OemIssue } from './issues';
import { minEigenvalueSym6 } from './psd';
import { tokenizeKvn, type MissingElement, type OemToken } from './tokens';
import type {
  OemCovariance,
  OemCovarianceFrame,
  OemHeader,
  OemInterpolation,
  OemMessage,
  OemMetadata,
  OemReadResult,
  OemRefFrame,
  OemSegment,
  OemState,
  OemVersion,
} from './types';
import { tokenizeXml } from './xml';
import { inputTextIssue, limitIssueText } from '../limits';

const VERSIONS: readonly string[] = ['1.0', '2.0', '3.0'];
const STATE_FIELDS = ['X', 'Y', 'Z', 'X_DOT', 'Y_DOT', 'Z_DOT', 'X_DDOT', 'Y_DDOT', 'Z_DDOT'];
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const METADATA_KEYWORDS = new Set([
  'OBJECT_NAME',
  'OBJECT_ID',
  'CENTER_NAME',
  'REF_FRAME',
  'REF_FRAME_EPOCH',
  'TIME_SYSTEM',
  'START_TIME',
  'USEABLE_START_TIME',
  'USEABLE_STOP_TIME',
  'STOP_TIME',
  'INTERPOLATION',
  'INTERPOLATION_DEGREE',
  'MESSAGE_ID',
]);
const REQUIRED_METADATA = [
  'OBJECT_NAME',
  'OBJECT_ID',
  'CENTER_NAME',
  'REF_FRAME',
  'TIME_SYSTEM',
  'START_TIME',
  'STOP_TIME',
];
const TIME_SYSTEMS = new Set(['UTC', 'TAI', 'TT', 'GPS']);
/** Allowed only from this version on (version-1 files predate them). */
const SINCE_VERSION: Record<string, OemVersion> = { REF_FRAME_EPOCH: '2.0', MESSAGE_ID: '3.0' };

/** Read an OEM from text, KVN or XML (told apart by a leading '<'). */
export function readOem(text: string): OemReadResult {
  if (!text.trim()) return { ok: false, errors: [oemIssue('empty')] };
  const limit = inputTextIssue('oem', text);
  if (limit) {
    return {
      ok: false,
      errors: [{ ...oemIssue('overLimit', { reason: limitIssueText(limit) }), limit }],
    };
  }
  if (text.trimStart().startsWith('<')) {
    const xml = tokenizeXml(text);
    if ('error' in xml) return { ok: false, errors: [xml.error] };
    return readTokens(xml.tokens, 'XML');
  }
  return readTokens(tokenizeKvn(text), 'KVN');
}

function readTokens(tokens: (OemToken | MissingElement)[], format: 'KVN' | 'XML'): OemReadResult {
  let header: OemHeader;
  let next: number;
  try {
    [header, next] = readHeader(tokens);
  } catch (e) {
    return { ok: false, errors: [asIssue(e)] };
  }
  const segments: OemSegment[] = [];
  const rejected: OemIssue[] = [];
  const read: OemSegment[] = [];
  let index = 0;
  while (next < tokens.length) {
    let end = next + 1;
    while (end < tokens.length && !isKeyword(tokens[end], 'META_START')) end++;
    index++;
    try {
      const [segment, values] = readSegment(tokens.slice(next, end), index, header.version);
      // The object is compared before the support checks so that rule is reported first.
      checkSameObject(segment, read);
      read.push(segment);
      checkSupported(segment, values);
      toUtc(segment);
      segments.push(segment);
    } catch (e) {
      rejected.push(asIssue(e));
    }
    next = end;
  }
  if (segments.length === 0) return { ok: false, errors: rejected };
  const message: OemMessage = { format, header, segments };
  return { ok: true, message, rejected };
}

function asIssue(e: unknown): OemIssue {
  if (e instanceof OemIssueError) return e.issue;
  throw e;
}

function isKeyword(t: OemToken | MissingElement | undefined, keyword: string): boolean {
  return t?.kind === 'keyword' && t.keyword === keyword;
}

/** How a token reads in a message: its keyword or its text. */
function tokenText(t: OemToken | MissingElement): string {
  return t.kind === 'keyword' ? t.keyword : t.kind === 'fields' ? t.text : `<${t.parent}>`;
}

function readHeader(tokens: (OemToken | MissingElement)[]): [OemHeader, number] {
  const first = tokens[0];
  if (!first) fail('notOem');
  if (!isKeyword(first, 'CCSDS_OEM_VERS')) {
    fail('versionFirst', { found: tokenText(first) }, { line: first.line });
  }
  const version = first.kind === 'keyword' ? first.value : '';
  if (!VERSIONS.includes(version)) {
    fail('unsupportedVersion', { version }, { line: first.line, keyword: 'CCSDS_OEM_VERS' });
  }
  const values = new Map<string, string>();
  const comments: string[] = [];
  let i = 1;
  for (; i < tokens.length && !isKeyword(tokens[i], 'META_START'); i++) {
    const t = tokens[i];
    if (t.kind !== 'keyword') fail('notKeyValue', { text: tokenText(t) }, { line: t.line });
    if (t.keyword === 'COMMENT') comments.push(t.value);
    else {
      if (!['CREATION_DATE', 'ORIGINATOR', 'MESSAGE_ID'].includes(t.keyword)) {
        fail('unknownKeyword', { keyword: t.keyword, section: 'header' }, t);
      }
      checkVersion(t, version as OemVersion);
      if (values.has(t.keyword)) fail('duplicateKeyword', { keyword: t.keyword }, t);
      values.set(t.keyword, t.value);
    }
  }
  const at = { line: tokens[i]?.line ?? tokens[tokens.length - 1].line };
  for (const k of ['CREATION_DATE', 'ORIGINATOR']) {
    if (!values.has(k)) fail('missingKeyword', { keyword: k, section: 'header' }, at);
  }
  if (i >= tokens.length) fail('missingKeyword', { keyword: 'META_START', section: 'message' }, at);
  const header: OemHeader = {
    version: version as OemVersion,
    creationDate: values.get('CREATION_DATE')!,
    originator: values.get('ORIGINATOR')!,
    comments,
  };
  if (values.has('MESSAGE_ID')) header.messageId = values.get('MESSAGE_ID');
  return [header, i];
}

function checkVersion(t: { keyword: string; line: number }, version: OemVersion, segment?: number) {
  const since = SINCE_VERSION[t.keyword];
  if (since && version < since) {
    const where = { line: t.line, keyword: t.keyword };
    fail(
      'keywordNotInVersion',
      { keyword: t.keyword, version },
      segment ? { segment, ...where } : where,
    );
  }
}

type KeywordToken = OemToken & { kind: 'keyword' };

/** Structure of the tokens from one META_START up to (not including) the next. */
function readSegment(
  given: (OemToken | MissingElement)[],
  index: number,
  version: OemVersion,
): [OemSegment, Map<string, KeywordToken>] {
  const where = (t: { line: number }, keyword?: string) => ({
    segment: index,
    line: t.line,
    keyword,
  });
  const absent = given.find((t) => t.kind === 'missingElement');
  if (absent)
    fail('missingElement', { parent: absent.parent, element: absent.element }, where(absent));
  const tokens = given as OemToken[];
  const values = new Map<string, KeywordToken>();
  const comments: string[] = [];
  let i = 1;
  for (; i < tokens.length && !isKeyword(tokens[i], 'META_STOP'); i++) {
    const t = tokens[i];
    if (t.kind === 'fields') {
      if (Number.isFinite(parseCcsdsEpoch(t.fields[0]))) fail('metaStopMissing', {}, where(t));
      fail('notKeyValue', { text: t.text }, where(t));
    }
    if (t.keyword === 'COMMENT') comments.push(t.value);
    else if (t.keyword === 'COVARIANCE_START') fail('metaStopMissing', {}, where(t));
    else {
      if (!METADATA_KEYWORDS.has(t.keyword)) {
        fail('unknownKeyword', { keyword: t.keyword, section: 'metadata' }, where(t, t.keyword));
      }
      checkVersion(t, version, index);
      if (values.has(t.keyword)) {
        fail('duplicateKeyword', { keyword: t.keyword }, where(t, t.keyword));
      }
      values.set(t.keyword, t);
    }
  }
  if (i >= tokens.length) fail('metaStopMissing', {}, where(tokens[0]));
  const metaStop = tokens[i];
  const metadata = readMetadata(values, comments, index, metaStop.line);
  const segment: OemSegment = {
    index,
    line: tokens[0].line,
    metadata,
    states: [],
    covariances: [],
    dataComments: [],
  };
  i = readStates(tokens, i + 1, segment, version);
  if (segment.states.length === 0)
    fail('noStates', {}, where(tokens[Math.min(i, tokens.length - 1)]));
  if (i < tokens.length) {
    if (version === '1.0') fail('covarianceNotInVersion', { version }, where(tokens[i]));
    i = readCovariances(tokens, i + 1, segment);
    if (i < tokens.length) {
      const t = tokens[i];
      fail('afterCovariance', { text: t.kind === 'fields' ? t.text : t.keyword }, where(t));
    }
  }
  return [segment, values];
}

function readMetadata(
  values: Map<string, KeywordToken>,
  comments: string[],
  index: number,
  metaStopLine: number,
): OemMetadata {
  for (const k of REQUIRED_METADATA) {
    if (!values.has(k)) {
      fail(
        'missingKeyword',
        { keyword: k, section: 'metadata' },
        { segment: index, line: metaStopLine },
      );
    }
  }
  const get = (k: string) => values.get(k)?.value;
  const epoch = (k: string): number | undefined => {
    const t = values.get(k);
    if (!t) return undefined;
    const ms = parseCcsdsEpoch(t.value);
    if (!Number.isFinite(ms)) {
      fail(
        'badEpoch',
        { keyword: k, value: t.value },
        { segment: index, line: t.line, keyword: k },
      );
    }
    return ms;
  };
  const startMs = epoch('START_TIME')!;
  const stopMs = epoch('STOP_TIME')!;
  const useableStartMs = epoch('USEABLE_START_TIME');
  const useableStopMs = epoch('USEABLE_STOP_TIME');
  for (const [present, missing] of [
    ['USEABLE_START_TIME', 'USEABLE_STOP_TIME'],
    ['USEABLE_STOP_TIME', 'USEABLE_START_TIME'],
  ]) {
    if (values.has(present) && !values.has(missing)) {
      const t = values.get(present)!;
      fail(
        'useableIncomplete',
        { present, missing },
        { segment: index, line: t.line, keyword: missing },
      );
    }
  }
  const order: [string, string][] = [
    ['START_TIME', 'USEABLE_START_TIME'],
    ['USEABLE_START_TIME', 'USEABLE_STOP_TIME'],
    ['USEABLE_STOP_TIME', 'STOP_TIME'],
    ['START_TIME', 'STOP_TIME'],
  ];
  for (const [earlier, later] of order) {
    const a = epoch(earlier);
    const b = epoch(later);
    if (a !== undefined && b !== undefined && b < a) {
      const t = values.get(later)!;
      fail(
        'timeOrder',
        { later, laterValue: t.value, earlier, earlierValue: get(earlier)! },
        { segment: index, line: t.line, keyword: later },
      );
    }
  }
  const metadata: OemMetadata = {
    objectName: get('OBJECT_NAME')!,
    objectId: get('OBJECT_ID')!,
    centerName: get('CENTER_NAME')!,
    refFrame: get('REF_FRAME')!.toUpperCase() as OemRefFrame,
    timeSystem: get('TIME_SYSTEM')!.toUpperCase() as TimeScale,
    startMs,
    stopMs,
    comments,
  };
  if (useableStartMs !== undefined) metadata.useableStartMs = useableStartMs;
  if (useableStopMs !== undefined) metadata.useableStopMs = useableStopMs;
  if (values.has('REF_FRAME_EPOCH')) metadata.refFrameEpoch = get('REF_FRAME_EPOCH');
  const interpolation = values.get('INTERPOLATION');
  if (interpolation) {
    const method = interpolation.value.toUpperCase();
    if (!['LAGRANGE', 'HERMITE', 'LINEAR'].includes(method)) {
      fail(
        'badInterpolation',
        { value: interpolation.value },
        { segment: index, line: interpolation.line, keyword: 'INTERPOLATION' },
      );
    }
    metadata.interpolation = method as OemInterpolation;
    if (!values.has('INTERPOLATION_DEGREE')) {
      fail(
        'degreeMissing',
        {},
        { segment: index, line: interpolation.line, keyword: 'INTERPOLATION_DEGREE' },
      );
    }
  }
  const degree = values.get('INTERPOLATION_DEGREE');
  if (degree) {
    if (!/^\d+$/.test(degree.value) || Number(degree.value) < 1) {
      fail(
        'badDegree',
        { value: degree.value },
        { segment: index, line: degree.line, keyword: 'INTERPOLATION_DEGREE' },
      );
    }
    metadata.interpolationDegree = Number(degree.value);
  }
  return metadata;
}

function numberField(text: string, field: string, where: { segment: number; line: number }) {
  if (!NUMBER.test(text)) fail('badNumber', { field, value: text }, where);
  return Number(text);
}

/** States from `i` on; returns the index of COVARIANCE_START, or tokens.length. */
function readStates(tokens: OemToken[], i: number, segment: OemSegment, version: OemVersion) {
  const { metadata, states } = segment;
  let width = 0;
  let previous = '';
  for (; i < tokens.length; i++) {
    const t = tokens[i];
    const where = { segment: segment.index, line: t.line };
    if (t.kind === 'keyword') {
      if (t.keyword === 'COVARIANCE_START') return i;
      if (t.keyword === 'COMMENT') {
        segment.dataComments.push(t.value);
        continue;
      }
      fail(
        'unknownKeyword',
        { keyword: t.keyword, section: 'data' },
        { ...where, keyword: t.keyword },
      );
    }
    const epochMs = parseCcsdsEpoch(t.fields[0]);
    if (!Number.isFinite(epochMs))
      fail('badEpoch', { keyword: 'EPOCH', value: t.fields[0] }, where);
    const count = t.fields.length - 1;
    if (count !== 6 && count !== 9) fail('stateFieldCount', { count }, where);
    if (count === 9 && version === '1.0') fail('accelerationNotInVersion', { version }, where);
    if (width && count !== width) fail('stateFieldsChange', { count, first: width }, where);
    width = count;
    const n = t.fields.slice(1).map((f, k) => numberField(f, STATE_FIELDS[k], where));
    const last = states[states.length - 1];
    if (last && epochMs <= last.epochMs) {
      fail('epochBackwards', { epoch: t.fields[0], previous }, where);
    }
    if (epochMs < metadata.startMs || epochMs > metadata.stopMs) {
      fail(
        'stateOutsideSpan',
        {
          epoch: t.fields[0],
          start: formatIsoUtc(metadata.startMs),
          stop: formatIsoUtc(metadata.stopMs),
        },
        where,
      );
    }
    previous = t.fields[0];
    const state: OemState = {
      epochMs,
      positionKm: [n[0], n[1], n[2]],
      velocityKmS: [n[3], n[4], n[5]],
    };
    if (count === 9) state.accelerationKmS2 = [n[6], n[7], n[8]];
    states.push(state);
  }
  return i;
}

/** Covariance matrices after COVARIANCE_START; returns the index after COVARIANCE_STOP. */
function readCovariances(tokens: OemToken[], i: number, segment: OemSegment): number {
  let current: { epochMs: number; line: number; frame?: string; rows: number[][] } | undefined;
  const finish = (line: number) => {
    if (!current) return;
    if (current.rows.length !== 6) {
      fail('covarianceIncomplete', { rows: current.rows.length }, { segment: segment.index, line });
    }
    const matrix = new Float64Array(36);
    current.rows.forEach((row, r) =>
      row.forEach((value, c) => {
        matrix[r * 6 + c] = value;
        matrix[c * 6 + r] = value;
      }),
    );
    const cov: OemCovariance = {
      epochMs: current.epochMs,
      frame: (current.frame ?? segment.metadata.refFrame) as OemCovarianceFrame,
      matrix,
      line: current.line,
    };
    segment.covariances.push(cov);
    current = undefined;
  };
  for (; i < tokens.length; i++) {
    const t = tokens[i];
    const where = { segment: segment.index, line: t.line };
    if (t.kind === 'keyword') {
      if (t.keyword === 'COVARIANCE_STOP') {
        finish(t.line);
        return i + 1;
      }
      if (t.keyword === 'COMMENT') segment.dataComments.push(t.value);
      else if (t.keyword === 'EPOCH') {
        finish(t.line);
        const epochMs = parseCcsdsEpoch(t.value);
        if (!Number.isFinite(epochMs))
          fail('badEpoch', { keyword: 'EPOCH', value: t.value }, where);
        current = { epochMs, line: t.line, rows: [] };
      } else if (t.keyword === 'COV_REF_FRAME' && current && current.rows.length === 0) {
        current.frame = t.value.toUpperCase();
      } else {
        fail(
          'unknownKeyword',
          { keyword: t.keyword, section: 'covariance' },
          { ...where, keyword: t.keyword },
        );
      }
      continue;
    }
    if (!t.fields.every((f) => NUMBER.test(f))) fail('notKeyValue', { text: t.text }, where);
    if (!current || current.rows.length === 6) fail('covarianceEpochMissing', {}, where);
    const row = current.rows.length + 1;
    if (t.fields.length !== row) fail('covarianceRow', { row, count: t.fields.length }, where);
    current.rows.push(t.fields.map(Number));
  }
  fail(
    'covarianceStopMissing',
    {},
    { segment: segment.index, line: tokens[tokens.length - 1].line },
  );
}

const INERTIAL = new Set(['EME2000', 'GCRF', 'ICRF', 'TEME']);

export function isSupportedFrame(frame: string): frame is OemRefFrame {
  return INERTIAL.has(frame) || /^ITRF/.test(frame);
}

/** What we can use: Earth-centred, a frame we can bring to TEME, a time scale we can convert. */
function checkSupported(segment: OemSegment, values: Map<string, OemToken>): void {
  const { metadata, index } = segment;
  const at = (k: string) => ({ segment: index, line: values.get(k)!.line, keyword: k });
  if (metadata.centerName.trim().toUpperCase() !== 'EARTH') {
    fail('unsupportedCenter', { center: metadata.centerName }, at('CENTER_NAME'));
  }
  if (!isSupportedFrame(metadata.refFrame)) {
    fail('unsupportedFrame', { keyword: 'REF_FRAME', frame: metadata.refFrame }, at('REF_FRAME'));
  }
  if (!TIME_SYSTEMS.has(metadata.timeSystem)) {
    fail('unsupportedTimeSystem', { value: metadata.timeSystem }, at('TIME_SYSTEM'));
  }
  for (const cov of segment.covariances) {
    const written: string = cov.frame;
    const frame = written === 'RSW' ? 'RTN' : written;
    if (frame !== 'RTN' && frame !== 'TNW' && !isSupportedFrame(frame)) {
      fail(
        'unsupportedFrame',
        { keyword: 'COV_REF_FRAME', frame },
        { segment: index, line: cov.line, keyword: 'COV_REF_FRAME' },
      );
    }
    cov.frame = frame;
    const eigenvalue = minEigenvalueSym6(cov.matrix);
    if (eigenvalue.min < -1e-9 * eigenvalue.maxAbs) {
      fail(
        'covarianceNotPsd',
        { line: cov.line, eigenvalue: eigenvalue.min.toExponential(3) },
        { segment: index, line: cov.line },
      );
    }
  }
}

/** Move every epoch from the file's time scale onto UTC. */
function toUtc(segment: OemSegment): void {
  const scale = segment.metadata.timeSystem;
  if (scale === 'UTC') return;
  const m = segment.metadata;
  m.startMs = toUtcMs(scale, m.startMs);
  m.stopMs = toUtcMs(scale, m.stopMs);
  if (m.useableStartMs !== undefined) m.useableStartMs = toUtcMs(scale, m.useableStartMs);
  if (m.useableStopMs !== undefined) m.useableStopMs = toUtcMs(scale, m.useableStopMs);
  for (const s of segment.states) s.epochMs = toUtcMs(scale, s.epochMs);
  for (const c of segment.covariances) c.epochMs = toUtcMs(scale, c.epochMs);
}

/**
 * Segments may describe several objects (an event's two objects in one file), told apart by
 * OBJECT_ID; a segment of an object already met must keep that object's OBJECT_NAME.
 */
function checkSameObject(segment: OemSegment, earlier: readonly OemSegment[]): void {
  const { objectId, objectName } = segment.metadata;
  const before = earlier.find((s) => s.metadata.objectId === objectId);
  if (before && before.metadata.objectName !== objectName) {
    fail(
      'objectChanges',
      { keyword: 'OBJECT_NAME', value: objectName, first: before.metadata.objectName },
      { segment: segment.index, line: segment.line, keyword: 'OBJECT_NAME' },
    );
  }
}
