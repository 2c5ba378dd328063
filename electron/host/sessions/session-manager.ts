import { randomUUID } from 'node:crypto';
import type { Language, SessionEndReason, SessionInfo } from '../../shared/kiosk-api/contract.js';
import { KioskApiError } from '../../shared/kiosk-api/errors.js';
import { Session } from './session.js';

export type SessionEvent =
  | { type: 'started'; info: SessionInfo }
  | { type: 'changed'; info: SessionInfo }
  | { type: 'idle-warning'; sessionId: string; secondsLeft: number }
  | { type: 'ended'; sessionId: string; reason: SessionEndReason; language: Language };

export interface SessionManagerOptions {
  idle: { timeoutSeconds: number; warningSeconds: number };
  onEvent: (event: SessionEvent) => void;
  /** The placement number of a card on the reader now (visit/card-custody.ts), null when empty. */
  cardPlacement?: () => number | null;
}

/**
 * Owns the one session a kiosk has at a time: start, language, activity, idle timeout and end.
 * The idle timeout is two named phases: quiet for `timeoutSeconds`, then a warning that counts
 * down `warningSeconds` once a second; any touch ends the warning. While a critical operation is
 * in flight (a payment) the idle clock stops, and restarts when it ends: a payment is never abandoned.
 */
export class SessionManager {
  private session: Session | undefined;
  private idleWarningAt = 0;
  private quietTimer: ReturnType<typeof setTimeout> | undefined;
  private countdown: ReturnType<typeof setInterval> | undefined;
  private secondsLeft = 0;
  private criticalCount = 0;

  constructor(private readonly options: SessionManagerOptions) {}

  current(): Session | undefined {
    return this.session;
  }

  /** The active session, or a `no-session` error for calls that need one. */
  require(): Session {
    if (!this.session) throw new KioskApiError('no-session', 'no session is active');
    return this.session;
  }

  start(language: Language): SessionInfo {
    if (this.session) this.end('cancelled');
    this.session = new Session(randomUUID(), language, new Date(), this.options.cardPlacement?.() ?? null);
    this.armIdle();
    const info = this.info(this.session);
    this.options.onEvent({ type: 'started', info });
    return info;
  }

  setLanguage(language: Language): SessionInfo {
    const session = this.require();
    session.language = language;
    if (this.criticalCount === 0) this.armIdle();
    const info = this.info(session);
    this.options.onEvent({ type: 'changed', info });
    return info;
  }

  /** Resident activity: postpones the warning, or ends one in progress. */
  touch(): SessionInfo {
    const session = this.require();
    if (this.criticalCount === 0) this.armIdle(); // during a payment the idle clock is stopped
    return this.info(session);
  }

  end(reason: SessionEndReason): void {
    const session = this.session;
    if (!session) return;
    this.disarmIdle();
    this.session = undefined;
    this.criticalCount = 0;
    session.wipe();
    this.options.onEvent({ type: 'ended', sessionId: session.id, reason, language: session.language });
  }

  /**
   * Marks an operation the idle timeout must not interrupt (a payment: the resident is at the
   * terminal, not the screen). The idle clock stops while one runs; when the last is released it
   * starts a fresh quiet period, so the resident sees how the payment went (the receipt, a
   * decline) before any warning, and a resident who walked away is still timed out after it.
   */
  beginCritical(): () => void {
    const session = this.require();
    if (this.criticalCount++ === 0) this.disarmIdle();
    let released = false;
    return () => {
      if (released || this.session !== session) return;
      released = true;
      if (--this.criticalCount > 0) return;
      this.armIdle();
      this.options.onEvent({ type: 'changed', info: this.info(session) });
    };
  }

  dispose(): void {
    this.end('host-stopped');
  }

  private info(session: Session): SessionInfo {
    return {
      sessionId: session.id,
      language: session.language,
      startedAt: session.startedAt.toISOString(),
      idleWarningAt: new Date(this.idleWarningAt).toISOString(),
    };
  }

  private armIdle(): void {
    this.disarmIdle();
    const quietMs = this.options.idle.timeoutSeconds * 1000;
    this.idleWarningAt = Date.now() + quietMs;
    this.quietTimer = setTimeout(() => this.startWarning(), quietMs);
  }

  private disarmIdle(): void {
    clearTimeout(this.quietTimer);
    clearInterval(this.countdown);
    this.quietTimer = undefined;
    this.countdown = undefined;
  }

  private startWarning(): void {
    const session = this.session;
    if (!session) return;
    this.secondsLeft = this.options.idle.warningSeconds;
    this.options.onEvent({ type: 'idle-warning', sessionId: session.id, secondsLeft: this.secondsLeft });
    this.countdown = setInterval(() => {
      this.secondsLeft--;
      if (this.secondsLeft > 0) {
        this.options.onEvent({ type: 'idle-warning', sessionId: session.id, secondsLeft: this.secondsLeft });
        return;
      }
      clearInterval(this.countdown);
      this.countdown = undefined;
      this.end('idle-timeout');
    }, 1000);
  }
}
