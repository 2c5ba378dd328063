import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiErrorCode } from '../../../electron/shared/kiosk-api/errors.js';
import type { EventPayload } from '../../../electron/shared/kiosk-api/contract.js';
import { stepDone } from '../../flows/service-flow.js';
import { useKiosk } from '../../state/kiosk-store.js';
import { Button } from '../../ui/Button.js';
import { formatDecimal } from '../../ui/format.js';
import { Screen } from '../../ui/Screen.js';
import './common-steps.css';
import { CancelVisitButton } from '../../ui/CancelVisitButton.js';
import { DeviceGuidance } from '../../ui/guidance/DeviceGuidance.js';

/** How long a good measurement stays on screen (and is announced) before the step moves on by itself. */
export const HEIGHT_RESULT_HOLD_MS = 1_200;

type Prompt = EventPayload<'height.prompt'>['prompt'];
type Phase = { name: 'measuring' } | { name: 'measured'; heightMm: number } | { name: 'failed'; error: ApiErrorCode };

/**
 * Height on the gauge, measured by the host. Measuring starts when the screen opens: the gauge asks
 * the resident to step on and stand still (its prompts arrive live) and measures by itself; a good
 * height is shown and announced, then the step moves on. A failure offers "Measure again".
 */
export function HeightScreen() {
  const { t } = useTranslation();
  const api = useKiosk((s) => s.api);
  const language = useKiosk((s) => s.language);
  const [phase, setPhase] = useState<Phase>({ name: 'measuring' });
  const [prompt, setPrompt] = useState<Prompt | undefined>();
  const call = useRef<AbortController | undefined>(undefined);

  useEffect(() => (api ? api.on('height.prompt', ({ prompt: p }) => setPrompt(p)) : undefined), [api]);

  const measure = useCallback(async () => {
    if (!api) return;
    call.current?.abort();
    const controller = (call.current = new AbortController());
    setPrompt(undefined);
    setPhase({ name: 'measuring' });
    const result = await api.height.measure({}, { signal: controller.signal });
    if (controller.signal.aborted) return;
    setPhase(result.ok ? { name: 'measured', heightMm: result.value.heightMm } : { name: 'failed', error: result.error.code });
  }, [api]);

  useEffect(() => {
    // Deferred a tick: a mount that is undone at once (React's strict mode) never reaches the gauge.
    const start = setTimeout(() => void measure(), 0);
    return () => {
      clearTimeout(start);
      call.current?.abort();
    };
  }, [measure]);

  useEffect(() => {
    if (phase.name !== 'measured') return undefined;
    const next = setTimeout(() => void stepDone('height', { heightMm: phase.heightMm }), HEIGHT_RESULT_HOLD_MS);
    return () => clearTimeout(next);
  }, [phase]);

  return (
    <Screen
      title={t('height.title')}
      actions={
        <>
          <CancelVisitButton />
          {phase.name === 'failed' && <Button onClick={() => void measure()}>{t('height.again')}</Button>}
        </>
      }
    >
      <DeviceGuidance device="height-gauge" activity={phase.name === 'measuring' ? (prompt === 'measuring' ? 'working' : 'ready') : phase.name === 'measured' ? 'done' : 'ready'} />
      <p className="lead">{t('height.hint')}</p>
      {phase.name === 'measuring' && (
        // The gauge's live prompt is read aloud as it changes (its clip is `height.prompt.<prompt>`).
        <p className="lead prompt" role="status" aria-live="polite" data-prompt={prompt ?? ''} {...(prompt ? { 'data-speak': true, 'data-speak-clips': `height.prompt.${prompt}` } : {})}>
          {prompt ? t(`height.prompt.${prompt}`) : '\u00a0'}
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
