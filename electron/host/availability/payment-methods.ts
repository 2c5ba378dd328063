import { PaymentMethod } from '../../shared/kiosk-api/schemas/service-results.js';
import type { PaymentMethodNow, PaymentUnavailableReason } from '../../shared/kiosk-api/schemas/availability.js';

/** What each payment method needs: the card methods the payment terminal, GovPay its gateway (the back office). */
const NEEDS = {
  'unionpay-quickpass': 'terminal',
  'macau-pass': 'terminal',
  govpay: 'govpay',
} as const satisfies Record<PaymentMethod, 'terminal' | 'govpay'>;

export interface PaymentResources {
  /** Whether the payment terminal can take a sale (derive.ts's `deviceUsable` of its health). */
  terminal: boolean;
  /** Whether the GovPay gateway answers; `true` while nothing says otherwise (it has no health feed of its own yet). */
  govpay: boolean;
}

/**
 * Whether each payment method can be used now, with the reason when not: a pure function, so the
 * payment screen (greyed methods) and the host's refusal (`payment-method-unavailable`) agree.
 */
export function paymentMethodsNow(resources: PaymentResources): PaymentMethodNow[] {
  return PaymentMethod.options.map((method) => {
    const reason: PaymentUnavailableReason | null =
      NEEDS[method] === 'terminal' ? (resources.terminal ? null : 'terminal-offline') : resources.govpay ? null : 'govpay-unavailable';
    return { method, available: reason === null, reason };
  });
}
