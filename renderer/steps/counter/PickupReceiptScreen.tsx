import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResultOf } from '../../../electron/shared/kiosk-api/contract.js';
import type { ApiErrorCode } from '../../../electron/shared/kiosk-api/errors.js';
import { finishService } from '../../flows/service-flow.js';
import { useKiosk } from '../../state/kiosk-store.js';
import { Button } from '../../ui/Button.js';
import { CancelVisitButton } from '../../ui/CancelVisitButton.js';
import { formatFrom } from '../../ui/format.js';
import { Screen } from '../../ui/Screen.js';
import type { StepProps } from '../flow/step-props.js';
import { ReceiptKeypad } from './ReceiptKeypad.js';
import { ReceiptScanner } from './ReceiptScanner.js';
import './counter.css';

type Lookup = ResultOf<'pickup.lookupReceipt'>;
type Phase = { name: 'entering'; error?: ApiErrorCode } | { name: 'looking-up'; receiptNumber: string } | { name: 'answer'; lookup: Lookup };

/**
 * Collection by receipt: the receipt's QR code shown to the kiosk camera, or its number typed. The
 * host asks the back office and answers with the (masked) name and where to go: the counter when
 * ready, the expected time while processing. A number the back office does not know keeps what was
 * typed, so the resident corrects it instead of starting again.
 */
export function PickupReceiptScreen(_props: StepProps<'scan-pickup-receipt'>) {
  const { t } = useTranslation();
  const api = useKiosk((s) => s.api);
  const [digits, setDigits] = useState('');
  const [phase, setPhase] = useState<Phase>({ name: 'entering' });

  const lookUp = async (receiptNumber: string) => {
    if (!api) return;
    setPhase({ name: 'looking-up', receiptNumber });
    const answer = await api.pickup.lookupReceipt({ receiptNumber });
    setPhase(answer.ok ? { name: 'answer', lookup: answer.value } : { name: 'entering', error: answer.error.code });
  };

  if (phase.name === 'answer') return <PickupAnswer lookup={phase.lookup} onAnother={() => { setDigits(''); setPhase({ name: 'entering' }); }} />;
  const busy = phase.name === 'looking-up';
  return (
    <Screen title={t('collection.title')} actions={<CancelVisitButton />}>
      <p className="lead">{t('collection.hint')}</p>
      {phase.name === 'entering' && phase.error && (
        <p className="error" role="alert">
          {t(`errors.${phase.error}`)}
        </p>
      )}
      {busy && (
        <p className="lead" role="status">
          {t('collection.lookingUp', { number: phase.receiptNumber })}
        </p>
      )}
      <div className="receipt-entry">
        <ReceiptScanner active={!busy} onNumber={(number) => void lookUp(number)} />
        <ReceiptKeypad digits={digits} onChange={setDigits} busy={busy} onSubmit={() => void lookUp(`R${digits}`)} />
      </div>
    </Screen>
  );
}

function PickupAnswer({ lookup, onAnother }: { lookup: Lookup; onAnother: () => void }) {
  const { t } = useTranslation();
  const language = useKiosk((s) => s.language);
  const name = language === 'zh-Hant' || language === 'zh-Hans' ? lookup.applicantNameZh || lookup.applicantNameLatin : lookup.applicantNameLatin || lookup.applicantNameZh;
  return (
    <Screen
      title={t('collection.answerTitle')}
      actions={
        <>
          <Button variant="secondary" onClick={onAnother}>
            {t('collection.another')}
          </Button>
          <Button onClick={finishService}>{t('actions.finish')}</Button>
        </>
      }
    >
      <dl className="facts">
        <dt>{t('collection.receiptNumber')}</dt>
        <dd data-testid="looked-up-receipt">{lookup.receiptNumber}</dd>
        <dt>{t('collection.name')}</dt>
        <dd data-testid="masked-name">{name}</dd>
        <dt>{t('collection.service')}</dt>
        <dd>{t(`services.${lookup.service}`)}</dd>
      </dl>
      <div data-status={lookup.status}>
        {lookup.status === 'ready' && lookup.counter && <p className="counter-answer">{t('collection.goToCounter', { counter: lookup.counter })}</p>}
        {lookup.status === 'ready' && !lookup.counter && <p className="counter-answer">{t('collection.readyNoCounter')}</p>}
        {lookup.status === 'processing' && (
          <p className="counter-answer">
            {lookup.expectedReadyAt ? t('collection.processingUntil', { when: formatFrom(lookup.expectedReadyAt, language) }) : t('collection.processing')}
          </p>
        )}
        {lookup.status === 'collected' && <p className="counter-answer">{t('collection.collected')}</p>}
        {lookup.status === 'withdrawn' && <p className="counter-answer">{t('collection.withdrawn')}</p>}
      </div>
    </Screen>
  );
}
