import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResultOf } from '../../../electron/shared/kiosk-api/contract.js';
import type { ApiErrorCode } from '../../../electron/shared/kiosk-api/errors.js';
import { cancelService, stepDone } from '../../flows/service-flow.js';
import { useAutoAdvance } from '../../flows/auto-advance.js';
import { useKiosk } from '../../state/kiosk-store.js';
import { Button } from '../../ui/Button.js';
import { CancelVisitButton } from '../../ui/CancelVisitButton.js';
import { Screen } from '../../ui/Screen.js';
import type { StepProps } from '../flow/step-props.js';
import { HandDiagram } from './HandDiagram.js';
import './tenprint.css';
import { DeviceGuidance } from '../../ui/guidance/DeviceGuidance.js';

type Status = ResultOf<'biometrics.tenPrintStatus'>;
type Finger = Status['fingers'][number]['finger'];
type Capture = ResultOf<'biometrics.captureFinger'>;
type Prompt = 'place-finger' | 'lift-finger' | 'too-light' | 'too-dark';

type Phase =
  | { name: 'starting' }
  | { name: 'scanning'; finger: Finger }
  | { name: 'judged'; finger: Finger; last: Capture }
  | { name: 'failed'; error: ApiErrorCode };

/** The finger to take next: the first one still pending with tries left, in the host's order. */
function nextFinger(status: Status, after?: Finger): Finger | undefined {
  const pending = status.fingers.filter((f) => f.status === 'pending' && f.triesLeft > 0);
  if (after) {
    const same = pending.find((f) => f.finger === after);
    if (same) return same.finger;
  }
  return pending[0]?.finger;
}

/**
 * Ten-print capture for the new card (the host's `capture-fingerprints` step): a hand diagram with
 * each finger's state, the finger to place now and the scanner's live prompts, the quality of each
 * try against the host's floor, retry, and "missing" or "injured" for a finger that cannot be
 * taken. The host counts the tries; when one finger fails them all it says so, and the resident is
 * sent to a counter to finish the capture. [001 ID Q24C]
 */
export function TenPrintScreen({ step }: StepProps<'capture-fingerprints'>) {
  const { t } = useTranslation();
  const api = useKiosk((s) => s.api);
  const [status, setStatus] = useState<Status | undefined>();
  const [phase, setPhase] = useState<Phase>({ name: 'starting' });
  const [prompt, setPrompt] = useState<Prompt | undefined>();
  const call = useRef<AbortController | undefined>(undefined);

  useEffect(() => () => call.current?.abort(), []);
  useEffect(() => (api ? api.on('biometrics.prompt', ({ prompt: p }) => setPrompt(p)) : undefined), [api]);

  const capture = useCallback(
    async (finger: Finger) => {
      if (!api) return;
      call.current?.abort();
      const controller = (call.current = new AbortController());
      setPrompt(undefined);
      setPhase({ name: 'scanning', finger });
      const result = await api.biometrics.captureFinger({ finger }, { signal: controller.signal });
      if (controller.signal.aborted) return;
      if (!result.ok) return setPhase({ name: 'failed', error: result.error.code });
      setStatus(result.value.status);
      if (result.value.outcome === 'captured') {
        const next = nextFinger(result.value.status);
        if (next) return void capture(next);
      }
      setPhase({ name: 'judged', finger, last: result.value });
    },
    [api],
  );

  useEffect(() => {
    if (!api) return;
    let stale = false;
    void api.biometrics.startTenPrint({ fingers: step.fingers }).then((started) => {
      if (stale) return;
      if (!started.ok) return setPhase({ name: 'failed', error: started.error.code });
      setStatus(started.value);
      const first = nextFinger(started.value);
      if (first) void capture(first);
    });
    return () => {
      stale = true;
    };
  }, [api, step.fingers, capture]);

  const mark = async (finger: Finger, reason: 'missing' | 'injured') => {
    if (!api) return;
    call.current?.abort();
    const marked = await api.biometrics.markFinger({ finger, reason });
    if (!marked.ok) return setPhase({ name: 'failed', error: marked.error.code });
    setStatus(marked.value);
    const next = nextFinger(marked.value);
    if (next) return void capture(next);
    setPhase({ name: 'starting' });
  };

  const current = phase.name === 'scanning' || phase.name === 'judged' ? phase.finger : undefined;
  const currentRecord = status?.fingers.find((f) => f.finger === current);
  const done = status?.complete === true && !status.referral;
  const referral = status?.referral === true;
  const last = phase.name === 'judged' ? phase.last : undefined;
  // All ten taken: the completed hands show for a moment, then the visit moves on without a tap.
  useAutoAdvance(done, () => void stepDone('capture-fingerprints'));

  return (
    <Screen
      title={t('tenPrint.title')}
      actions={
        referral ? (
          <Button onClick={() => void cancelService()}>{t('actions.finish')}</Button>
        ) : (
          <CancelVisitButton />
        )
      }
    >
      {status && <HandDiagram fingers={status.fingers} current={done || referral ? undefined : current} />}
      {phase.name === 'starting' && !status && (
        <p className="lead" role="status">
          {t('tenPrint.starting')}
        </p>
      )}
      {referral && (
        <p className="error" role="alert" data-testid="tenprint-referral">
          {t('tenPrint.referral')}
        </p>
      )}
      {done && (
        <p className="lead success" role="status" aria-live="polite" data-speak data-speak-clips="tenPrint.complete">
          {t('tenPrint.complete')}
        </p>
      )}
      {!done && !referral && current && (
        <>
          <DeviceGuidance device="fingerprint-scanner" activity={phase.name === 'scanning' ? 'working' : 'ready'} finger={current} />
          <p className="lead prompt" role="status" data-current-finger={current} data-speak data-speak-clips={`speech.data.useFinger fingers.${current}`}>
            {phase.name === 'scanning' ? t('tenPrint.place', { finger: t(`fingers.${current}`) }) : t('tenPrint.judged', { finger: t(`fingers.${current}`) })}
          </p>
          {phase.name === 'scanning' && prompt && <p className="lead">{t(`fingerprint.prompt.${prompt}`)}</p>}
          {last && last.outcome !== 'captured' && (
            <p className="error" role="alert" data-outcome={last.outcome}>
              {last.outcome === 'poor-quality'
                ? t('tenPrint.poorQuality')
                : last.outcome === 'no-finger'
                  ? t('fingerprint.outcome.no-finger')
                  : t('tenPrint.fingerFailed', { finger: t(`fingers.${last.finger}`) })}{' '}
              {last.outcome !== 'failed' && t('fingerprint.triesLeft', { count: currentRecord?.triesLeft ?? 0 })}
            </p>
          )}
          <div className="tenprint-actions">
            {phase.name === 'judged' && (currentRecord?.triesLeft ?? 0) > 0 && currentRecord?.status === 'pending' && (
              <Button onClick={() => void capture(current)}>{t('fingerprint.tryAgain')}</Button>
            )}
            <Button variant="secondary" onClick={() => void mark(current, 'missing')}>
              {t('tenPrint.markMissing', { finger: t(`fingers.${current}`) })}
            </Button>
            <Button variant="secondary" onClick={() => void mark(current, 'injured')}>
              {t('tenPrint.markInjured', { finger: t(`fingers.${current}`) })}
            </Button>
          </div>
        </>
      )}
      {phase.name === 'failed' && (
        <p className="error" role="alert">
          {t(`errors.${phase.error}`)}
        </p>
      )}
    </Screen>
  );
}
