import { useTranslation } from 'react-i18next';
import type { SlipState } from './slip-print.js';
import slipMessages from 'virtual:kiosk-locale-section/slip';
import { addLocaleSection } from '../../i18n/add-locale-section.js';

// Only lazy screens show these messages: not in the first paint's locale (renderer/i18n/lazy-sections.ts),
// they arrive with this chunk, in every language.
addLocaleSection('slip', slipMessages);

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
