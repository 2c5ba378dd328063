import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiErrorCode } from '../../electron/shared/kiosk-api/errors.js';
import { startVisit } from '../flows/visit.js';
import { useKiosk } from '../state/kiosk-store.js';
import { LANGUAGE_NAMES } from '../ui/LanguageBar.js';

/**
 * The attract screen: the welcome in every language, and one big button per language to start.
 * When the host refuses a visit (out of service: `journal-unavailable`), the reason shows here, in
 * the language the resident chose.
 */
export function AttractScreen() {
  const { t } = useTranslation();
  const languages = useKiosk((state) => state.info?.languages ?? []);
  const [refused, setRefused] = useState<{ code: ApiErrorCode; language: string } | undefined>();
  const start = async (language: (typeof languages)[number]): Promise<void> => {
    const code = await startVisit(language);
    setRefused(code ? { code, language } : undefined);
  };
  return (
    <div className="screen attract">
      <main className="screen-body">
        <div className="brand brand-large">{t('app.bureau')}</div>
        <h1 className="screen-title">{t('attract.welcome')}</h1>
        <p className="lead">{t('attract.chooseLanguage')}</p>
        <div className="language-grid">
          {languages.map((language) => (
            <button key={language} type="button" lang={language} className="button button-primary button-large" onClick={() => void start(language)}>
              {LANGUAGE_NAMES[language]}
            </button>
          ))}
        </div>
        {refused && (
          <p className="error" role="alert" lang={refused.language}>
            {t(`errors.${refused.code}`, { lng: refused.language })}
          </p>
        )}
      </main>
    </div>
  );
}
