import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { endVisit } from '../flows/visit.js';
import { Button } from './Button.js';
import { ConfirmCancelDialog } from './ConfirmCancelDialog.js';

/**
 * "Cancel" on every step before money moves: asks first (ConfirmCancelDialog), then ends the visit,
 * and the host wipes the session and abandons any unpaid application with it. The menu, where
 * nothing is done yet, passes `askFirst={false}`. The payment screen has its own Cancel, which waits
 * for money in flight and asks the same question.
 */
export function CancelVisitButton({ askFirst = true, onCancel = () => void endVisit('cancelled') }: { askFirst?: boolean; onCancel?: () => void }) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  return (
    <>
      <Button variant="secondary" onClick={() => (askFirst ? setAsking(true) : onCancel())}>
        {t('actions.cancel')}
      </Button>
      {asking && (
        <ConfirmCancelDialog
          onKeep={() => setAsking(false)}
          onCancel={() => {
            setAsking(false);
            onCancel();
          }}
        />
      )}
    </>
  );
}
