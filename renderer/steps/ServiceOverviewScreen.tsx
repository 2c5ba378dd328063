import { useTranslation } from 'react-i18next';
import type { ServiceId } from '../../electron/shared/kiosk-api/contract.js';
import { backToServices, startChosenService } from '../flows/visit.js';
import { type ServiceOverview, useKiosk } from '../state/kiosk-store.js';
import { Button } from '../ui/Button.js';
import { CancelVisitButton } from '../ui/CancelVisitButton.js';
import { formatMop } from '../ui/format.js';
import { Screen } from '../ui/Screen.js';
import './service-overview.css';

/**
 * Before a service starts: its steps in words (those that depend on the person marked "if needed"),
 * how long it takes, the fee, and what to have ready, all from the host. Start begins the visit;
 * "Back to services" returns to the menu with nothing started.
 */
export function ServiceOverviewScreen({ service, overview }: { service: ServiceId; overview: ServiceOverview | null | undefined }) {
  const { t } = useTranslation();
  const language = useKiosk((s) => s.language);
  const fee = overview?.fee;
  return (
    <Screen
      title={t(`services.${service}`)}
      actions={
        <>
          <CancelVisitButton askFirst={false} />
          <Button variant="secondary" onClick={() => void backToServices()}>
            {t('overview.back')}
          </Button>
          <Button onClick={() => void startChosenService()} data-testid="overview-start">
            {t('overview.start')}
          </Button>
        </>
      }
    >
      <p className="lead">{t('overview.prompt')}</p>
      {overview === undefined && (
        <p className="lead" role="status">
          {t('overview.loading')}
        </p>
      )}
      {overview && (
        <div className="service-overview">
          <section aria-labelledby="overview-steps">
            <h2 id="overview-steps">{t('overview.stepsTitle')}</h2>
            <ol className="overview-steps">
              {overview.steps.map(({ kind, ifNeeded }) => (
                <li key={kind} data-step={kind}>
                  {t(`overview.steps.${kind}`)}
                  {ifNeeded && <span className="overview-if-needed"> {t('overview.ifNeeded')}</span>}
                </li>
              ))}
            </ol>
          </section>
          <section aria-labelledby="overview-facts" className="overview-facts">
            <h2 id="overview-facts">{t('overview.factsTitle')}</h2>
            <p data-testid="overview-time" data-speak>
              {t('overview.time', { minutes: overview.minutes })}
            </p>
            <p data-testid="overview-fee" data-speak>
              {fee?.kind === 'fixed'
                ? t('overview.feeFixed', { amount: formatMop(fee.avos, language) })
                : fee?.kind === 'from'
                  ? t('overview.feeFrom', { amount: formatMop(fee.avos, language) })
                  : t('overview.free')}
            </p>
            {overview.bring.length > 0 && (
              <>
                <h2>{t('overview.bringTitle')}</h2>
                <ul className="overview-bring">
                  {overview.bring.map((item) => (
                    <li key={item} data-bring={item}>
                      {t(`overview.bring.${item}`)}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </section>
        </div>
      )}
      {overview === null && <p className="lead">{t('overview.unavailable')}</p>}
    </Screen>
  );
}
