import { FlowErrorScreen } from './FlowErrorScreen.js';
import type { StepProps } from './step-props.js';
import { ChipPrintScreen } from '../chip-data/ChipPrintScreen.js';
import { PrintResultStep } from '../counter/AuthenticityResultScreen.js';

/** The `print-result` step shows the screen of its document; one this kiosk cannot print goes to a counter. */
export function PrintResultScreen(props: StepProps<'print-result'>) {
  switch (props.step.document) {
    case 'chip-data':
      return <ChipPrintScreen />;
    case 'authenticity-check':
      return <PrintResultStep {...props} />;
    default:
      return <FlowErrorScreen error="step-not-allowed" />;
  }
}
