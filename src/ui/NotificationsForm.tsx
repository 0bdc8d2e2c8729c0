import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LAUNCH_SITES } from '../domain/notifications/sites';
import { NOTIFICATION_KINDS, type NotificationIssue } from '../domain/notifications/types';
import { addNotification } from '../services/notifications';
import { notificationIssueMessage } from './notificationMessages';

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
  const { t } = useTranslation();
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
      aria-label={t('notifications.new')}
      onSubmit={(e) => void submit(e)}
    >
      <label>
        {t('notificationForm.id')}{' '}
        <input required {...bind('id')} placeholder={t('notificationForm.idPlaceholder')} />
      </label>
      <label>
        {t('notificationForm.party')} <input required {...bind('party')} />
      </label>
      <label>
        {t('notificationForm.kind')}{' '}
        <select aria-label={t('notificationForm.kind')} {...bind('kind')}>
          {NOTIFICATION_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`notificationKind.${k}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('notificationForm.vehicle')} <input {...bind('vehicle')} />
      </label>
      <label>
        {t('notificationForm.site')}{' '}
        <select aria-label={t('notificationForm.site')} {...bind('siteId')}>
          {LAUNCH_SITES.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
          <option value={CUSTOM}>{t('notificationForm.otherSite')}</option>
        </select>
      </label>
      {values.siteId === CUSTOM && (
        <>
          <label>
            {t('notificationForm.latitude')} <input inputMode="decimal" {...bind('latDeg')} />
          </label>
          <label>
            {t('notificationForm.longitude')} <input inputMode="decimal" {...bind('lonDeg')} />
          </label>
          <label>
            {t('notificationForm.siteName')} <input {...bind('siteName')} />
          </label>
        </>
      )}
      <label>
        {t('notificationForm.windowStart')}{' '}
        <input required placeholder="2024-10-31T12:00Z" {...bind('start')} />
      </label>
      <label>
        {t('notificationForm.windowEnd')}{' '}
        <input required placeholder="2024-10-31T14:00Z" {...bind('end')} />
      </label>
      <label>
        {t('notificationForm.azimuth')}{' '}
        <input
          required
          inputMode="decimal"
          placeholder={t('notificationForm.azimuthFrom')}
          {...bind('azMin')}
        />
      </label>
      <label>
        {t('notificationForm.azimuthTo')}{' '}
        <input
          inputMode="decimal"
          placeholder={t('notificationForm.optional')}
          {...bind('azMax')}
        />
      </label>
      <label>
        {t('notificationForm.inclination')}{' '}
        <input inputMode="decimal" {...bind('inclinationDeg')} />
      </label>
      <label>
        {t('notificationForm.altitude')} <input inputMode="decimal" {...bind('altitudeKm')} />
      </label>
      <label>
        {t('notificationForm.designator')}{' '}
        <input placeholder="2024-191" {...bind('intlDesignator')} />
      </label>
      <label className="wide">
        {t('notificationForm.remarks')} <input {...bind('remarks')} />
      </label>
      {issues.length > 0 && (
        <ul className="form-issues" role="alert">
          {issues.map((i) => (
            <li key={`${i.field}:${i.reason}`}>{notificationIssueMessage(i)}</li>
          ))}
        </ul>
      )}
      <div className="wide form-buttons">
        <button type="submit" className="primary">
          {t('notificationForm.add')}
        </button>
        <button type="button" onClick={onDone}>
          {t('notificationForm.cancel')}
        </button>
      </div>
    </form>
  );
}
