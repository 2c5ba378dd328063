import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiErrorCode } from '../../../electron/shared/kiosk-api/errors.js';
import type { ResultOf } from '../../../electron/shared/kiosk-api/contract.js';
import { finishService } from '../../flows/service-flow.js';
import { useKiosk } from '../../state/kiosk-store.js';
import { Button } from '../../ui/Button.js';
import { CancelVisitButton } from '../../ui/CancelVisitButton.js';
import { formatInstant } from '../../ui/format.js';
import { Screen } from '../../ui/Screen.js';
import type { StepProps } from '../flow/step-props.js';
import { useSlipPrint } from './slip-print.js';
import { SlipStatus } from './SlipStatus.js';
import './counter.css';
import slipMessages from 'virtual:kiosk-locale-section/slip';
import { addLocaleSection } from '../../i18n/add-locale-section.js';

// Only lazy screens show these messages: not in the first paint's locale (renderer/i18n/lazy-sections.ts),
// they arrive with this chunk, in every language.
addLocaleSection('slip', slipMessages);

type Ticket = ResultOf<'queue.takeTicket'>;

/** Takes the chosen ticket from the back office (through the host), shows its number large and prints it. */
export function TicketScreen({ request }: StepProps<'print-ticket'>) {
  const { t } = useTranslation();
  const api = useKiosk((s) => s.api);
  const language = useKiosk((s) => s.language);
  const [ticket, setTicket] = useState<Ticket | undefined>();
  const [error, setError] = useState<ApiErrorCode | undefined>();
  const [attempt, setAttempt] = useState(0);
  const [slip, print] = useSlipPrint(useCallback(() => api?.queue.printTicket({}), [api]));
  const choice = request.ticket;

  useEffect(() => {
    if (!api || !choice) return;
    let stale = false;
    setError(undefined);
    void api.queue.takeTicket({ office: choice.office, kind: choice.kind }).then((taken) => {
      if (stale) return;
      if (!taken.ok) return setError(taken.error.code);
      setTicket(taken.value);
    });
    return () => {
      stale = true;
    };
  }, [api, choice?.office, choice?.kind, attempt]);

  // The ticket is printed as soon as it is taken; a printer fault leaves the number on screen and a retry.
  useEffect(() => {
    if (ticket) void print();
  }, [ticket, print]);

  return (
    <Screen
      title={t('queue.ticketTitle')}
      actions={
        ticket ? (
          <>
            {slip.state === 'failed' && (
              <Button variant="secondary" onClick={() => void print()}>
                {t('slip.printAgain')}
              </Button>
            )}
            <Button onClick={finishService}>{t('actions.finish')}</Button>
          </>
        ) : (
          <>
            <CancelVisitButton />
            {error && <Button onClick={() => setAttempt((n) => n + 1)}>{t('actions.retry')}</Button>}
          </>
        )
      }
    >
      {!ticket && !error && (
        <p className="lead" role="status">
          {t('queue.taking')}
        </p>
      )}
      {error && (
        <p className="error" role="alert">
          {t(`errors.${error}`)}
        </p>
      )}
      {ticket && (
        <>
          <p className="lead">{t(`queue.kinds.${ticket.kind}`)}</p>
          <p className="ticket-number" data-testid="ticket-number">
            {ticket.ticketNumber}
          </p>
          <dl className="facts">
            <dt>{t('queue.office')}</dt>
            <dd>{t(`pickupPlaces.${ticket.office}`)}</dd>
            <dt>{t('queue.issuedAt')}</dt>
            <dd>{formatInstant(ticket.issuedAt, language)}</dd>
          </dl>
          <p className="lead">{t(`queue.hint.${ticket.kind}`)}</p>
          <SlipStatus slip={slip} />
        </>
      )}
    </Screen>
  );
}
