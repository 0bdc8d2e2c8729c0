import { useTranslation } from 'react-i18next';
import { LOCALE, useLanguageStore, type Lang } from '../state/languageStore';

const LANGS: Lang[] = ['en', 'zh'];

/**
 * English / 中文: each language named in itself, so a reader finds theirs in either. `short`
 * (a phone's top bar) writes English as EN.
 */
export function LanguageSwitch({ short = false }: { short?: boolean }) {
  const { t } = useTranslation();
  const lang = useLanguageStore((s) => s.lang);
  const setLang = useLanguageStore((s) => s.setLang);
  return (
    <div className="language-switch" role="group" aria-label={t('language.label')}>
      {LANGS.map((l) => (
        <button
          key={l}
          type="button"
          lang={LOCALE[l]}
          aria-pressed={lang === l}
          onClick={() => setLang(l)}
        >
          {short && l === 'en' ? 'EN' : t(`language.${l}`)}
        </button>
      ))}
    </div>
  );
}
