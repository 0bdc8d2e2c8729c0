import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import { loadCatalogUrl, loadCelestrakGroup } from '../services/catalogLoader';
import { CELESTRAK_GROUPS } from '../services/celestrak';
import { openObjectFile } from '../services/openFile';
import { useCatalogStore } from '../state/catalogStore';

/** The four ways in: a local file, a URL, a CelesTrak group, the bundled snapshot. */
export function CatalogControls() {
  const { t } = useTranslation();
  const loading = useCatalogStore((s) => s.loading);
  const [url, setUrl] = useState('');

  return (
    <div className="catalog-controls">
      <label className="button">
        {t('catalogControls.openFile')}
        <input
          type="file"
          aria-label={t('catalogControls.loadCatalog')}
          accept=".tle,.txt,.3le,.2le,.csv,.json,.xml,.oem,.gz"
          className="visually-hidden"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void openObjectFile(file);
            e.target.value = '';
          }}
        />
      </label>
      <label>
        <span className="visually-hidden">{t('catalogControls.group')}</span>
        <select
          aria-label={t('catalogControls.group')}
          value=""
          disabled={loading !== null}
          onChange={(e) => e.target.value && void loadCelestrakGroup(e.target.value)}
        >
          <option value="">{t('catalogControls.groupPlaceholder')}</option>
          {CELESTRAK_GROUPS.map((g) => (
            <option key={g.group} value={g.group}>
              {g.label}
            </option>
          ))}
        </select>
      </label>
      <form
        className="url-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (url.trim()) void loadCatalogUrl(url.trim());
        }}
      >
        <input
          type="url"
          aria-label={t('catalogControls.url')}
          placeholder={t('catalogControls.urlPlaceholder')}
          value={url}
          onChange={(e) => setUrl(e.target.value)}
        />
        <button type="submit" disabled={loading !== null || !url.trim()}>
          {t('catalogControls.load')}
        </button>
      </form>
      {__SNAPSHOT_URL__ && (
        <button
          type="button"
          disabled={loading !== null}
          onClick={() => void loadCatalogUrl(__SNAPSHOT_URL__!, 'snapshot')}
        >
          {t('dataAsOf.snapshot')}
        </button>
      )}
    </div>
  );
}
