import { useTranslation } from 'react-i18next';
import { LOCALE, useLanguageStore, type Lang } from '../state/languageStore';

/** Each language named in itself, so a reader finds theirs whichever is showing. */
const NAME: Record<Lang, { full: string; short: string }> = {
  en: { full: 'English', short: 'EN' },
  zh: { full: '中文', short: '中文' },
};

/**
 * One button that switches to the other language: small enough for the operator's full bar and a
 * phone's top bar. Its name is the language it offers, in that language (and marked so, for
 * screen readers' voices); `short` writes English as EN.
 */
export function LanguageSwitch({ short = false }: { short?: boolean }) {
  const { t } = useTranslation();
  const lang = useLanguageStore((s) => s.lang);
  const setLang = useLanguageStore((s) => s.setLang);
  const other: Lang = lang === 'en' ? 'zh' : 'en';
  return (
    <button
      type="button"
      className="language-switch"
      lang={LOCALE[other]}
      title={t('language.switch')}
      onClick={() => setLang(other)}
    >
      {short ? NAME[other].short : NAME[other].full}
    </button>
  );
}
