import { useTranslation } from 'react-i18next';
import { noteActivity } from '../flows/visit.js';
import { Button } from './Button.js';

/** The idle warning: one touch anywhere (or on the button) keeps the session going. */
export function IdleWarning({ secondsLeft }: { secondsLeft: number }) {
  const { t } = useTranslation();
  return (
    <div className="overlay" role="alertdialog" aria-modal="true" aria-labelledby="idle-title" aria-describedby="idle-text">
      <div className="dialog">
        <h2 id="idle-title">{t('idle.title')}</h2>
        <p id="idle-text" aria-live="assertive">
          {t('idle.countdown', { seconds: secondsLeft })}
        </p>
        <Button onClick={noteActivity}>{t('idle.continue')}</Button>
      </div>
    </div>
  );
}
