import { useTranslation } from 'react-i18next';
import reasonMessages from 'virtual:kiosk-locale-section/reasons';
import referralMessages from 'virtual:kiosk-locale-section/referrals';
import type { CardHolder } from '../../../electron/shared/kiosk-api/contract.js';
import { finishService, startService } from '../../flows/service-flow.js';
import { addLocaleSection } from '../../i18n/add-locale-section.js';
import { type Eligibility, useKiosk } from '../../state/kiosk-store.js';
import { Button } from '../../ui/Button.js';
import { formatFrom } from '../../ui/format.js';
import { Screen } from '../../ui/Screen.js';
import './common-steps.css';
import { referralsFor } from './referrals.js';

// The reasons and the places to go are only shown here: not in the first paint's locale
// (renderer/i18n/lazy-sections.ts), they arrive with this chunk, in every language.
addLocaleSection('reasons', reasonMessages);
addLocaleSection('referrals', referralMessages);

/** The host's verdict when the service cannot be done here: each reason, and where to go instead. */
export function RefusalScreen({ eligibility, holder }: { eligibility: Eligibility; holder?: CardHolder | undefined }) {
  const { t } = useTranslation();
  const language = useKiosk((s) => s.language);
  const referrals = referralsFor(eligibility.reasons);
  // A relation not on file: the host's reason says to verify it first [003]; offer it at once.
  const verifyFor = holder && eligibility.reasons.includes('kinship-not-on-file') ? holder : undefined;
  return (
    <Screen
      title={t('refusal.title')}
      actions={
        <>
          {verifyFor && (
            <Button variant="secondary" onClick={() => void startService('kinship-verification', verifyFor)}>
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
      {eligibility.availableFrom && <p className="lead">{t('refusal.availableFrom', { date: formatFrom(eligibility.availableFrom, language) })}</p>}
      {referrals.length > 0 && (
        <>
          <h2 className="subheading">{t('referrals.title')}</h2>
          <ul className="reason-list" data-testid="referrals">
            {referrals.map((referral) => (
              <li key={referral} data-referral={referral}>
                {t(`referrals.${referral}`)}
              </li>
            ))}
          </ul>
        </>
      )}
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
