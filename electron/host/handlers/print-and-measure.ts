import type { CounterOffice } from '../../shared/kiosk-api/schemas/service-id.js';
import type { DeviceHub } from '../../../devices/hub/device-hub.js';
import type { ApplicationOrchestrator } from '../applications/orchestrator.js';
import { KioskApiError } from '../../shared/kiosk-api/errors.js';
import type { KioskHandlers } from '../bridge/server.js';
import type { HostConfig } from '../config/schema.js';
import { type ApplicationReceiptFacts, buildApplicationReceipt, buildPaymentPendingSlip } from '../receipts/application-receipt.js';
import type { ServiceRules } from '../service-rules/service-rules.js';
import type { Session } from '../sessions/session.js';
import type { SessionManager } from '../sessions/session-manager.js';

/** Where the receipt's words come from besides the application: the rules' pickup times, the kiosk's id, the host's clock. */
interface ReceiptSources {
  rules: Pick<ServiceRules, 'pickupOptions' | 'resultDueBy'>;
  config: Pick<HostConfig, 'kioskId'>;
  clock: () => Date;
  /** Where a fee left to pay at a counter is paid (counter-payment.ts). */
  counters?: readonly CounterOffice[];
}

/**
 * Printing the receipt of an application of this session (built here from the host's own record,
 * never from what the renderer sends). The height gauge's step is in handlers/height.ts.
 */
export function printAndMeasureHandlers(
  sessions: SessionManager,
  hub: DeviceHub,
  orchestrator: ApplicationOrchestrator,
  receiptSources: ReceiptSources,
): Pick<KioskHandlers, 'receipts.print'> {
  return {
    'receipts.print': async ({ applicationId }, { signal }) => {
      const session = sessions.require();
      if (!orchestrator.belongsTo(applicationId, session.id)) throw new KioskApiError('application-not-found', 'no such application in this session');
      const status = orchestrator.status(applicationId);
      const number = status.receipt?.receiptNumber;
      if (!number && status.confirmation === 'overdue') {
        // The answer is still unknown after the visit's wait: the resident leaves with a slip that says so.
        await hub.get('receipt-printer').print(buildPaymentPendingSlip(status), AbortSignal.any([signal, session.signal]));
        return { printed: true as const };
      }
      if (!number) throw new KioskApiError('step-not-allowed', `no receipt yet (${status.state})`);
      const facts = receiptFacts(session, orchestrator, applicationId, number, receiptSources);
      await hub.get('receipt-printer').print(buildApplicationReceipt(facts), AbortSignal.any([signal, session.signal]));
      return { printed: true as const };
    },
  };
}

/** What the receipt says, from the host's own records: the application, the card read in this visit, the rules' pickup times. */
function receiptFacts(
  session: Session,
  orchestrator: ApplicationOrchestrator,
  applicationId: string,
  receiptNumber: string,
  sources: ReceiptSources,
): ApplicationReceiptFacts {
  const status = orchestrator.status(applicationId);
  const issuedAt = status.receipt?.acceptedAt ? new Date(status.receipt.acceptedAt) : sources.clock();
  const place = orchestrator.pickupPlaceOf(applicationId);
  // The ready time as the schedule gives it for the moment the application was received.
  const option = place ? sources.rules.pickupOptions(status.service, issuedAt).find((candidate) => candidate.place === place) : undefined;
  const holder = session.holder;
  return {
    status,
    receiptNumber,
    issuedAt,
    applicant: holder ? { nameZh: holder.nameZh, nameLatin: holder.nameLatin, cardNumber: holder.cardNumber } : null,
    pickup: place ? { place, address: option?.address ?? null, readyAt: option ? new Date(option.readyAt) : null, collectWithinDays: option?.collectWithinDays ?? null } : null,
    resultDueBy: sources.rules.resultDueBy(status.service, issuedAt),
    kioskId: sources.config.kioskId,
    ...(sources.counters ? { counters: sources.counters } : {}),
  };
}
