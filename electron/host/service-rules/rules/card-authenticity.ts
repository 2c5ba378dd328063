/** Check a smart ID card's authenticity and print the result; anyone may ask. [001 Other Q12] */
import { NO_FEES, type ServiceModule } from '../rule-context.js';

export const cardAuthenticity: ServiceModule = {
  id: 'card-authenticity',
  check: () => [],
  steps: () => [
    { kind: 'read-card', whose: 'card-to-check' },
    { kind: 'print-result', document: 'authenticity-check' },
  ],
  fees: NO_FEES,
};
