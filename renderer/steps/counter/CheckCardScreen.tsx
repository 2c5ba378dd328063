import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiErrorCode } from '../../../electron/shared/kiosk-api/errors.js';
import { stepDone } from '../../flows/service-flow.js';
import { useKiosk } from '../../state/kiosk-store.js';
import { Button } from '../../ui/Button.js';
import { CancelVisitButton } from '../../ui/CancelVisitButton.js';
import { DeviceGuidance } from '../../ui/guidance/DeviceGuidance.js';
import { Screen } from '../../ui/Screen.js';
import { FlowErrorScreen } from '../flow/FlowErrorScreen.js';
import type { StepProps } from '../flow/step-props.js';
import { keepCheckResult } from './check-result.js';
import './counter.css';

type Phase = { name: 'waiting' } | { name: 'checking' } | { name: 'failed'; error: ApiErrorCode };

/** `read-card` steps: the card to check (authenticity) here; other cards are read by their own flows. */
export function ReadCardStep(props: StepProps<'read-card'>) {
  if (props.step.whose !== 'card-to-check') return <FlowErrorScreen error="step-not-allowed" />;
  return <CheckCardScreen />;
}

/** Place the card to check; the host waits for it and checks its chip (signatures, chip key, expiry). */
export function CheckCardScreen() {
  const { t } = useTranslation();
  const api = useKiosk((s) => s.api);
  const [phase, setPhase] = useState<Phase>({ name: 'waiting' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!api) return;
    const controller = new AbortController();
    setPhase({ name: 'waiting' });
    const off = api.on('card.presence', ({ present }) => {
      if (present && !controller.signal.aborted) setPhase({ name: 'checking' });
    });
    void api.authenticity.check({}, { signal: controller.signal }).then((result) => {
      off();
      if (controller.signal.aborted) return;
      if (!result.ok) return setPhase({ name: 'failed', error: result.error.code });
      const sessionId = useKiosk.getState().sessionId;
      if (sessionId) keepCheckResult(sessionId, result.value);
      void stepDone('read-card');
    });
    return () => {
      off();
      controller.abort();
    };
  }, [api, attempt]);

  return (
    <Screen
      title={t('authenticity.placeTitle')}
      actions={
        <>
          <CancelVisitButton />
          {phase.name === 'failed' && <Button onClick={() => setAttempt((n) => n + 1)}>{t('actions.retry')}</Button>}
        </>
      }
    >
      <DeviceGuidance device="card-reader" activity={phase.name === 'checking' ? 'working' : 'ready'} />
      <p className="lead" role="status" aria-live="polite">
        {phase.name === 'waiting' && t('authenticity.place')}
        {phase.name === 'checking' && t('authenticity.checking')}
      </p>
      {phase.name === 'failed' && (
        <p className="error" role="alert">
          {t(`errors.${phase.error}`)}
        </p>
      )}
    </Screen>
  );
}
