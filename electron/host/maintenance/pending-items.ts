import type { Journal } from '../journal/journal.js';
import type { PendingItem } from '../../shared/kiosk-api/schemas/maintenance.js';

/**
 * What the journal still waits on, as the technician's screen lists it: payments whose answer is
 * unknown (or never came), refunds not yet confirmed, and applications the back office has not
 * accepted. Ids, states, amounts and times only: the personal payload stays sealed.
 */
export function pendingItems(journal: Journal): PendingItem[] {
  const payments: PendingItem[] = journal.paymentsNeedingAttention().map((p) =>
    p.state === 'reversal-pending'
      ? { kind: 'reversal-pending', reference: p.reference, service: p.service, method: p.method, amountAvos: p.amountAvos, since: p.since, ...(p.reason ? { reason: p.reason.slice(0, 100) } : {}) }
      : { kind: 'unknown-payment', reference: p.reference, service: p.service, method: p.method, amountAvos: p.amountAvos, since: p.since },
  );
  const applications: PendingItem[] = journal
    .unfinishedApplications()
    .filter((a): a is typeof a & { state: 'queued' | 'withdrawing' | 'counter-queued' } => a.state === 'queued' || a.state === 'withdrawing' || a.state === 'counter-queued')
    .map((a) => ({
      kind: 'queued-application',
      applicationId: a.id,
      service: a.service,
      state: a.state,
      attempts: a.attempts,
      since: a.queuedAt ?? a.acceptedAt ?? new Date(0).toISOString(),
      ...(a.lastError ? { lastError: a.lastError.slice(0, 100) } : {}),
    }));
  return [...payments, ...applications].slice(0, 500);
}
