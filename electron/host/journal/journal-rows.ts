import type { ApplicationRow, ApplicationState, PaymentSystem, PaymentRow, PaymentState, SessionOutcome, SessionRow } from '../../shared/kiosk-api/schemas/journal-states.js';

/** The journal's rows as SQLite returns them, and as the rest of the host reads them (camelCase, booleans). */
/** An application row without its sealed payload (a photo and ten prints can be ~600 kB): only `payload()` reads that. */
export function applicationColumns(table = ''): string {
  const plain = ['id', 'session_id', 'service', 'fee_avos', 'state', 'attempts', 'receipt_number', 'queued_at', 'accepted_at', 'last_error'];
  return [...plain.map((c) => table + c), `${table}payload IS NOT NULL AS has_payload`].join(', ');
}

export interface RawSession {
  id: string;
  started_at: string;
  ended_reason: string | null;
  state: 'open' | 'final';
  outcome: SessionOutcome | null;
}
export interface RawApplication {
  id: string;
  session_id: string;
  service: string;
  fee_avos: number;
  state: ApplicationState;
  attempts: number;
  receipt_number: string | null;
  queued_at: string | null;
  accepted_at: string | null;
  last_error: string | null;
  has_payload: number;
}
export interface RawPayment {
  reference: string;
  application_id: string;
  method: PaymentSystem;
  tender: string | null;
  amount_avos: number;
  state: PaymentState;
  auth_code: string | null;
  reason: string | null;
}

export function toSession(r: RawSession): SessionRow {
  return { id: r.id, startedAt: r.started_at, endedReason: r.ended_reason, state: r.state, outcome: r.outcome };
}
export function toApplication(r: RawApplication): ApplicationRow {
  return {
    id: r.id,
    sessionId: r.session_id,
    service: r.service,
    feeAvos: r.fee_avos,
    state: r.state,
    attempts: r.attempts,
    receiptNumber: r.receipt_number,
    queuedAt: r.queued_at,
    acceptedAt: r.accepted_at,
    lastError: r.last_error,
    hasPayload: r.has_payload === 1,
  };
}
export function toPayment(r: RawPayment): PaymentRow {
  return {
    reference: r.reference,
    applicationId: r.application_id,
    method: r.method,
    tender: r.tender,
    amountAvos: r.amount_avos,
    state: r.state,
    authCode: r.auth_code,
    reason: r.reason,
  };
}
