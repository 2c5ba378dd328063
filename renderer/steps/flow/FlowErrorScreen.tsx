import { useTranslation } from 'react-i18next';
import type { ApiErrorCode } from '../../../electron/shared/kiosk-api/errors.js';
import { finishService } from '../../flows/service-flow.js';
import { Button } from '../../ui/Button.js';
import { Screen } from '../../ui/Screen.js';

/** The host could not go on with the service; nothing was charged. The resident can leave or ask at a counter. */
export function FlowErrorScreen({ error }: { error: ApiErrorCode }) {
  const { t } = useTranslation();
  return (
    <Screen title={t('flowError.title')} actions={<Button onClick={finishService}>{t('actions.finish')}</Button>}>
      <p className="error" role="alert">
        {t(`errors.${error}`)}
      </p>
      <p className="lead">{t('flowError.counter')}</p>
    </Screen>
  );
}
