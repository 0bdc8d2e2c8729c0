import { useState, type FormEvent } from 'react';
import { LAUNCH_SITES } from '../domain/notifications/sites';
import { NOTIFICATION_KINDS, type NotificationIssue } from '../domain/notifications/types';
import { addNotification } from '../services/notifications';
import { KIND_LABEL } from './NotificationsFormat';

const CUSTOM = '__custom';

const FIELDS = [
  'id',
  'party',
  'kind',
  'vehicle',
  'siteId',
  'latDeg',
  'lonDeg',
  'siteName',
  'start',
  'end',
  'azMin',
  'azMax',
  'inclinationDeg',
  'altitudeKm',
  'intlDesignator',
  'remarks',
] as const;
type Values = Record<(typeof FIELDS)[number], string>;

const empty: Values = {
  ...(Object.fromEntries(FIELDS.map((f) => [f, ''])) as Values),
  kind: 'space-launch',
  siteId: 'baikonur',
};

/** Text that reads as a number becomes one; anything else stays text for the checks to name. */
const num = (s: string): number | string =>
  s.trim() !== '' && Number.isFinite(Number(s)) ? Number(s) : s;

/** The form's values in the notification's JSON form (unchecked). */
export function formToJson(v: Values): Record<string, unknown> {
  const json: Record<string, unknown> = {
    id: v.id,
    party: v.party,
    kind: v.kind,
    site:
      v.siteId === CUSTOM
        ? {
            latDeg: num(v.latDeg),
            lonDeg: num(v.lonDeg),
            ...(v.siteName.trim() ? { name: v.siteName } : {}),
          }
        : { siteId: v.siteId },
    window: { start: v.start.trim(), end: v.end.trim() },
    azimuthDeg: v.azMax.trim() === '' ? num(v.azMin) : { min: num(v.azMin), max: num(v.azMax) },
  };
  if (v.vehicle.trim()) json.vehicle = v.vehicle;
  if (v.inclinationDeg.trim() || v.altitudeKm.trim()) {
    json.targetOrbit = {
      ...(v.inclinationDeg.trim() ? { inclinationDeg: num(v.inclinationDeg) } : {}),
      ...(v.altitudeKm.trim() ? { altitudeKm: num(v.altitudeKm) } : {}),
    };
  }
  if (v.intlDesignator.trim()) json.intlDesignator = v.intlDesignator;
  if (v.remarks.trim()) json.remarks = v.remarks;
  return json;
}

/** Entering a notification by hand (operators only); it goes through the same checks as files. */
export function NotificationsForm({ onDone }: { onDone: () => void }) {
  const [values, setValues] = useState<Values>(empty);
  const [issues, setIssues] = useState<NotificationIssue[]>([]);
  const bind = (field: keyof Values) => ({
    value: values[field],
    onChange: (e: { target: { value: string } }) =>
      setValues({ ...values, [field]: e.target.value }),
  });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const problems = await addNotification(formToJson(values));
    setIssues(problems);
    if (!problems.length) {
      setValues(empty);
      onDone();
    }
  };

  return (
    <form
      className="notification-form"
      aria-label="New notification"
      onSubmit={(e) => void submit(e)}
    >
      <label>
        ID <input required {...bind('id')} placeholder="e.g. RU-2024-11-01" />
      </label>
      <label>
        Party <input required {...bind('party')} />
      </label>
      <label>
        Kind{' '}
        <select aria-label="Kind" {...bind('kind')}>
          {NOTIFICATION_KINDS.map((k) => (
            <option key={k} value={k}>
              {KIND_LABEL[k]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Vehicle <input {...bind('vehicle')} />
      </label>
      <label>
        Site{' '}
        <select aria-label="Site" {...bind('siteId')}>
          {LAUNCH_SITES.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
          <option value={CUSTOM}>Other (latitude, longitude)…</option>
        </select>
      </label>
      {values.siteId === CUSTOM && (
        <>
          <label>
            Latitude ° <input inputMode="decimal" {...bind('latDeg')} />
          </label>
          <label>
            Longitude ° <input inputMode="decimal" {...bind('lonDeg')} />
          </label>
          <label>
            Site name <input {...bind('siteName')} />
          </label>
        </>
      )}
      <label>
        Window start (UTC) <input required placeholder="2024-10-31T12:00Z" {...bind('start')} />
      </label>
      <label>
        Window end (UTC) <input required placeholder="2024-10-31T14:00Z" {...bind('end')} />
      </label>
      <label>
        Azimuth ° <input required inputMode="decimal" placeholder="from" {...bind('azMin')} />
      </label>
      <label>
        to ° <input inputMode="decimal" placeholder="(optional)" {...bind('azMax')} />
      </label>
      <label>
        Target inclination ° <input inputMode="decimal" {...bind('inclinationDeg')} />
      </label>
      <label>
        Target altitude km <input inputMode="decimal" {...bind('altitudeKm')} />
      </label>
      <label>
        Int’l designator <input placeholder="2024-191" {...bind('intlDesignator')} />
      </label>
      <label className="wide">
        Remarks <input {...bind('remarks')} />
      </label>
      {issues.length > 0 && (
        <ul className="form-issues" role="alert">
          {issues.map((i) => (
            <li key={`${i.field}:${i.reason}`}>
              {i.field}: {i.reason}
            </li>
          ))}
        </ul>
      )}
      <div className="wide form-buttons">
        <button type="submit" className="primary">
          Add
        </button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
