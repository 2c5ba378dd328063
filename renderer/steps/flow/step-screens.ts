import type { ComponentType } from 'react';
import type { CardHolder } from '../../../electron/host/bridge/contract.js';
import type { FeeQuote, FlowStep, ServiceRequest } from '../../state/kiosk-store.js';
import { TenPrintScreen } from '../tenprint/TenPrintScreen.js';

/** What every generic step screen receives: its host step, the resident (once identified), the choices so far and the live fee. */
export interface StepProps<K extends FlowStep['kind']> {
  step: Extract<FlowStep, { kind: K }>;
  holder: CardHolder | undefined;
  request: ServiceRequest;
  quote: FeeQuote;
}

/**
 * The screen of each host step kind that has no screen of its own in the store's union. One line
 * per kind: a flow's screens live in their own folder under renderer/steps/ and register here.
 */
export type StepScreens = { [K in FlowStep['kind']]?: ComponentType<StepProps<K>> };

export const STEP_SCREENS: StepScreens = {
  'capture-fingerprints': TenPrintScreen,
};
