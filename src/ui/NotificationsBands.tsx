import { useTranslation } from 'react-i18next';
import { useClockStore } from '../state/clockStore';
import { useNotificationStore } from '../state/notificationStore';
import { formatWindow } from './NotificationsFormat';

/** Half the width of the range input's thumb: where its travel starts and ends (px). */
const THUMB_HALF_PX = 8;

/**
 * Each notification's window as a band over the time scrubber (its ±7-day range): one click
 * scrubs to the window's start.
 */
export function NotificationsBands({ minMs, maxMs }: { minMs: number; maxMs: number }) {
  const { t } = useTranslation();
  const notifications = useNotificationStore((s) => s.notifications);
  const setTime = useClockStore((s) => s.setTime);
  const span = maxMs - minMs;
  const visible = notifications.filter((n) => n.windowEndMs >= minMs && n.windowStartMs <= maxMs);
  if (!visible.length || span <= 0) return null;
  const at = (ms: number) => (Math.min(maxMs, Math.max(minMs, ms)) - minMs) / span;
  return (
    <div className="notification-bands">
      {visible.map((n) => {
        const from = at(n.windowStartMs);
        const to = at(n.windowEndMs);
        return (
          <button
            key={n.id}
            type="button"
            className={`notification-band kind-${n.kind}`}
            aria-label={t('notifications.band', { id: n.id })}
            title={`${n.id}: ${formatWindow(n.windowStartMs, n.windowEndMs)} UTC`}
            style={{
              left: `calc(${THUMB_HALF_PX}px + (100% - ${2 * THUMB_HALF_PX}px) * ${from})`,
              width: `max(6px, calc((100% - ${2 * THUMB_HALF_PX}px) * ${to - from}))`,
            }}
            onClick={() => setTime(Math.max(minMs, n.windowStartMs))}
          />
        );
      })}
    </div>
  );
}
