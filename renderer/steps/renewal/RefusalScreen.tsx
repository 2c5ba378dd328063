import { useTranslation } from 'react-i18next';
import { finishService } from '../../flows/service-flow.js';
import { type Eligibility, useKiosk } from '../../state/kiosk-store.js';
import { Button } from '../../ui/Button.js';
import { formatFrom } from '../../ui/format.js';
import { Screen } from '../../ui/Screen.js';
import './renewal.css';
import { referralsFor } from './referrals.js';

/** The host's verdict when the service cannot be done here: each reason, and where to go instead. */
export function RefusalScreen({ eligibility }: { eligibility: Eligibility }) {
  const { t } = useTranslation();
  const language = useKiosk((s) => s.language);
  const referrals = referralsFor(eligibility.reasons);
  return (
    <Screen title={t('refusal.title')} actions={<Button onClick={finishService}>{t('actions.finish')}</Button>}>
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
