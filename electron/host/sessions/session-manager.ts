import { randomUUID } from 'node:crypto';
import type { Language, SessionEndReason, SessionInfo } from '../bridge/contract.js';
import { KioskApiError } from '../bridge/errors.js';
import { Session } from './session.js';

export type SessionEvent =
  | { type: 'started'; info: SessionInfo }
  | { type: 'changed'; info: SessionInfo }
  | { type: 'idle-warning'; sessionId: string; secondsLeft: number }
  | { type: 'ended'; sessionId: string; reason: SessionEndReason };

export interface SessionManagerOptions {
  idle: { timeoutSeconds: number; warningSeconds: number };
  onEvent: (event: SessionEvent) => void;
}

/**
 * Owns the one session a kiosk has at a time: start, language, activity, idle timeout and end.
 * The idle timeout is two named phases: quiet for `timeoutSeconds`, then a warning that counts
 * down `warningSeconds` once a second; any touch ends the warning. While a critical operation is
 * in flight (a payment), expiry waits for it: a payment is never abandoned.
 */
export class SessionManager {
  private session: Session | undefined;
  private idleWarningAt = 0;
  private quietTimer: ReturnType<typeof setTimeout> | undefined;
  private countdown: ReturnType<typeof setInterval> | undefined;
  private secondsLeft = 0;
  private criticalCount = 0;
  private expiryPending = false;

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
    this.session = new Session(randomUUID(), language, new Date());
    this.armIdle();
    const info = this.info(this.session);
    this.options.onEvent({ type: 'started', info });
    return info;
  }

  setLanguage(language: Language): SessionInfo {
    const session = this.require();
    session.language = language;
    this.armIdle();
    const info = this.info(session);
    this.options.onEvent({ type: 'changed', info });
    return info;
  }

  /** Resident activity: postpones the warning, or ends one in progress. */
  touch(): SessionInfo {
    const session = this.require();
    this.armIdle();
    return this.info(session);
  }

  end(reason: SessionEndReason): void {
    const session = this.session;
    if (!session) return;
    this.disarmIdle();
    this.session = undefined;
    this.criticalCount = 0;
    this.expiryPending = false;
    session.wipe();
    this.options.onEvent({ type: 'ended', sessionId: session.id, reason });
  }

  /**
   * Marks an operation the idle timeout must not interrupt. Returns the release function; if the
   * session expired meanwhile, it ends as soon as the last critical operation is released.
   */
  beginCritical(): () => void {
    const session = this.require();
    this.criticalCount++;
    let released = false;
    return () => {
      if (released || this.session !== session) return;
      released = true;
      this.criticalCount--;
      if (this.criticalCount === 0 && this.expiryPending) this.end('idle-timeout');
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
    this.expiryPending = false;
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
      if (this.criticalCount > 0) {
        this.expiryPending = true; // a payment is in flight: end when it is released
        return;
      }
      this.end('idle-timeout');
    }, 1000);
  }
}
