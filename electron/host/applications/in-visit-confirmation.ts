import type { Journal } from '../journal/journal.js';
import type { Logger } from '../log.js';
import { type MoneyPath, pause } from './money-path.js';

/** How long and how often a lost answer is asked about while the resident waits. */
export interface ConfirmPolicy {
  withinMs: number;
  firstPauseMs: number;
  maxPauseMs: number;
}

export interface InVisitConfirmationOptions {
  journal: Journal;
  money: MoneyPath;
  log: Logger;
  policy: ConfirmPolicy;
  /** The orchestrator's set of applications something is working on: held while confirming. */
  busy: Set<string>;
  isLive: (sessionId: string) => boolean;
  changed: (applicationId: string) => void;
  onOverdue?: (applicationId: string) => void;
  /** Aborted when the host stops. */
  stopping: AbortSignal;
}

/**
 * Asks about a lost answer while the resident is still at the kiosk, with back-off, and tells the
 * screen what it came to: approved (the application is then sent: the receipt), declined (pay
 * again), or still unknown after the set time (`overdue`: staff are called). Holds the application
 * busy meanwhile, so nothing else charges, cancels or sends it. Once the resident has left, the
 * outbox worker carries on asking.
 */
export class InVisitConfirmation {
  /** Payments whose answer was lost, being confirmed while the resident waits (or overdue). */
  private readonly confirming = new Map<string, 'checking' | 'overdue'>();
  /** The running confirmations: stopped (and awaited) when the resident leaves. */
  private readonly running = new Map<string, { stop: AbortController; done: Promise<void> }>();

  constructor(private readonly options: InVisitConfirmationOptions) {}

  /** What the screen shows about the confirmation, if one runs or ran out. */
  stateOf(applicationId: string): 'checking' | 'overdue' | undefined {
    return this.confirming.get(applicationId);
  }

  /** A new payment attempt: the previous attempt's confirmation is history. */
  forget(applicationId: string): void {
    this.confirming.delete(applicationId);
  }

  /** The resident left: the confirmation stops (the outbox takes it over), awaited. */
  async stop(applicationId: string): Promise<void> {
    const running = this.running.get(applicationId);
    running?.stop.abort();
    await running?.done;
  }

  start(applicationId: string, sessionId: string): void {
    const { journal, money, policy, busy } = this.options;
    const stop = new AbortController();
    const signal = AbortSignal.any([stop.signal, this.options.stopping]);
    busy.add(applicationId);
    this.confirming.set(applicationId, 'checking');
    this.options.changed(applicationId);
    const until = Date.now() + policy.withinMs;
    const run = async (): Promise<void> => {
      let wait = policy.firstPauseMs;
      while (this.options.isLive(sessionId) && !signal.aborted) {
        const payment = journal.paymentsOf(applicationId).at(-1);
        if (payment?.state !== 'unknown') return;
        if (Date.now() >= until) {
          this.confirming.set(applicationId, 'overdue');
          this.options.log.error('payment: answer still unknown while the resident waits; staff called', { applicationId, reference: payment.reference });
          this.options.onOverdue?.(applicationId);
          return;
        }
        await pause(Math.min(wait, Math.max(0, until - Date.now())), signal);
        if (signal.aborted) return;
        wait = Math.min(wait * 2, policy.maxPauseMs);
        await money.resolve(payment, { attempts: 1, delayMs: 0 });
        const now = journal.payment(payment.reference);
        if (now?.state === 'approved') {
          this.confirming.delete(applicationId);
          this.options.changed(applicationId); // approved: on its way
          await money.send(applicationId);
        } else if (now?.state === 'declined') {
          this.confirming.delete(applicationId);
        }
      }
    };
    const done = run()
      .catch((error: unknown) => {
        if (!this.options.stopping.aborted) this.options.log.error('payment: confirming failed', { applicationId, error: String(error) });
      })
      .finally(() => {
        busy.delete(applicationId);
        this.running.delete(applicationId);
        if (this.confirming.get(applicationId) === 'checking') this.confirming.delete(applicationId);
        if (!this.options.stopping.aborted) this.options.changed(applicationId);
      });
    this.running.set(applicationId, { stop, done });
  }
}
