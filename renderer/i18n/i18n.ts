import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import zhHant from 'virtual:kiosk-locale/zh-Hant';
import type { Language } from '../../electron/shared/kiosk-api/contract.js';
import type { CompiledBundle } from './compiled-messages.js';
import { icuFormat } from './icu-format.js';

/**
 * Every visible and spoken string comes from locales/; zh-Hant is the reference and the default.
 * Each locale is loaded precompiled (`virtual:kiosk-locale/<lang>`, the renderer's Vite config):
 * ICU messages already parsed, formatted by icu-format.ts.
 */
export const DEFAULT_LANGUAGE: Language = 'zh-Hant';

/**
 * The other languages are chunks of their own, fetched right after start-up rather than parsed
 * before the first paint (issue 20: the entry chunk). They are local files: loaded within
 * milliseconds, long before a resident touches a language button; a switch waits for its bundle.
 */
const OTHER_LANGUAGES: Record<Exclude<Language, 'zh-Hant'>, () => Promise<{ default: CompiledBundle }>> = {
  'zh-Hans': () => import('virtual:kiosk-locale/zh-Hans'),
  pt: () => import('virtual:kiosk-locale/pt'),
  en: () => import('virtual:kiosk-locale/en'),
};
const loading = new Map<Language, Promise<void>>();

/** Fetches the language's messages once (already there right after start-up, see above). */
export function loadLanguage(language: Language): Promise<void> {
  if (language === 'zh-Hant') return Promise.resolve();
  let load = loading.get(language);
  if (!load) {
    load = OTHER_LANGUAGES[language]().then(({ default: bundle }) => void i18next.addResourceBundle(language, 'translation', bundle, true, true));
    // A failed fetch may be tried again by the next switch.
    load.catch(() => loading.delete(language));
    loading.set(language, load);
  }
  return load;
}

export function initI18n(): void {
  void i18next
    .use(icuFormat)
    .use(initReactI18next)
    .init({
      resources: { 'zh-Hant': { translation: zhHant } },
      partialBundledLanguages: true,
      lng: DEFAULT_LANGUAGE,
      fallbackLng: false, // a missing key must show up in tests, not silently fall back
      interpolation: { escapeValue: false },
      returnNull: false,
      // Screens that show another language (out of service: all four) render again when it arrives.
      react: { bindI18nStore: 'added' },
    });
  for (const language of Object.keys(OTHER_LANGUAGES) as Language[]) void loadLanguage(language).catch(() => undefined);
}

export function setUiLanguage(language: Language): void {
  document.documentElement.lang = language;
  void loadLanguage(language).then(() => applyUiLanguage(language));
}

/**
 * Switches the page to a language whose messages are loaded (`loadLanguage`), at once. A language
 * tap calls it in the same task as the store update it causes: React then renders the new screen
 * once, already in the new language, and the page's style and layout are computed once (the font
 * list follows html[lang]). Left to App's effect, the screen rendered and laid out in the old
 * language first, then again in the new one: 60 + 85 ms of main thread in the "English" tap at 4x
 * CPU throttling (issue 20, wave 27). A second call for the current language does nothing.
 */
export function applyUiLanguage(language: Language): void {
  if (document.documentElement.lang !== language) document.documentElement.lang = language;
  if (i18next.language !== language) void i18next.changeLanguage(language);
}
