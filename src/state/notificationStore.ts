import { create } from 'zustand';
import { sortByWindowStart } from '../domain/notifications/parse';
import type { NotificationNotice } from '../domain/notifications/notice';
import type { LaunchNotification } from '../domain/notifications/types';

export { notificationsInPeriod } from '../domain/notifications/timing';

interface NotificationState {
  /** Loaded notifications, sorted by window start. */
  notifications: LaunchNotification[];
  /** Bumps on every change to the list. */
  version: number;
  /** The last notification load's problem, as data; what is loaded stays. */
  alert: NotificationNotice | null;
  /** A notification the globe should fly to; `seq` bumps on every request. */
  focus: { id: string; seq: number } | null;
  /** The site chosen in the "azimuth from site" helper. */
  helperSiteId: string;
  /** Add notifications, replacing any with the same id. */
  upsert(list: readonly LaunchNotification[]): void;
  remove(id: string): void;
  setAlert(notice: NotificationNotice | null): void;
  requestFocus(id: string): void;
  setHelperSite(siteId: string): void;
}

export const useNotificationStore = create<NotificationState>()((set) => ({
  notifications: [],
  version: 0,
  alert: null,
  focus: null,
  helperSiteId: 'baikonur',
  upsert: (list) =>
    set((s) => {
      const ids = new Set(list.map((n) => n.id));
      return {
        notifications: sortByWindowStart([
          ...s.notifications.filter((n) => !ids.has(n.id)),
          ...list,
        ]),
        version: s.version + 1,
      };
    }),
  remove: (id) =>
    set((s) => ({
      notifications: s.notifications.filter((n) => n.id !== id),
      version: s.version + 1,
    })),
  setAlert: (alert) => set({ alert }),
  requestFocus: (id) => set((s) => ({ focus: { id, seq: (s.focus?.seq ?? 0) + 1 } })),
  setHelperSite: (helperSiteId) => set({ helperSiteId }),
}));
