import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentVisit, stepDone } from '../../flows/service-flow.js';
import { useKiosk } from '../../state/kiosk-store.js';
import { Button } from '../../ui/Button.js';
import { CancelVisitButton } from '../../ui/CancelVisitButton.js';
import { formatFrom } from '../../ui/format.js';
import { Screen } from '../../ui/Screen.js';
import type { StepProps } from '../flow/step-props.js';
import './counter.css';

type Kind = StepProps<'choose-ticket'>['step']['kinds'][number];

/**
 * The kind of ticket, then the office, each office with the host's open or closed status. The host
 * answers the choice: a closed office or a booking elsewhere than HQ comes back as a refusal with
 * its reason and the next opening.
 */
export function ChooseTicketScreen({ step, request }: StepProps<'choose-ticket'>) {
  const { t } = useTranslation();
  const language = useKiosk((s) => s.language);
  const [kind, setKind] = useState<Kind>(request.ticket?.kind ?? step.kinds[0] ?? 'same-day');
  const offices = currentVisit()?.evaluation.availability.offices ?? [];
  return (
    <Screen title={t('queue.chooseTitle')} actions={<CancelVisitButton />}>
      <h2 className="subheading" id="ticket-kind">
        {t('queue.kindHeading')}
      </h2>
      <div className="ticket-choices" role="group" aria-labelledby="ticket-kind">
        {step.kinds.map((k) => (
          <Button key={k} variant="secondary" aria-pressed={kind === k} data-kind={k} onClick={() => setKind(k)}>
            {t(`queue.kinds.${k}`)}
          </Button>
        ))}
      </div>
      <h2 className="subheading">{t('queue.officeHeading')}</h2>
      <div className="option-list">
        {step.offices.map((office) => {
          const status = offices.find((o) => o.office === office);
          return (
            <Button
              key={office}
              variant="secondary"
              className="option-button"
              data-office={office}
              onClick={() => void stepDone('choose-ticket', { request: { ticket: { office, kind } } })}
            >
              <span>{t(`pickupPlaces.${office}`)}</span>
              {status && (
                <span className="office-status" data-open={status.openNow}>
                  {status.openNow
                    ? t('queue.openNow')
                    : status.nextOpenAt
                      ? t('queue.closedUntil', { when: formatFrom(status.nextOpenAt, language) })
                      : t('queue.closed')}
                </span>
              )}
            </Button>
          );
        })}
      </div>
    </Screen>
  );
}
