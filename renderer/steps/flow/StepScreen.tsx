import type { ComponentType } from 'react';
import type { CardHolder } from '../../../electron/shared/kiosk-api/contract.js';
import type { FeeQuote, FlowStep, ServiceRequest } from '../../state/kiosk-store.js';
import { FlowErrorScreen } from './FlowErrorScreen.js';
import type { StepProps } from './step-props.js';
import { STEP_SCREENS } from './step-screens.js';

/** Shows the registered screen of a host step; a step this kiosk has no screen for sends the resident to a counter. */
export function StepScreen(props: { step: FlowStep; holder: CardHolder | undefined; request: ServiceRequest; quote: FeeQuote }) {
  const Component = STEP_SCREENS[props.step.kind] as ComponentType<StepProps<FlowStep['kind']>> | undefined;
  if (!Component) return <FlowErrorScreen error="step-not-allowed" />;
  return <Component step={props.step} holder={props.holder} request={props.request} quote={props.quote} />;
}
