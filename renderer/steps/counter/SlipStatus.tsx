import { useTranslation } from 'react-i18next';
import type { SlipState } from './slip-print.js';

/** The printer's progress in words; a failure is an alert with its reason. */
export function SlipStatus({ slip }: { slip: SlipState }) {
  const { t } = useTranslation();
  if (slip.state === 'failed') {
    return (
      <p className="error" role="alert">
        {t('slip.failed', { reason: slip.paper ? t(`slip.paper.${slip.paper}`) : t(`errors.${slip.error}`) })}
      </p>
    );
  }
  return (
    <p className="lead" role="status" aria-live="polite">
      {slip.state === 'printing' ? t('slip.printing') : slip.state === 'printed' ? t('slip.printed') : ''}
    </p>
  );
}
