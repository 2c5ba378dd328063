import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResultOf } from '../../../electron/shared/kiosk-api/contract.js';
import type { ApiErrorCode } from '../../../electron/shared/kiosk-api/errors.js';
import { stepDone } from '../../flows/service-flow.js';
import { useKiosk } from '../../state/kiosk-store.js';
import { Button } from '../../ui/Button.js';
import { CancelVisitButton } from '../../ui/CancelVisitButton.js';
import { DeviceGuidance } from '../../ui/guidance/DeviceGuidance.js';
import { Screen } from '../../ui/Screen.js';
import { FingerprintScreen } from '../fingerprint/FingerprintScreen.js';
import type { StepProps } from '../flow/step-props.js';

type Refusal = Exclude<ResultOf<'guardian.readCard'>, { outcome: 'found' }>['outcome'];
type Phase =
  | { name: 'reading'; attempt: number }
  /** The card was refused: reading starts again once it is lifted. */
  | { name: 'refused'; refusal: Refusal }
  | { name: 'verify' }
  | { name: 'failed'; error: ApiErrorCode };

/**
 * A minor's guardian [000]: the minor lifts their card, the father, mother or guardian on file places
 * theirs; the host checks it against the minor's file, then the adult's finger (or their card's PIN)
 * is verified against their own card on the fingerprint screen.
 */
export function GuardianScreen({ step }: StepProps<'guardian-verification'>) {
  const { t } = useTranslation();
  const api = useKiosk((s) => s.api);
  const language = useKiosk((s) => s.language);
  const [phase, setPhase] = useState<Phase>({ name: 'reading', attempt: 0 });
  // The host waits for the minor's card to be lifted before it reads the adult's (visit.changed says where it is).
  const minorCardOn = useKiosk((s) => s.cardOnReader === 'applicant');

  useEffect(() => {
    if (!api || phase.name !== 'reading') return;
    const controller = new AbortController();
    void api.guardian.readCard({}, { signal: controller.signal }).then((result) => {
      if (controller.signal.aborted) return;
      if (!result.ok) {
        if (result.error.code === 'card-removed') return setPhase({ name: 'reading', attempt: phase.attempt + 1 });
        return setPhase({ name: 'failed', error: result.error.code });
      }
      setPhase(result.value.outcome === 'found' ? { name: 'verify' } : { name: 'refused', refusal: result.value.outcome });
    });
    return () => controller.abort();
  }, [api, phase]);

  useEffect(() => {
    if (!api || phase.name !== 'refused') return;
    return api.on('card.presence', ({ present }) => {
      if (!present) setPhase({ name: 'reading', attempt: 0 });
    });
  }, [api, phase]);

  if (phase.name === 'verify') return <FingerprintScreen who="guardian" onVerified={() => void stepDone('guardian-verification')} />;
  const relations = new Intl.ListFormat(language, { type: 'disjunction' }).format(step.relations.map((relation) => t(`guardian.relations.${relation}`)));
  return (
    <Screen
      title={t('guardian.title')}
      actions={
        <>
          <CancelVisitButton />
          {phase.name === 'failed' && <Button onClick={() => setPhase({ name: 'reading', attempt: 0 })}>{t('actions.retry')}</Button>}
        </>
      }
    >
      <DeviceGuidance device="card-reader" activity="ready" />
      <p className="lead" role="status" data-testid="guardian-prompt">
        {minorCardOn ? t('guardian.liftMinor') : t('guardian.placeCard', { relations })}
      </p>
      {phase.name === 'refused' && (
        <p className="error" role="alert">
          {t(`guardian.refused.${phase.refusal}`)}
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
