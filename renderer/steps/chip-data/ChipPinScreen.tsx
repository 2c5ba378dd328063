import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiErrorCode } from '../../../electron/shared/kiosk-api/errors.js';
import { finishService, stepDone } from '../../flows/service-flow.js';
import { useKiosk } from '../../state/kiosk-store.js';
import { Button } from '../../ui/Button.js';
import { CancelVisitButton } from '../../ui/CancelVisitButton.js';
import { Screen } from '../../ui/Screen.js';
import { PinPad } from '../fingerprint/PinPad.js';
import type { StepProps } from '../flow/step-props.js';
import '../photo/capture.css';
import '../../ui/own-data-form.css';

type Phase = { name: 'entering'; busy: boolean; triesLeft?: number; error?: ApiErrorCode } | { name: 'blocked' };

/**
 * The general password from the PIN letter, checked by the card on the reader [001 Other Q4]. A wrong
 * PIN says how many tries are left; a blocked PIN sends the resident to a counter (it is reset there
 * with the card [Other Q10]).
 */
export function ChipPinScreen(_props: StepProps<'enter-pin'>) {
  const { t } = useTranslation();
  const api = useKiosk((s) => s.api);
  const [phase, setPhase] = useState<Phase>({ name: 'entering', busy: false });

  const submit = async (pin: string) => {
    if (!api) return;
    setPhase({ name: 'entering', busy: true });
    const result = await api.chipData.verifyPin({ pin });
    if (!result.ok) return setPhase({ name: 'entering', busy: false, error: result.error.code });
    if (result.value.verified) return void stepDone('enter-pin');
    if (result.value.blocked) return setPhase({ name: 'blocked' });
    setPhase({ name: 'entering', busy: false, triesLeft: result.value.triesLeft });
  };

  if (phase.name === 'blocked') {
    return (
      <Screen title={t('chipData.blockedTitle')} actions={<Button onClick={finishService}>{t('actions.finish')}</Button>}>
        <p className="error" role="alert">
          {t('pin.blocked')}
        </p>
        <p className="lead">{t('chipData.blockedHint')}</p>
      </Screen>
    );
  }
  return (
    <Screen title={t('pin.title')} actions={<CancelVisitButton />}>
      <p className="lead">{t('pin.hint')}</p>
      <p className="lead">{t('chipData.privacy')}</p>
      {phase.triesLeft !== undefined && (
        <p className="error" role="alert">
          {t('pin.wrong', { count: phase.triesLeft })}
        </p>
      )}
      {phase.error && (
        <p className="error" role="alert">
          {t(`errors.${phase.error}`)}
        </p>
      )}
      <PinPad busy={phase.busy} onSubmit={(pin) => void submit(pin)} />
    </Screen>
  );
}
