import type { Journal } from './journal.js';

/** Sessions and applications by state, each application with its payments' states: ids, services, money and states only. */
export interface JournalSummary {
  openSessions: number;
  applications: Array<{ service: string; state: string; feeAvos: number; payments: Array<{ method: string; state: string; amountAvos: number }> }>;
}

export function summariseJournal(journal: Journal): JournalSummary {
  const sessions = journal.allSessions();
  return {
    openSessions: journal.openSessions().length,
    applications: sessions.flatMap((session) =>
      journal.applicationsOf(session.id).map((application) => ({
        service: application.service,
        state: application.state,
        feeAvos: application.feeAvos,
        payments: journal.paymentsOf(application.id).map((payment) => ({ method: payment.method, state: payment.state, amountAvos: payment.amountAvos })),
      })),
    ),
  };
}
