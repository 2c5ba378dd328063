import i18next from 'i18next';
import ICU from 'i18next-icu';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../electron/host/bridge/contract.js';
import en from '../../locales/en.json';
import pt from '../../locales/pt.json';
import zhHans from '../../locales/zh-Hans.json';
import zhHant from '../../locales/zh-Hant.json';

/** Every visible and spoken string comes from locales/; zh-Hant is the reference and the default. */
export const resources = {
  'zh-Hant': { translation: zhHant },
  'zh-Hans': { translation: zhHans },
  pt: { translation: pt },
  en: { translation: en },
} as const;

export const DEFAULT_LANGUAGE: Language = 'zh-Hant';

export function initI18n(): void {
  void i18next
    .use(ICU)
    .use(initReactI18next)
    .init({
      resources,
      lng: DEFAULT_LANGUAGE,
      fallbackLng: false, // a missing key must show up in tests, not silently fall back
      interpolation: { escapeValue: false },
      returnNull: false,
    });
}

export function setUiLanguage(language: Language): void {
  void i18next.changeLanguage(language);
  document.documentElement.lang = language;
}
