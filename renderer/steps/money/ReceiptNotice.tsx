import { useTranslation } from 'react-i18next';
import type { ServiceId } from '../../../electron/shared/kiosk-api/contract.js';
import { useServiceAvailability } from '../../state/availability.js';

/**
 * Before paying: the resident is told when the printer cannot print the receipt (or may run out of
 * paper), and that the QR on screen after paying is then the receipt (electron/host/availability).
 */
export function ReceiptNotice({ service }: { service: ServiceId | undefined }) {
  const { t } = useTranslation();
  const receipt = useServiceAvailability(service)?.receipt;
  if (receipt !== 'on-screen' && receipt !== 'paper-low') return null;
  return (
    <p className="notice" role="note" data-testid="receipt-notice" data-receipt={receipt}>
      {t(receipt === 'on-screen' ? 'payment.receiptOnScreen' : 'payment.paperLow')}
    </p>
  );
}
