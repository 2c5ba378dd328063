import { useTranslation } from 'react-i18next';
import type { CardHolder } from '../../../electron/host/bridge/contract.js';
import { finishService, startService } from '../../flows/service-flow.js';
import { type Eligibility, useKiosk } from '../../state/kiosk-store.js';
import { Button } from '../../ui/Button.js';
import { formatFrom } from '../../ui/format.js';
import { Screen } from '../../ui/Screen.js';
import './renewal.css';

/** The host's verdict when the service cannot be done here: each reason, and where to go instead. */
export function RefusalScreen({ eligibility, holder }: { eligibility: Eligibility; holder?: CardHolder | undefined }) {
  const { t } = useTranslation();
  const language = useKiosk((s) => s.language);
  // A relation not on file: the host's reason says to verify it first [003]; offer it at once.
  const referral = holder && eligibility.reasons.includes('kinship-not-on-file') ? holder : undefined;
  return (
    <Screen
      title={t('refusal.title')}
      actions={
        <>
          {referral && (
            <Button variant="secondary" onClick={() => void startService('kinship-verification', referral)}>
              {t('kinship.referral')}
            </Button>
          )}
          <Button onClick={finishService}>{t('actions.finish')}</Button>
        </>
      }
    >
      <h2 className="subheading">{t('refusal.because')}</h2>
      <ul className="reason-list" data-testid="refusal-reasons">
        {eligibility.reasons.map((code) => (
          <li key={code} data-reason={code}>
            {t(`reasons.${code}`)}
          </li>
        ))}
      </ul>
      <p className="lead">{eligibility.verdict === 'counter-only' ? t('refusal.counterOnly') : t('refusal.notAllowed')}</p>
      {referral && <p className="lead">{t('kinship.referralHint')}</p>}
      {eligibility.availableFrom && <p className="lead">{t('refusal.availableFrom', { date: formatFrom(eligibility.availableFrom, language) })}</p>}
      {eligibility.notices.length > 0 && (
        <>
          <h2 className="subheading">{t('refusal.notices')}</h2>
          <ul className="reason-list">
            {eligibility.notices.map((code) => (
              <li key={code}>{t(`reasons.${code}`)}</li>
            ))}
          </ul>
        </>
      )}
    </Screen>
  );
}
