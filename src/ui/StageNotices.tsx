import { Alerts } from './Alerts';
import { NotificationsAlert } from './NotificationsAlert';
import { RecoveryNotice } from './RecoveryNotice';
import { SafeModeNote } from './SafeModeNote';
import { SceneFaults } from './SceneFaults';
import { SyncBadge } from './SyncBadge';
import { UpdateNote } from './UpdateNote';

/** What floats over the globe in every layout: sync state, alerts, recovery and fault notices, a waiting new version. */
export function StageNotices() {
  return (
    <>
      <SyncBadge />
      <Alerts />
      <RecoveryNotice />
      <SceneFaults />
      <SafeModeNote />
      <NotificationsAlert />
      <UpdateNote />
    </>
  );
}
