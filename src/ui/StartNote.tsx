import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClockStore } from '../state/clockStore';
import { useConjunctionStore } from '../state/conjunctionStore';
import { formatUtcMinutes } from './format';
import { useWallNow } from './useTicker';

/**
 * Why the clock starts where it does (old elements: at their median epoch). The status line keeps
 * the same facts, so the note can be dismissed, and it steps aside once an event is open.
 */
export function StartNote() {
  const { t } = useTranslation();
  const note = useClockStore((s) => s.startNote);
  const epochMs = useClockStore((s) => s.catalogEpochMs);
  const nowMs = useWallNow(60_000);
  const eventOpen = useConjunctionStore((s) => s.selectedKey !== null);
  const [dismissed, setDismissed] = useState<string | null>(null);
  if (!note || eventOpen || dismissed === note) return null;
  return (
    <p className="start-note" role="note">
      {/* The store's note is English (the CLI prints the same); the facts are worded here. */}
      {epochMs === null
        ? note
        : t('startNote.text', {
            when: formatUtcMinutes(epochMs),
            days: Math.round(Math.abs(nowMs - epochMs) / 86_400_000),
          })}
      <button type="button" aria-label={t('startNote.dismiss')} onClick={() => setDismissed(note)}>
        ×
      </button>
    </p>
  );
}
