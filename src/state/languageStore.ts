import { create } from 'zustand';

/** The interface languages: English and Simplified Chinese. */
export type Lang = 'en' | 'zh';

/** BCP 47 tags for `<html lang>` and for Intl's number and date formats. */
export const LOCALE: Readonly<Record<Lang, string>> = { en: 'en-US', zh: 'zh-CN' };

/**
 * A language tag to one of ours: "zh", "zh-CN", "zh-Hans-SG" → zh, "en-GB" → en. Traditional
 * Chinese tags also map to zh: Simplified is closer for those readers than English.
 */
export function parseLang(tag: string | null | undefined): Lang | null {
  const primary = tag?.trim().toLowerCase().split(/[-_]/)[0];
  return primary === 'en' || primary === 'zh' ? primary : null;
}

/** The address takes exactly "en" or "zh" (links stay short and unambiguous). */
export const langParam = (value: string | null): Lang | null =>
  value === 'en' || value === 'zh' ? value : null;

/** `?lang=` wins, then the first of the browser's languages we offer, else English. */
export function pickLanguage(param: string | null, browserLanguages: readonly string[]): Lang {
  const fromParam = langParam(param);
  if (fromParam) return fromParam;
  for (const tag of browserLanguages) {
    const lang = parseLang(tag);
    if (lang) return lang;
  }
  return 'en';
}

interface LanguageState {
  lang: Lang;
  /** Chosen in the address or with the switch: shared links then carry it. */
  explicit: boolean;
  setLang(lang: Lang): void;
}

function initialLanguage(): Pick<LanguageState, 'lang' | 'explicit'> {
  if (typeof location === 'undefined') return { lang: 'en', explicit: false };
  const param = new URLSearchParams(location.search).get('lang');
  const browser = typeof navigator === 'undefined' ? [] : (navigator.languages ?? []);
  return { lang: pickLanguage(param, browser), explicit: langParam(param) !== null };
}

export const useLanguageStore = create<LanguageState>()((set) => ({
  ...initialLanguage(),
  setLang: (lang) => set({ lang, explicit: true }),
}));
