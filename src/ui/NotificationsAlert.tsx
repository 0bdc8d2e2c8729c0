import { useTranslation } from 'react-i18next';
import { useNotificationStore } from '../state/notificationStore';
import { notificationNoticeMessage } from './notificationMessages';

/** Problems with notification loads: file, notification and field; what is loaded stays. */
export function NotificationsAlert() {
  const { t } = useTranslation();
  const notice = useNotificationStore((s) => s.alert);
  const setAlert = useNotificationStore((s) => s.setAlert);
  const message = notice && notificationNoticeMessage(notice);
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
