import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApplicationStatus } from '../../state/kiosk-store.js';
import { useKiosk } from '../../state/kiosk-store.js';
import { formatMop } from '../../ui/format.js';
import { ReceiptQr } from '../common/ReceiptQr.js';
import './money.css';
import govPayMessages from 'virtual:kiosk-locale-section/govPay';
import { addLocaleSection } from '../../i18n/add-locale-section.js';

// Only lazy screens show these messages: not in the first paint's locale (renderer/i18n/lazy-sections.ts),
// they arrive with this chunk, in every language.
addLocaleSection('govPay', govPayMessages);

/** Seconds left on the QR, counted down from the host's figure when it arrived (the host's clock decides expiry). */
function useCountdown(secondsLeft: number, key: string): number {
  const [left, setLeft] = useState(secondsLeft);
  useEffect(() => {
    const arrived = Date.now();
    setLeft(secondsLeft);
    const timer = setInterval(() => setLeft(Math.max(0, secondsLeft - Math.floor((Date.now() - arrived) / 1000))), 1000);
    return () => clearInterval(timer);
  }, [secondsLeft, key]);
  return left;
}

/**
 * GovPay (政付通) while paying: the QR the host received from GovPay, what to do with it, and how
 * long it stays payable. The host polls GovPay and reports the outcome; when the QR expires the
 * host cancels it and the payment screen offers every method again.
 */
export function GovPayPanel({ application, govPay }: { application: ApplicationStatus; govPay: NonNullable<ApplicationStatus['govPay']> }) {
  const { t } = useTranslation();
  const language = useKiosk((s) => s.language);
  const left = useCountdown(govPay.secondsLeft, govPay.qr);
  const minutes = Math.floor(left / 60);
  const seconds = String(left % 60).padStart(2, '0');
  return (
    <div className="govpay" data-testid="govpay">
      <ol className="govpay-steps">
        <li>{t('govPay.step1')}</li>
        <li>{t('govPay.step2')}</li>
        <li>{t('govPay.step3', { amount: formatMop(application.feeAvos, language) })}</li>
      </ol>
      <ReceiptQr text={govPay.qr} label={t('govPay.qrLabel')} />
      {/* Announced politely once a minute at most: the visible figure changes every second. */}
      <p className="lead govpay-countdown" data-seconds-left={left}>
        {left > 0 ? t('govPay.expiresIn', { time: `${minutes}:${seconds}` }) : t('govPay.expiring')}
      </p>
      <p className="visually-hidden" role="status" aria-live="polite">
        {left > 0 ? t('govPay.minutesLeft', { minutes: Math.ceil(left / 60) }) : t('govPay.expiring')}
      </p>
    </div>
  );
}
