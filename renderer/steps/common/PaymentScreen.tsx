import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { cancelService, currentVisit, finishService, pay, printReceipt, stopPayment } from '../../flows/service-flow.js';
import { ReceiptNotice } from '../money/ReceiptNotice.js';
import { type ApplicationView, type PaymentMethod, type PaymentPhase, type PrintState, useKiosk } from '../../state/kiosk-store.js';
import { Button } from '../../ui/Button.js';
import { formatMop } from '../../ui/format.js';
import { ConfirmCancelDialog } from '../../ui/ConfirmCancelDialog.js';
import { Screen } from '../../ui/Screen.js';
import { GovPayPanel } from '../money/GovPayPanel.js';
import { DeviceGuidance } from '../../ui/guidance/DeviceGuidance.js';
import './common-steps.css';

const KNOWN_DECLINES = ['insufficient-funds', 'cancelled'] as const;
type KnownDecline = (typeof KNOWN_DECLINES)[number];
const isKnownDecline = (code: string): code is KnownDecline => (KNOWN_DECLINES as readonly string[]).includes(code);

/**
 * The fee the host priced, the kiosk's payment methods, and the payment's progress as the host
 * reports it (`applications.changed`). While money is moving the visit cannot be cancelled; a
 * sale still waiting for the card can be stopped. A decline says why and offers every method again.
 */
export function PaymentScreen(props: { methods: PaymentMethod[]; counterAllowed: boolean; application: ApplicationView; phase: PaymentPhase; slip?: PrintState | undefined }) {
  const { t } = useTranslation();
  const language = useKiosk((s) => s.language);
  const { application, phase, slip } = props;
  // A lost answer the host could not confirm while the resident waited: staff are called, a slip says what happens next.
  const overdue = application.state === 'payment-unconfirmed' && application.confirmation === 'overdue';
  const moving = !overdue && (phase.state === 'paying' || application.state === 'paying' || application.state === 'payment-unconfirmed' || application.state === 'submitting');
  const refund = application.state === 'refunded' || application.state === 'refund-pending';
  // Cancel asks first, as on every step: the whole visit so far would be lost.
  const [askingCancel, setAskingCancel] = useState(false);
  const terminalDown = useKiosk((state) => state.deviceStates['payment-terminal'] === 'offline');
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
            {phase.state === 'paying' && application.state !== 'submitting' && (
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
          {!(phase.state === 'paying' && phase.method === 'govpay') && (
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
            {props.methods.map((method) => (
              <Button key={method} className="option-button" disabled={method !== 'govpay' && terminalDown} aria-describedby={method !== 'govpay' && terminalDown ? 'terminal-down' : undefined} onClick={() => void pay(method)}>
                {t(`paymentMethods.${method}`)}
              </Button>
            ))}
          </div>
          {terminalDown && props.methods.some((method) => method !== 'govpay') && (
            // The terminal went offline during the visit: its methods are shown greyed, with the reason, rather than refused after a tap.
            <p id="terminal-down" className="lead" role="status" data-terminal-down>
              {t('menu.deviceDown.payment-terminal')}
            </p>
          )}
          {props.counterAllowed && <p className="lead">{t('payment.counterAllowed')}</p>}
        </>
      )}
    </Screen>
  );
}
