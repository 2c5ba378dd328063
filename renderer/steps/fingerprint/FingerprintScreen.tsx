import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResultOf } from '../../../electron/shared/kiosk-api/contract.js';
import type { ApiErrorCode } from '../../../electron/shared/kiosk-api/errors.js';
import { stepDone } from '../../flows/service-flow.js';
import { useAutoAdvance } from '../../flows/auto-advance.js';
import { useKiosk } from '../../state/kiosk-store.js';
import { Button } from '../../ui/Button.js';
import { Screen } from '../../ui/Screen.js';
import '../photo/capture.css';
import { PinPad } from './PinPad.js';
import { DeviceGuidance } from '../../ui/guidance/DeviceGuidance.js';
import { CancelVisitButton } from '../../ui/CancelVisitButton.js';

type Finger = ResultOf<'biometrics.startVerification'>['enrolled'][number];
type Failed = Extract<ResultOf<'biometrics.verifyFinger'>, { outcome: 'no-match' | 'poor-quality' | 'no-finger' }>;
type Prompt = 'place-finger' | 'lift-finger' | 'too-light' | 'too-dark';

/** Errors that mean the card left the reader: put it back and try again (nothing else is lost). */
const CARD_ERRORS: ReadonlySet<ApiErrorCode> = new Set(['card-removed', 'card-unreadable']);

type Phase =
  | { name: 'reading' }
  | { name: 'scanning'; finger: Finger; last?: Failed }
  | { name: 'retry'; last: Failed }
  | { name: 'choose'; last?: Failed }
  | { name: 'pin'; busy: boolean; triesLeft?: number; blocked?: boolean }
  | { name: 'verified' }
  | { name: 'failed'; error: ApiErrorCode };

/**
 * Fingerprint verification against the card's references: three tries per finger, then another
 * enrolled finger or the PIN from the PIN letter. The host counts the tries and decides; this
 * screen shows the scanner's live prompts and the host's answers.
 */
export function FingerprintScreen({ who = 'applicant', onVerified }: { who?: 'applicant' | 'guardian'; onVerified?: () => void } = {}) {
  const { t } = useTranslation();
  const api = useKiosk((s) => s.api);
  const [phase, setPhase] = useState<Phase>({ name: 'reading' });
  const [prompt, setPrompt] = useState<Prompt | undefined>();
  const call = useRef<AbortController | undefined>(undefined);

  useEffect(() => () => call.current?.abort(), []);
  useEffect(() => (api ? api.on('biometrics.prompt', ({ prompt: p }) => setPrompt(p)) : undefined), [api]);

  const scan = useCallback(
    async (finger: Finger, last?: Failed) => {
      if (!api) return;
      call.current?.abort();
      const controller = (call.current = new AbortController());
      setPrompt(undefined);
      setPhase({ name: 'scanning', finger, ...(last ? { last } : {}) });
      const result = await api.biometrics.verifyFinger({ finger }, { signal: controller.signal });
      if (controller.signal.aborted) return;
      if (!result.ok) return setPhase({ name: 'failed', error: result.error.code });
      const answer = result.value;
      if (answer.outcome === 'matched') return setPhase({ name: 'verified' });
      setPhase(answer.triesLeft > 0 ? { name: 'retry', last: answer } : { name: 'choose', last: answer });
    },
    [api],
  );

  /** Reads the references from the card on the reader; again after the card was taken away and put back. */
  const start = useCallback(() => {
    if (!api) return;
    call.current?.abort();
    const controller = (call.current = new AbortController());
    setPhase({ name: 'reading' });
    void api.biometrics.startVerification({ who }, { signal: controller.signal }).then((result) => {
      if (controller.signal.aborted) return;
      if (!result.ok) return setPhase({ name: 'failed', error: result.error.code });
      // Verified earlier in this visit (a referral from another service): nothing to ask again.
      if (result.value.alreadyVerified) return setPhase({ name: 'verified' });
      const first = result.value.enrolled[0];
      if (first) void scan(first);
      else setPhase({ name: 'pin', busy: false }); // a card without fingerprints: the PIN at once
    });
  }, [api, scan, who]);

  useEffect(start, [start]);

  const submitPin = async (pin: string) => {
    if (!api) return;
    setPhase({ name: 'pin', busy: true });
    const result = await api.biometrics.verifyPin({ pin });
    if (!result.ok) return setPhase({ name: 'failed', error: result.error.code });
    if (result.value.verified) return setPhase({ name: 'verified' });
    setPhase({ name: 'pin', busy: false, triesLeft: result.value.triesLeft, blocked: result.value.blocked });
  };

  // Verified: the success shows for a moment, then the visit moves on without a tap.
  useAutoAdvance(phase.name === 'verified', () => (onVerified ? onVerified() : void stepDone('verify-identity')));

  const last = phase.name === 'retry' || phase.name === 'choose' || phase.name === 'scanning' ? phase.last : undefined;
  return (
    <Screen
      title={phase.name === 'pin' ? t('pin.title') : who === 'guardian' ? t('guardian.fingerprintTitle') : t('fingerprint.title')}
      actions={
        <>
          <CancelVisitButton />
          {phase.name === 'retry' && <Button onClick={() => void scan(phase.last.finger, phase.last)}>{t('fingerprint.tryAgain')}</Button>}
          {phase.name === 'failed' && <Button onClick={start}>{t('actions.retry')}</Button>}
        </>
      }
    >
      {phase.name === 'reading' && <p className="lead">{t('fingerprint.reading')}</p>}
      {phase.name === 'scanning' && (
        <>
          <DeviceGuidance device="fingerprint-scanner" activity="working" finger={phase.finger} />
          <p className="lead" data-testid="finger-place" data-speak data-speak-clips={`speech.data.useFinger fingers.${phase.finger}`}>
            {/* The adult beside the minor is the one at the scanner: the prompt addresses them. */}
            {t(who === 'guardian' ? 'guardian.placeFinger' : 'fingerprint.place', { finger: t(`fingers.${phase.finger}`) })}
          </p>
          <p className="lead prompt" role="status" aria-live="polite">
            {prompt ? t(`fingerprint.prompt.${prompt}`) : '\u00a0'}
          </p>
        </>
      )}
      {last && phase.name !== 'scanning' && (
        <p className="error" role="alert">
          {t(`fingerprint.outcome.${last.outcome}`)} {t('fingerprint.triesLeft', { count: last.triesLeft })}
        </p>
      )}
      {phase.name === 'choose' && (
        <div className="choice-list">
          <p className="lead">{t('fingerprint.chooseOther')}</p>
          {(phase.last?.otherFingers ?? []).map((finger) => (
            <Button key={finger} variant="secondary" onClick={() => void scan(finger)}>
              {t('fingerprint.useFinger', { finger: t(`fingers.${finger}`) })}
            </Button>
          ))}
          {(phase.last?.pinOffered ?? true) && <Button onClick={() => setPhase({ name: 'pin', busy: false })}>{t('fingerprint.usePin')}</Button>}
        </div>
      )}
      {phase.name === 'pin' && (
        <>
          <p className="lead">{t('pin.hint')}</p>
          {phase.triesLeft !== undefined && !phase.blocked && (
            <p className="error" role="alert">
              {t('pin.wrong', { count: phase.triesLeft })}
            </p>
          )}
          {phase.blocked ? (
            <p className="error" role="alert">
              {t('pin.blocked')}
            </p>
          ) : (
            <PinPad busy={phase.busy} onSubmit={(pin) => void submitPin(pin)} />
          )}
        </>
      )}
      {phase.name === 'verified' && (
        <p className="lead success" role="status" aria-live="polite" data-speak data-speak-clips="fingerprint.verified">
          {t('fingerprint.verified')}
        </p>
      )}
      {phase.name === 'failed' && (
        <p className="error" role="alert">
          {t(`errors.${phase.error}`)}
          {CARD_ERRORS.has(phase.error) && <> {t('fingerprint.cardAgain')}</>}
        </p>
      )}
    </Screen>
  );
}
