import { useTranslation } from 'react-i18next';
import { useCatalogStore } from '../state/catalogStore';
import { noticePartMessage } from './issues';

/** Load failures: what was wrong and where; the catalog on screen stays as it was. */
export function Alerts() {
  const { t } = useTranslation();
  const error = useCatalogStore((s) => s.error);
  const parts = useCatalogStore((s) => s.errorParts);
  const dismiss = useCatalogStore((s) => s.dismissError);
  if (!error) return null;
  return (
    <div className="alert" role="alert">
      <span>{parts.length > 0 ? parts.map(noticePartMessage).join(' · ') : error}</span>
      <button type="button" className="close" aria-label={t('app.dismiss')} onClick={dismiss}>
        ×
      </button>
    </div>
  );
}
