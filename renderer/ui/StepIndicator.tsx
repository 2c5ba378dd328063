import { useTranslation } from 'react-i18next';
import { stepPosition } from '../flows/step-position.js';
import { countClip } from '../speech/data-items.js';
import { type Screen, useKiosk } from '../state/kiosk-store.js';
import './step-indicator.css';

/** Screens of the visit's steps; the menu, the overview, refusals, errors and the receipt show no count. */
const STEP_SCREENS: ReadonlySet<Screen['name']> = new Set(['place-card', 'greeting', 'fingerprint', 'photo', 'height', 'signature', 'review', 'pickup', 'payment', 'step']);

/**
 * How "Step n of N" is said from audio (speech/data-items.ts): the words around the counts, each
 * language's own; a count beyond the spoken ones leaves the datum without clips ("read the screen").
 */
function stepClips(n: number, total: number): string | undefined {
  if (!countClip(n) || !countClip(total)) return undefined;
  return `speech.step.lead %${n} speech.step.of %${total} speech.step.end`;
}

/** "Step n of N" in the screen header, from the host's plan for the visit; read aloud after the screen's prompt. */
export function StepIndicator() {
  const { t } = useTranslation();
  const screen = useKiosk((s) => s.screen.name);
  const host = useKiosk((s) => s.visit?.host);
  const position = STEP_SCREENS.has(screen) ? stepPosition(host) : undefined;
  if (!position) return null;
  return (
    <p
      className="step-indicator"
      data-testid="step-indicator"
      data-step={position.n}
      data-steps={position.total}
      data-speak
      data-speak-clips={stepClips(position.n, position.total)}
    >
      {t('stepIndicator', { n: position.n, total: position.total })}
    </p>
  );
}
