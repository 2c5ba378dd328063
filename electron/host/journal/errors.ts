/**
 * Why the journal refused a change. Each is a bug in the caller (or a damaged journal), never a
 * resident's error: the transaction is rolled back, so neither the row nor the audit trail changed.
 *
 * - `illegal-transition`: the transition table has no such edge from the row's current state;
 * - `row-not-changed`: the statement changed no row, or not exactly one (the guard of last resort);
 * - `not-found`: no session, application or payment with that id.
 */
export type JournalErrorCode = 'illegal-transition' | 'row-not-changed' | 'not-found';

export class JournalError extends Error {
  constructor(
    readonly code: JournalErrorCode,
    readonly entity: 'session' | 'application' | 'payment',
    readonly id: string,
    message: string,
  ) {
    super(`journal: ${message}`);
    this.name = 'JournalError';
  }
}
