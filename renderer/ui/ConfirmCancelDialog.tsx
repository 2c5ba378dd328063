import { useTranslation } from 'react-i18next';
import { Button } from './Button.js';

/**
 * "Cancel this application?" before a visit's progress is thrown away: one mis-tap after the
 * fingerprints and the photo must not lose them. Keeping on is the first, focused choice.
 */
export function ConfirmCancelDialog({ onKeep, onCancel }: { onKeep: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="overlay" role="alertdialog" aria-modal="true" aria-labelledby="confirm-cancel-title" aria-describedby="confirm-cancel-text">
      <div className="dialog">
        <h2 id="confirm-cancel-title">{t('cancelConfirm.title')}</h2>
        <p id="confirm-cancel-text">{t('cancelConfirm.text')}</p>
        <div className="dialog-actions">
          <Button variant="secondary" autoFocus onClick={onKeep}>
            {t('cancelConfirm.keep')}
          </Button>
          <Button variant="danger" onClick={onCancel}>
            {t('cancelConfirm.cancel')}
          </Button>
        </div>
      </div>
    </div>
  );
}
