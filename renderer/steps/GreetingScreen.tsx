import { useTranslation } from 'react-i18next';
import type { CardHolder } from '../../electron/host/bridge/contract.js';
import { endVisit } from '../flows/visit.js';
import { useKiosk } from '../state/kiosk-store.js';
import { Button } from '../ui/Button.js';
import { Screen } from '../ui/Screen.js';

/** Chinese-script languages greet by the Chinese name (if the holder has one); others by the Latin one. */
export function GreetingScreen({ holder }: { holder: CardHolder }) {
  const { t } = useTranslation();
  const language = useKiosk((state) => state.language);
  const name = (language === 'zh-Hant' || language === 'zh-Hans') && holder.nameZh ? holder.nameZh : holder.nameLatin;
  return (
    <Screen
      title={t('greeting.hello', { name })}
      actions={<Button onClick={() => void endVisit('finished')}>{t('actions.finish')}</Button>}
    >
      <p className="lead">{t('greeting.cardRead')}</p>
    </Screen>
  );
}
