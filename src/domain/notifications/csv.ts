// The CSV form of a notification's core fields: one notification per row under a header of the
// column names below (any order; hazard areas need the JSON form). Rows become JSON-form
// notifications and go through the same checks; issues are reported by column name.
import Papa from 'papaparse';
import { formatError, type NotificationIssue } from './issues';

export const CSV_COLUMNS = [
  'id',
  'party',
  'kind',
  'vehicle',
  'siteId',
  'latDeg',
  'lonDeg',
  'siteName',
  'windowStart',
  'windowEnd',
  'azimuthDeg',
  'azimuthMinDeg',
  'azimuthMaxDeg',
  'inclinationDeg',
  'altitudeKm',
  'intlDesignator',
  'remarks',
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];
const REQUIRED_COLUMNS: CsvColumn[] = ['id', 'party', 'kind', 'windowStart', 'windowEnd'];

/** JSON field path → the CSV column it came from. */
const COLUMN_OF: Record<string, string> = {
  'site.siteId': 'siteId',
  'site.latDeg': 'latDeg',
  'site.lonDeg': 'lonDeg',
  'site.name': 'siteName',
  'window.start': 'windowStart',
  'window.end': 'windowEnd',
  'azimuthDeg.min': 'azimuthMinDeg',
  'azimuthDeg.max': 'azimuthMaxDeg',
  'targetOrbit.inclinationDeg': 'inclinationDeg',
  'targetOrbit.altitudeKm': 'altitudeKm',
  window: 'windowStart/windowEnd',
  site: 'siteId/latDeg/lonDeg',
};

/** Re-express an issue found on the JSON form in the CSV's column names. */
export function csvIssue(issue: NotificationIssue): NotificationIssue {
  return { ...issue, field: COLUMN_OF[issue.field] ?? issue.field };
}

const NUMBER_RE = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
/** Numbers stay text when they are not numbers, so the checks can say what was there. */
const num = (s: string): number | string => (NUMBER_RE.test(s) ? Number(s) : s);

export interface CsvRow {
  /** 1-based data row number. */
  index: number;
  /** 1-based file line of the row. */
  line: number;
  json: Record<string, unknown>;
  /** Set when the row's cell count differs from the header's. */
  rowError?: { cells: number; header: number };
}

/** Parse notification CSV into JSON-form objects (unchecked). Throws on a bad header. */
export function csvToJson(text: string): CsvRow[] {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), {
    delimiter: ',',
    skipEmptyLines: false,
  });
  const rows = parsed.data;
  const headerIndex = rows.findIndex((r) => !(r.length === 1 && r[0].trim() === ''));
  if (headerIndex < 0) throw formatError('csvEmpty');
  const header = rows[headerIndex].map((h) => h.trim());
  const unknown = header.filter((h) => !(CSV_COLUMNS as readonly string[]).includes(h));
  if (unknown.length) {
    throw formatError('csvUnknownColumn', {
      columns: unknown.map((h) => `"${h}"`).join(', '),
      known: CSV_COLUMNS.join(', '),
    });
  }
  const missing = REQUIRED_COLUMNS.filter((h) => !header.includes(h));
  if (missing.length) throw formatError('csvMissingColumn', { columns: missing.join(', ') });
  const repeated = header.filter((h, i) => header.indexOf(h) !== i);
  if (repeated.length) throw formatError('csvRepeatedColumn', { columns: repeated.join(', ') });

  const out: CsvRow[] = [];
  let line = 1;
  let index = 0;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    const rowLine = line;
    line += 1;
    for (const field of row) line += field.split('\n').length - 1;
    if (r <= headerIndex || (row.length === 1 && row[0].trim() === '')) continue;
    index += 1;
    const cell = (name: CsvColumn) => {
      const i = header.indexOf(name);
      return i >= 0 && i < row.length ? row[i].trim() : '';
    };
    const json: Record<string, unknown> = {};
    for (const name of ['id', 'party', 'kind', 'vehicle', 'intlDesignator', 'remarks'] as const) {
      if (cell(name) || REQUIRED_COLUMNS.includes(name)) json[name] = cell(name);
    }
    const site: Record<string, unknown> = {};
    if (cell('siteId')) site.siteId = cell('siteId');
    if (cell('latDeg')) site.latDeg = num(cell('latDeg'));
    if (cell('lonDeg')) site.lonDeg = num(cell('lonDeg'));
    if (cell('siteName')) site.name = cell('siteName');
    if (Object.keys(site).length) json.site = site;
    json.window = { start: cell('windowStart'), end: cell('windowEnd') };
    if (cell('azimuthDeg')) json.azimuthDeg = num(cell('azimuthDeg'));
    else if (cell('azimuthMinDeg') || cell('azimuthMaxDeg')) {
      json.azimuthDeg = { min: num(cell('azimuthMinDeg')), max: num(cell('azimuthMaxDeg')) };
    }
    const orbit: Record<string, unknown> = {};
    if (cell('inclinationDeg')) orbit.inclinationDeg = num(cell('inclinationDeg'));
    if (cell('altitudeKm')) orbit.altitudeKm = num(cell('altitudeKm'));
    if (Object.keys(orbit).length) json.targetOrbit = orbit;
    out.push(
      row.length === header.length
        ? { index, line: rowLine, json }
        : {
            index,
            line: rowLine,
            json,
            rowError: { cells: row.length, header: header.length },
          },
    );
  }
  return out;
}
