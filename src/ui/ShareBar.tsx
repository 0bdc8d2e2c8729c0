import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { writeUrlState } from '../services/urlState';
import { simNowMs } from '../state/clockStore';
import { downloadBlob, exportViewPng } from './exportView';
import { formatUtc } from './format';
import { useDataAsOf } from './useDataAsOf';
import { useFocusCaption } from './useFocusCaption';

/** Copy a link to this view; export it as a captioned PNG for slides. */
export function ShareBar() {
  const { t } = useTranslation();
  const [notice, setNotice] = useState<string | null>(null);
  const dataAsOf = useDataAsOf();
  const focus = useFocusCaption();

  const flash = (text: string) => {
    setNotice(text);
    setTimeout(() => setNotice(null), 2500);
  };

  return (
    <div className="sharebar">
      <button
        type="button"
        onClick={async () => {
          writeUrlState();
          try {
            await navigator.clipboard.writeText(window.location.href);
            flash(t('share.copied'));
          } catch {
            flash(t('share.copyFailed'));
          }
        }}
      >
        {t('share.copyLink')}
      </button>
      <button
        type="button"
        onClick={async () => {
          const canvas = document.querySelector<HTMLCanvasElement>('.globe canvas');
          if (!canvas) return;
          const timeMs = simNowMs();
          const caption = [
            `${formatUtc(timeMs)}${focus ? ` · ${focus}` : ''}`,
            t('hud.dataAsOf', { value: dataAsOf ?? t('hud.noCatalog') }),
          ];
          const blob = await exportViewPng(canvas, caption);
          downloadBlob(
            blob,
            `orbital-watch-${new Date(timeMs).toISOString().slice(0, 19).replace(/:/g, '')}Z.png`,
          );
          flash(t('share.exported'));
        }}
      >
        {t('share.exportPng')}
      </button>
      <span aria-live="polite" className="muted share-notice">
        {notice}
      </span>
    </div>
  );
}
