import { FlowErrorScreen } from '../flow/FlowErrorScreen.js';
import type { StepProps } from '../flow/step-screens.js';
import { ChipPrintScreen } from './ChipPrintScreen.js';

/** The `print-result` step shows the screen of its document; one this kiosk cannot print goes to a counter. */
export function PrintResultScreen({ step }: StepProps<'print-result'>) {
  switch (step.document) {
    case 'chip-data':
      return <ChipPrintScreen />;
    default:
      return <FlowErrorScreen error="step-not-allowed" />;
  }
}
