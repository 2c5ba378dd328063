import { useTranslation } from 'react-i18next';
import type { ApiErrorCode } from '../../../electron/shared/kiosk-api/errors.js';
import { finishService } from '../../flows/service-flow.js';
import { type ApplicationStatus, useKiosk } from '../../state/kiosk-store.js';
import { Button } from '../../ui/Button.js';
import { formatMop } from '../../ui/format.js';
import { Screen } from '../../ui/Screen.js';
import withdrawalMessages from 'virtual:kiosk-locale-section/withdrawal';
import { addLocaleSection } from '../../i18n/add-locale-section.js';

// Only lazy screens show these messages: not in the first paint's locale (renderer/i18n/lazy-sections.ts),
// they arrive with this chunk, in every language.
addLocaleSection('withdrawal', withdrawalMessages);

/** Where the money goes back to, named as the resident paid. */
function refundTarget(application: ApplicationStatus): 'card' | 'macauPass' | 'govpay' {
  if (application.payment?.method === 'govpay') return 'govpay';
  return application.payment?.tender === 'macau-pass' ? 'macauPass' : 'card';
}

/**
 * After "cancel my paid application": the host's answer, as the resident needs it. Refunded: where
 * the money went. Refund or withdrawal pending: it is recorded, the kiosk finishes it on its own,
 * and what to do if the money does not arrive. Failed: the application stands (the receipt is valid).
 */
export function WithdrawalScreen({ application, phase, error }: { application: ApplicationStatus; phase: 'working' | 'done' | 'failed'; error: ApiErrorCode | undefined }) {
  const { t } = useTranslation();
  const language = useKiosk((s) => s.language);
  const amount = formatMop(application.payment?.amountAvos ?? application.feeAvos, language);
  const target = refundTarget(application);
  return (
    <Screen title={t('withdrawal.title')} actions={phase !== 'working' && <Button onClick={finishService}>{t('actions.finish')}</Button>}>
      {phase === 'working' && (
        <p className="lead prompt" role="status">
          {t('withdrawal.working')}
        </p>
      )}
      {phase === 'failed' && (
        <p className="error" role="alert">
          {t('withdrawal.failed', { reason: t(`errors.${error ?? 'internal'}`) })}
        </p>
      )}
      {phase === 'done' && (
        <div role="status" data-application-state={application.state}>
          {application.state === 'refunded' && <p className="lead success">{t('withdrawal.refunded', { amount, target })}</p>}
          {application.state === 'cancelled' && <p className="lead success">{t('withdrawal.cancelled')}</p>}
          {application.state === 'refund-pending' && (
            <>
              <p className="lead">{t('withdrawal.refundPending', { amount, target })}</p>
              <p className="lead">{t('withdrawal.nextSteps')}</p>
            </>
          )}
          {application.state === 'withdrawal-pending' && (
            <>
              <p className="lead">{t('withdrawal.withdrawalPending', { amount, target })}</p>
              <p className="lead">{t('withdrawal.nextSteps')}</p>
            </>
          )}
        </div>
      )}
    </Screen>
  );
}
