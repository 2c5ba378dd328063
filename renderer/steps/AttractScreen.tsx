import { useTranslation } from 'react-i18next';
import { startVisit } from '../flows/visit.js';
import { useKiosk } from '../state/kiosk-store.js';
import { LANGUAGE_NAMES } from '../ui/LanguageBar.js';

/** The attract screen: the welcome in every language, and one big button per language to start. */
export function AttractScreen() {
  const { t } = useTranslation();
  const languages = useKiosk((state) => state.info?.languages ?? []);
  return (
    <div className="screen attract">
      <main className="screen-body">
        <div className="brand brand-large">{t('app.bureau')}</div>
        <h1 className="screen-title">{t('attract.welcome')}</h1>
        <p className="lead">{t('attract.chooseLanguage')}</p>
        <div className="language-grid">
          {languages.map((language) => (
            <button key={language} type="button" lang={language} className="button button-primary button-large" onClick={() => void startVisit(language)}>
              {LANGUAGE_NAMES[language]}
            </button>
          ))}
        </div>
      </main>
    </div>
  );
}
