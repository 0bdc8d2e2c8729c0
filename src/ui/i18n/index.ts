import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LOCALE, useLanguageStore, type Lang } from '../../state/languageStore';
import { en } from './en';
import { zh } from './zh';

/** The one i18next instance: both languages are bundled (a few kB), so switching never waits. */
export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: { en: { translation: en }, zh: { translation: zh } },
  lng: useLanguageStore.getState().lang,
  fallbackLng: 'en',
  initAsync: false,
  // React escapes what it renders.
  interpolation: { escapeValue: false },
  returnNull: false,
});

function apply(lang: Lang): void {
  if (i18n.language !== lang) void i18n.changeLanguage(lang);
  // Screen readers pick their voice, and browsers their fonts, from it.
  if (typeof document !== 'undefined') document.documentElement.lang = LOCALE[lang];
}

apply(useLanguageStore.getState().lang);
useLanguageStore.subscribe((s) => apply(s.lang));

/** The reader's locale for Intl number formats (times stay UTC). */
export const locale = (): string => LOCALE[useLanguageStore.getState().lang];
