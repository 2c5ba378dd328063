import { useTranslation } from 'react-i18next';
import { goBack } from '../flows/back.js';
import { backOffered } from '../flows/visit-machine.js';
import { useKiosk } from '../state/kiosk-store.js';
import { Button } from './Button.js';

/**
 * "Back" on a step screen, shown only where the host says the step before may be done again
 * (`VisitState.canGoBack`): the renderer never works out for itself which steps are safe to redo.
 * The Screen frame places it, so every step screen has it at the same place without asking for it.
 */
export function BackButton() {
  const { t } = useTranslation();
  const offered = useKiosk((state) => backOffered(state));
  if (!offered) return null;
  return (
    <Button variant="secondary" className="button-back" data-action="back" onClick={() => void goBack()}>
      <span aria-hidden="true">‹ </span>
      {t('actions.back')}
    </Button>
  );
}
