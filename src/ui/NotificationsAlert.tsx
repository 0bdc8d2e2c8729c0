import { useTranslation } from 'react-i18next';
import { useNotificationStore } from '../state/notificationStore';

/** Problems with notification loads: file, notification and field; what is loaded stays. */
export function NotificationsAlert() {
  const { t } = useTranslation();
  const message = useNotificationStore((s) => s.alert);
  const setAlert = useNotificationStore((s) => s.setAlert);
  if (!message) return null;
  return (
    <div className="alert notifications-alert" role="alert">
      <span>{t('notificationsAlert.prefix', { message })}</span>
      <button
        type="button"
        className="close"
        aria-label={t('notificationsAlert.dismiss')}
        onClick={() => setAlert(null)}
      >
        ×
      </button>
    </div>
  );
}
