import type { CardHolder } from '../../../electron/shared/kiosk-api/contract.js';
import type { FeeQuote, FlowStep, ServiceRequest } from '../../state/kiosk-store.js';

/**
 * What every generic step screen receives: its host step, the resident (once identified), the
 * choices so far and the live fee. Apart from step-screens.ts (the registry) so a screen can name
 * its props without importing the registry that imports it.
 */
export interface StepProps<K extends FlowStep['kind']> {
  step: Extract<FlowStep, { kind: K }>;
  holder: CardHolder | undefined;
  request: ServiceRequest;
  quote: FeeQuote;
}
