import { useTranslation } from 'react-i18next';
import { endVisit } from '../flows/visit.js';
import { Button } from './Button.js';

/**
 * "Cancel" on every step before money moves: ends the visit, and the host wipes the session and
 * abandons any unpaid application with it. The payment screen has its own, which waits for money in flight.
 */
export function CancelVisitButton() {
  const { t } = useTranslation();
  return (
    <Button variant="secondary" onClick={() => void endVisit('cancelled')}>
      {t('actions.cancel')}
    </Button>
  );
}
