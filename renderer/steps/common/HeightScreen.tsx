import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiErrorCode } from '../../../electron/shared/kiosk-api/errors.js';
import { stepDone } from '../../flows/service-flow.js';
import { useKiosk } from '../../state/kiosk-store.js';
import { Button } from '../../ui/Button.js';
import { formatDecimal } from '../../ui/format.js';
import { Screen } from '../../ui/Screen.js';
import './common-steps.css';
import { CancelVisitButton } from '../../ui/CancelVisitButton.js';
import { DeviceGuidance } from '../../ui/guidance/DeviceGuidance.js';

type Phase = { name: 'ready' } | { name: 'measuring' } | { name: 'measured'; heightMm: number } | { name: 'failed'; error: ApiErrorCode };

/** Height on the gauge, measured by the host; the resident confirms or measures again. */
export function HeightScreen() {
  const { t } = useTranslation();
  const api = useKiosk((s) => s.api);
  const language = useKiosk((s) => s.language);
  const [phase, setPhase] = useState<Phase>({ name: 'ready' });
  const call = useRef<AbortController | undefined>(undefined);
  useEffect(() => () => call.current?.abort(), []);

  const measure = async () => {
    if (!api) return;
    call.current?.abort();
    const controller = (call.current = new AbortController());
    setPhase({ name: 'measuring' });
    const result = await api.height.measure({}, { signal: controller.signal });
    if (controller.signal.aborted) return;
    setPhase(result.ok ? { name: 'measured', heightMm: result.value.heightMm } : { name: 'failed', error: result.error.code });
  };

  return (
    <Screen
      title={t('height.title')}
      actions={
        <>
          <CancelVisitButton />
          {phase.name === 'ready' && <Button onClick={() => void measure()}>{t('height.measure')}</Button>}
          {(phase.name === 'measured' || phase.name === 'failed') && (
            <Button variant={phase.name === 'measured' ? 'secondary' : 'primary'} onClick={() => void measure()}>
              {t('height.again')}
            </Button>
          )}
          {phase.name === 'measured' && <Button onClick={() => stepDone('height', { heightMm: phase.heightMm })}>{t('greeting.continue')}</Button>}
        </>
      }
    >
      <DeviceGuidance device="height-gauge" activity={phase.name === 'measuring' ? 'working' : phase.name === 'measured' ? 'done' : 'ready'} />
      <p className="lead">{t('height.hint')}</p>
      {phase.name === 'measuring' && (
        <p className="lead prompt" role="status">
          {t('height.measuring')}
        </p>
      )}
      {phase.name === 'measured' && (
        <p className="height-value" role="status" data-height-mm={phase.heightMm} data-speak data-speak-clips={`speech.data.height #${phase.heightMm / 10} speech.data.centimetres`}>
          {t('height.result', { cm: formatDecimal(phase.heightMm / 10, language) })}
        </p>
      )}
      {phase.name === 'failed' && (
        <p className="error" role="alert">
          {t(`errors.${phase.error}`)}
        </p>
      )}
    </Screen>
  );
}
