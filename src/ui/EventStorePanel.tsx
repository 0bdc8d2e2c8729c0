import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { exportHistoryDocument, importHistoryText } from '../services/eventHistory';
import { useHistoryStore } from '../state/historyStore';
import { canEdit, useModeStore } from '../state/modeStore';
import { download } from './ConjunctionFormat';

/** Larger event-store documents are not read (the domain's own limit applies to the text). */
const MAX_DOCUMENT_BYTES = 512 * 1024 * 1024;

/** Problems of the event store, shown whether or not the Alerts region is open. */
export function EventStoreProblems() {
  const { t } = useTranslation();
  const storage = useHistoryStore((s) => s.storage);
  const alert = useHistoryStore((s) => s.alert);
  const setAlert = useHistoryStore((s) => s.setAlert);
  return (
    <>
      {storage.message && (
        <p className="storage-problem" role="alert">
          {storage.message}
        </p>
      )}
      {alert && (
        <div className="conjunction-alert" role="alert">
          <span>{alert}</span>
          <button
            type="button"
            className="close"
            aria-label={t('eventStore.closeReport')}
            onClick={() => setAlert(null)}
          >
            ×
          </button>
        </div>
      )}
    </>
  );
}

/**
 * The event store: how many events are kept and whether the browser keeps them; export and
 * import (merge) of the whole store as one JSON document, for operators (a shift handover).
 */
export function EventStoreControls() {
  const { t } = useTranslation();
  const count = useHistoryStore((s) => s.histories.length);
  const archived = useHistoryStore((s) => s.histories.filter((h) => h.archived).length);
  const storage = useHistoryStore((s) => s.storage);
  const setAlert = useHistoryStore((s) => s.setAlert);
  const editable = canEdit(useModeStore((s) => s.mode));
  const [busy, setBusy] = useState(false);
  return (
    <div className="event-store" role="group" aria-label={t('eventStore.label')}>
      <p data-testid="event-store-status">
        {t('eventStore.events', { count })}
        {archived ? t('eventStore.archived', { n: archived }) : ''}
        {storage.state === 'ok' ? t('eventStore.kept') : ''}
        {storage.state === 'restoring' ? t('eventStore.restoring') : ''}
      </p>
      {editable && (
        <div className="event-store-actions">
          <button
            type="button"
            disabled={!count}
            onClick={() =>
              download(
                exportHistoryDocument(),
                `event-history-${new Date().toISOString().replace(/[-:]/g, '').slice(0, 15)}.json`,
                'application/json',
              )
            }
          >
            {t('eventStore.export')}
          </button>
          <label className={`button${busy ? ' busy' : ''}`}>
            {t('eventStore.import')}
            <input
              type="file"
              accept=".json,application/json"
              aria-label={t('eventStore.importLabel')}
              className="visually-hidden"
              onChange={(e) => {
                const file = e.target.files?.[0];
                e.target.value = '';
                if (!file) return;
                if (file.size > MAX_DOCUMENT_BYTES) {
                  setAlert(t('eventStore.tooLarge', { file: file.name }));
                  return;
                }
                setBusy(true);
                void file
                  .text()
                  .then((text) => importHistoryText(text, file.name))
                  .catch((err: unknown) =>
                    setAlert(t('eventStore.unreadable', { file: file.name, error: String(err) })),
                  )
                  .finally(() => setBusy(false));
              }}
            />
          </label>
        </div>
      )}
    </div>
  );
}
