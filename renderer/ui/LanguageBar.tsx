import { useTranslation } from 'react-i18next';
import type { Language } from '../../electron/shared/kiosk-api/contract.js';
import { changeLanguage } from '../flows/visit.js';
import { useKiosk } from '../state/kiosk-store.js';

/** Language names are written in their own language, so anyone can find theirs. */
export const LANGUAGE_NAMES: Record<Language, string> = {
  'zh-Hant': '繁體中文',
  'zh-Hans': '简体中文',
  pt: 'Português',
  en: 'English',
};

export function LanguageBar() {
  const { t } = useTranslation();
  const languages = useKiosk((state) => state.info?.languages ?? []);
  const current = useKiosk((state) => state.language);
  return (
    <nav className="language-bar" aria-label={t('app.languages')}>
      {languages.map((language) => (
        <button
          key={language}
          type="button"
          lang={language}
          className="language-button"
          aria-pressed={language === current}
          onClick={() => void changeLanguage(language)}
        >
          {LANGUAGE_NAMES[language]}
        </button>
      ))}
    </nav>
  );
}
