import type { Journal } from '../journal/journal.js';

export interface OutboxSummary {
  /** Applications not yet settled with the back office or the payment system. */
  pending: number;
  /** How long the oldest queued application has waited (from its `queuedAt`). */
  oldestAgeSeconds: number | null;
  /** Queued for longer than the alert threshold. */
  queuedOld: number;
  /** Payments whose answer was lost and is still unknown (a person must look). */
  unknownPayments: number;
}

/** The journal's outbox as counts and ages only (the fleet state and its events): never whose. */
export function summariseOutbox(journal: Pick<Journal, 'unfinishedApplications' | 'paymentsOf'>, now: Date, alertAfterSeconds: number): OutboxSummary {
  const unfinished = journal.unfinishedApplications();
  let oldest: number | null = null;
  let queuedOld = 0;
  let unknownPayments = 0;
  for (const application of unfinished) {
    if (application.queuedAt) {
      const age = Math.max(0, Math.floor((now.getTime() - Date.parse(application.queuedAt)) / 1000));
      oldest = Math.max(oldest ?? 0, age);
      if (age >= alertAfterSeconds) queuedOld++;
    }
    unknownPayments += journal.paymentsOf(application.id).filter((payment) => payment.state === 'unknown').length;
  }
  return { pending: unfinished.filter((a) => a.state !== 'draft').length, oldestAgeSeconds: oldest, queuedOld, unknownPayments };
}
