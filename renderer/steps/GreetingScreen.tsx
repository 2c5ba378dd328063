import { useTranslation } from 'react-i18next';
import type { CardHolder, ServiceId } from '../../electron/shared/kiosk-api/contract.js';
import type { ApiErrorCode } from '../../electron/shared/kiosk-api/errors.js';
import { continueIdentified } from '../flows/service-flow.js';
import { endVisit } from '../flows/visit.js';
import { useKiosk } from '../state/kiosk-store.js';
import { Button } from '../ui/Button.js';
import { Screen } from '../ui/Screen.js';

/** Chinese-script languages greet by the Chinese name (if the holder has one); others by the Latin one. */
export function GreetingScreen({ holder, service, error }: { holder: CardHolder; service?: ServiceId | undefined; error?: ApiErrorCode | undefined }) {
  const { t } = useTranslation();
  const language = useKiosk((state) => state.language);
  const name = (language === 'zh-Hant' || language === 'zh-Hans') && holder.nameZh ? holder.nameZh : holder.nameLatin;
  return (
    <Screen
      title={t('greeting.hello', { name })}
      actions={
        <>
          <Button variant={service ? 'secondary' : 'primary'} onClick={() => void endVisit('finished')}>
            {t('actions.finish')}
          </Button>
          {/* Every service follows the host's evaluation from here (renderer/flows/service-flow.ts). */}
          {service && <Button onClick={() => void continueIdentified(service, holder)}>{t('greeting.continue')}</Button>}
        </>
      }
    >
      <p className="lead">{t('greeting.cardRead')}</p>
      {error && (
        <p className="error" role="alert">
          {t(`errors.${error}`)}
        </p>
      )}
    </Screen>
  );
}
