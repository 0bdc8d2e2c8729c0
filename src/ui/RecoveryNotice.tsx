import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { useRecoveryStore, type RecoveryEvent } from '../state/recoveryStore';

function describe(event: RecoveryEvent, t: TFunction): string {
  switch (event.kind) {
    case 'context-lost':
      return t('recovery.contextLost');
    case 'context-restored':
      return t('recovery.contextRestored');
    case 'worker-died': {
      const values = { name: event.workerName, reason: event.reason };
      const pool = event.pool === 'propagation' ? 'propagation' : 'screening';
      return event.replaced
        ? t(`recovery.${pool}Replaced`, values)
        : t(`recovery.${pool}NotRestarted`, values);
    }
  }
}

/** What the page recovered from: a lost WebGL context, a worker that died. */
export function RecoveryNotice() {
  const { t } = useTranslation();
  const event = useRecoveryStore((s) => s.event);
  const seq = useRecoveryStore((s) => s.seq);
  const dismiss = useRecoveryStore((s) => s.dismiss);
  if (!event) return null;
  // Keyed by the event's number: a repeat is a new alert, announced again.
  return (
    <div
      key={seq}
      className="alert recovery-notice"
      role="alert"
      aria-live="assertive"
      aria-label={t('recovery.label')}
    >
      <span>{describe(event, t)}</span>
      <button type="button" className="close" aria-label={t('app.dismiss')} onClick={dismiss}>
        ×
      </button>
    </div>
  );
}
