/** Turns a module's fee lines into a priced quote from fees.json. Integer avos throughout. */
import type { FeesConfig } from './config-schema.js';
import type { FeeLineRequest } from './rule-context.js';
import type { FeeQuote } from '../../shared/kiosk-api/schemas/service-results.js';

export function priceQuote(lines: readonly FeeLineRequest[], incomplete: boolean, fees: FeesConfig): FeeQuote {
  const priced = lines
    .filter((line) => line.quantity > 0)
    .map((line) => {
      const unitAmount = fees.fees[line.code].amountAvos;
      return { code: line.code, quantity: line.quantity, unitAmount, amount: unitAmount * line.quantity };
    });
  return {
    currency: 'MOP',
    unit: 'avos',
    lines: priced,
    total: priced.reduce((sum, line) => sum + line.amount, 0),
    incomplete,
  };
}
