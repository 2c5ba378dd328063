import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { cancelAfterPayment, currentVisit, finishService, printReceipt } from '../../flows/service-flow.js';
import type { ApplicationStatus, PickupOption, PrintState } from '../../state/kiosk-store.js';
import { useKiosk } from '../../state/kiosk-store.js';
import { Button } from '../../ui/Button.js';
import { formatDate, formatInstant, formatMop } from '../../ui/format.js';
import { Screen } from '../../ui/Screen.js';
import './common-steps.css';
import { ReceiptQr } from './ReceiptQr.js';
import { DeviceGuidance } from '../../ui/guidance/DeviceGuidance.js';
import withdrawalMessages from 'virtual:kiosk-locale-section/withdrawal';
import { addLocaleSection } from '../../i18n/add-locale-section.js';

// Only lazy screens show these messages: not in the first paint's locale (renderer/i18n/lazy-sections.ts),
// they arrive with this chunk, in every language.
addLocaleSection('withdrawal', withdrawalMessages);

/**
 * The receipt: its number as text and QR to photograph, and a printed copy only when the resident asks
 * ("photograph the QR or print a receipt", or both). Without a printer or paper the QR is the receipt and
 * no print is offered. The resident may still change their mind within the visit: Cancel asks to confirm,
 * then the host withdraws the application and gives the money back (WithdrawalScreen).
 */
export function ReceiptScreen(props: { application: ApplicationStatus; pickup: PickupOption | undefined; print: PrintState }) {
  const { application, pickup } = props;
  const { t } = useTranslation();
  const language = useKiosk((s) => s.language);
  const [confirming, setConfirming] = useState(false);
  const number = application.receipt?.receiptNumber ?? '';
  // Services with a commitment in working days (kinship verification) say when the result is due.
  const dueBy = currentVisit()?.evaluation.resultDueBy;
  const cancellable = application.state === 'submitted' || application.state === 'kept-for-later';
  const paid = application.payment?.state === 'approved';
  // The printer may run out while the resident reads this screen: the offer goes, the QR stays the receipt.
  const printerGone = useKiosk((s) => s.availability?.services.find((entry) => entry.service === currentVisit()?.service)?.receipt === 'on-screen');
  const print = printerGone && props.print.state === 'offered' ? ({ state: 'on-screen' } as const) : props.print;
  if (confirming) {
    return (
      <Screen
        title={t('withdrawal.confirmTitle')}
        actions={
          <>
            <Button variant="secondary" onClick={() => setConfirming(false)}>
              {t('withdrawal.keep')}
            </Button>
            <Button variant="danger" onClick={() => void cancelAfterPayment()}>
              {t('withdrawal.confirm')}
            </Button>
          </>
        }
      >
        <p className="lead prompt">
          {t('withdrawal.confirmText', { paid: paid ? 'yes' : 'no', amount: formatMop(application.payment?.amountAvos ?? 0, language) })}
        </p>
        <p className="lead">{t('withdrawal.confirmNote')}</p>
      </Screen>
    );
  }
  return (
    <Screen
      title={application.state === 'awaiting-counter-payment' ? t('receipt.counterTitle') : t('receipt.title')}
      actions={
        <>
          {cancellable && (
            <Button variant="secondary" onClick={() => setConfirming(true)}>
              {t('withdrawal.cancelApplication')}
            </Button>
          )}
          {(print.state === 'offered' || print.state === 'failed') && (
            <Button variant="secondary" data-testid="print-receipt" onClick={() => void printReceipt()}>
              {t(print.state === 'offered' ? 'receipt.print' : 'receipt.printAgain')}
            </Button>
          )}
          <Button onClick={finishService}>{t('actions.finish')}</Button>
        </>
      }
    >
      {application.state === 'kept-for-later' && <p className="lead">{t('receipt.keptForLater')}</p>}
      {application.state === 'awaiting-counter-payment' && application.counterPayment && (
        <p className="lead prompt" data-testid="counter-due" data-speak>
          {t('receipt.counterDue', { amount: formatMop(application.feeAvos, language), time: formatInstant(application.counterPayment.payBy, language) })}
        </p>
      )}
      <p className="receipt-number" data-testid="receipt-number" data-speak data-speak-clips={`speech.data.receiptNumber #${number}`}>
        {t('receipt.number', { number })}
      </p>
      {number && <ReceiptQr text={number} label={t('receipt.qrLabel')} />}
      <p className="lead">{t('receipt.qrHint')}</p>
      {dueBy && (
        <p className="lead" data-testid="result-due-by">
          {t('kinship.resultDueBy', { date: formatDate(dueBy, language) })}
        </p>
      )}
      {pickup && (
        <>
          <p className="lead">{t('receipt.pickup', { place: t(`pickupPlaces.${pickup.place}`) })}</p>
          <p className="lead">{t('pickup.readyAt', { when: formatInstant(pickup.readyAt, language) })}</p>
        </>
      )}
      {(print.state === 'printing' || print.state === 'printed') && <DeviceGuidance device="receipt-printer" activity={print.state === 'printing' ? 'working' : 'done'} />}
      {print.state === 'on-screen' && (
        // No printer or no paper (electron/host/availability): the QR above is the receipt.
        <p className="lead prompt" role="status" data-testid="receipt-on-screen">
          {t('receipt.onScreen')}
        </p>
      )}
      {print.state === 'offered' && (
        <p className="lead" data-testid="receipt-choice">
          {t('receipt.choice')}
        </p>
      )}
      {(print.state === 'printing' || print.state === 'printed') && (
        <p className="lead success" role="status">
          {print.state === 'printing' ? t('receipt.printing') : t('receipt.printed')}
        </p>
      )}
      {print.state === 'failed' && (
        <p className="error" role="alert">
          {t(`errors.${print.error}`)}
        </p>
      )}
      {print.state === 'failed' && cancellable && (
        // The paper is not the application: it is in, and the QR above is as good as the printed receipt.
        <p className="lead" data-testid="print-problem">
          {t('receipt.printProblem', { paid: paid ? 'yes' : 'no' })}
        </p>
      )}
    </Screen>
  );
}
