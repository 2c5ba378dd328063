import { useTranslation } from 'react-i18next';
import { endVisit } from '../../flows/visit.js';
import { Button } from '../../ui/Button.js';
import { Screen } from '../../ui/Screen.js';

/** The end of the capture steps (the service's payment and pickup steps come with their issue). */
export function CaptureDoneScreen() {
  const { t } = useTranslation();
  return (
    <Screen title={t('captureDone.title')} actions={<Button onClick={() => void endVisit('finished')}>{t('actions.finish')}</Button>}>
      <p className="lead">{t('captureDone.recorded')}</p>
    </Screen>
  );
}
