import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { cancelService, currentVisit, finishService, pay, payAtCounter, printReceipt, stopPayment } from '../../flows/service-flow.js';
import { ReceiptNotice } from '../money/ReceiptNotice.js';
import { type ApplicationStatus, type PaymentMethod, type PaymentPhase, type PrintState, useKiosk } from '../../state/kiosk-store.js';
import { Button } from '../../ui/Button.js';
import { formatMop } from '../../ui/format.js';
import { ConfirmCancelDialog } from '../../ui/ConfirmCancelDialog.js';
import { Screen } from '../../ui/Screen.js';
import { GovPayPanel } from '../money/GovPayPanel.js';
import { DeviceGuidance } from '../../ui/guidance/DeviceGuidance.js';
import type { KioskAvailability } from '../../../electron/shared/kiosk-api/contract.js';
import './common-steps.css';
import govPayMessages from 'virtual:kiosk-locale-section/govPay';
import declinesMessages from 'virtual:kiosk-locale-section/declines';
import paymentMethodsMessages from 'virtual:kiosk-locale-section/paymentMethods';
import { addLocaleSection } from '../../i18n/add-locale-section.js';

// Only lazy screens show these messages: not in the first paint's locale (renderer/i18n/lazy-sections.ts),
// they arrive with this chunk, in every language.
addLocaleSection('govPay', govPayMessages);
addLocaleSection('declines', declinesMessages);
addLocaleSection('paymentMethods', paymentMethodsMessages);

const KNOWN_DECLINES = ['insufficient-funds', 'cancelled'] as const;
type KnownDecline = (typeof KNOWN_DECLINES)[number];
/** Why the host says a method cannot be used now (electron/host/availability/payment-methods.ts). */
type UnavailableReason = NonNullable<NonNullable<KioskAvailability['payments']>[number]['reason']>;
const isKnownDecline = (code: string): code is KnownDecline => (KNOWN_DECLINES as readonly string[]).includes(code);

/**
 * The fee the host priced, the kiosk's payment methods, and the payment's progress as the host
 * reports it (`applications.changed`). While money is moving the visit cannot be cancelled; a
 * sale still waiting for the card can be stopped. A decline says why and offers every method again.
 */
export function PaymentScreen(props: { methods: PaymentMethod[]; counterAllowed: boolean; application: ApplicationStatus; phase: PaymentPhase; slip?: PrintState | undefined }) {
  const { t } = useTranslation();
  const language = useKiosk((s) => s.language);
  const { application, phase, slip } = props;
  // A lost answer the host could not confirm while the resident waited: staff are called, a slip says what happens next.
  const overdue = application.state === 'payment-unconfirmed' && application.confirmation === 'overdue';
  const moving = !overdue && (phase.state === 'paying' || application.state === 'paying' || application.state === 'payment-unconfirmed' || application.state === 'submitting');
  const refund = application.state === 'refunded' || application.state === 'refund-pending';
  // Cancel asks first, as on every step: the whole visit so far would be lost.
  const [askingCancel, setAskingCancel] = useState(false);
  // The host says which methods it can take now (availability.changed): the others are greyed, with the reason,
  // rather than refused after a tap. A host that does not say (older) falls back on the terminal's own state.
  const payments = useKiosk((state) => state.availability?.payments);
  const terminalDown = useKiosk((state) => state.deviceStates['payment-terminal'] === 'offline');
  const unavailable = (method: PaymentMethod): UnavailableReason | undefined =>
    payments ? (payments.find((entry) => entry.method === method)?.reason ?? undefined) : method !== 'govpay' && terminalDown ? 'terminal-offline' : undefined;
  const reasons = [...new Set(props.methods.map(unavailable).filter((reason): reason is UnavailableReason => reason !== undefined))];
  // Offered only when the host's payment step says so (office hours, a service whose rules allow it); the host checks again on the tap.
  const counterHint = t('payment.atCounterHint', { amount: formatMop(application.feeAvos, language) });
  const declined = !moving && application.state === 'awaiting-payment' && application.payment?.state === 'declined' ? (application.payment.declineReason ?? 'other') : undefined;
  return (
    <Screen
      title={t('payment.title')}
      actions={
        overdue ? (
          <>
            <Button variant="secondary" disabled={slip?.state === 'printing'} onClick={() => void printReceipt()}>
              {t('payment.printSlip')}
            </Button>
            <Button onClick={finishService}>{t('actions.finish')}</Button>
          </>
        ) : refund ? (
          <Button onClick={finishService}>{t('actions.finish')}</Button>
        ) : (
          <>
            <Button variant="secondary" disabled={moving} aria-describedby={moving ? 'cancel-disabled' : undefined} onClick={() => setAskingCancel(true)}>
              {t('actions.cancel')}
            </Button>
            {phase.state === 'paying' && phase.method !== 'counter' && application.state !== 'submitting' && (
              <Button variant="danger" onClick={stopPayment}>
                {t('payment.stop')}
              </Button>
            )}
          </>
        )
      }
    >
      {askingCancel && !moving && <ConfirmCancelDialog onKeep={() => setAskingCancel(false)} onCancel={() => void cancelService()} />}
      <p className="receipt-number" data-fee-avos={application.feeAvos} data-speak data-speak-clips={`speech.data.fee #${application.feeAvos / 100} speech.data.patacas`}>
        {t('payment.fee', { amount: formatMop(application.feeAvos, language) })}
      </p>
      {moving && (
        <>
          <p className="lead prompt" role="status" data-application-state={application.state}>
            {application.state === 'payment-unconfirmed'
              ? t('payment.checking')
              : application.state === 'submitting'
                ? t('payment.submitting')
                : phase.state === 'paying' && phase.method === 'govpay'
                  ? t('govPay.paying')
                  : t('payment.paying')}
          </p>
          {phase.state === 'paying' && phase.method === 'counter' && <p className="lead">{counterHint}</p>}
          {!(phase.state === 'paying' && (phase.method === 'govpay' || phase.method === 'counter')) && (
            <DeviceGuidance device="payment-terminal" activity={application.state === 'paying' || application.state === 'payment-unconfirmed' ? 'working' : 'done'} />
          )}
          {application.state === 'paying' && application.govPay && <GovPayPanel application={application} govPay={application.govPay} />}
          <p id="cancel-disabled" className="lead">
            {t('payment.cancelDisabled')}
          </p>
        </>
      )}
      {overdue && (
        <>
          <p className="lead prompt" role="status" data-application-state="payment-overdue">
            {t('payment.overdue')}
          </p>
          {slip?.state === 'printed' && <p className="lead success">{t('payment.slipPrinted')}</p>}
          {slip?.state === 'failed' && (
            <p className="error" role="alert">
              {t(`errors.${slip.error}`)}
            </p>
          )}
        </>
      )}
      {declined === 'cancelled' && (
        // The resident's own choice (Stop the payment): a calm note, not an error.
        <p className="lead" role="status" data-decline="cancelled">
          {t('payment.stopped')}
        </p>
      )}
      {declined && declined !== 'cancelled' && (
        <p className="error" role="alert" data-decline={declined}>
          {declined === 'expired'
            ? t('govPay.expired')
            : t('payment.declined', { reason: t(`declines.${isKnownDecline(declined) ? declined : 'other'}`) })}
        </p>
      )}
      {phase.state === 'failed' && phase.error !== 'cancelled' && (
        <p className="error" role="alert">
          {t(`errors.${phase.error}`)}
        </p>
      )}
      {refund && (
        <p className="lead" role="status">
          {application.state === 'refunded' ? t('payment.refunded') : t('payment.refundPending')}
        </p>
      )}
      {!moving && application.state === 'awaiting-payment' && (
        <>
          <ReceiptNotice service={currentVisit()?.service} />
          <p className="lead">{t('payment.choose')}</p>
          <div className="option-list">
            {props.methods.map((method) => {
              const reason = unavailable(method);
              return (
                <Button key={method} className="option-button" data-method={method} disabled={reason !== undefined} aria-describedby={reason ? `unavailable-${reason}` : undefined} onClick={() => void pay(method)}>
                  {t(`paymentMethods.${method}`)}
                </Button>
              );
            })}
          </div>
          {reasons.map((reason) => (
            <p key={reason} id={`unavailable-${reason}`} className="lead" role="status" data-unavailable={reason} {...(reason === 'terminal-offline' ? { 'data-terminal-down': true } : {})}>
              {t(`payment.unavailable.${reason}`)}
            </p>
          ))}
          {props.counterAllowed && (
            <div className="option-list counter-choice">
              <Button className="option-button" data-method="counter" aria-describedby="counter-hint" onClick={() => void payAtCounter()}>
                {t('payment.atCounter')}
              </Button>
              <p id="counter-hint" className="lead" data-speak>
                {counterHint}
              </p>
            </div>
          )}
        </>
      )}
    </Screen>
  );
}
