import type { CardReader } from '../../../devices/card-reader/contract.js';
import { isDeviceError } from '../../../devices/errors.js';
import { KioskApiError } from '../../shared/kiosk-api/errors.js';
import type { MaintenanceView } from '../../shared/kiosk-api/schemas/maintenance.js';
import type { AuditTrail } from './audit-trail.js';
import { pinMatches, staffCardHash, type StaffMember } from './credentials.js';
import { type EntryEvent, type EntryLimits, type EntryState, INITIAL_ENTRY, transition, triesLeft } from './entry-machine.js';

export interface MaintenanceModeOptions {
  reader: Pick<CardReader, 'waitForCard' | 'readVisibleData' | 'checkAuthenticity'>;
  staff: readonly StaffMember[];
  limits: EntryLimits;
  clock: () => Date;
  audit: AuditTrail;
  /** True while a resident's visit is under way: no entry then (money may be in flight). */
  visitInProgress: () => boolean;
  publish: (view: MaintenanceView) => void;
  /** How often deadlines (idle exit, end of a lockout) are checked. */
  tickMs?: number;
}

/**
 * Maintenance mode's entry and lifetime in the host: the entry machine (entry-machine.ts) fed with
 * the staff card the reader reads and the PIN the technician types, every transition audited, the
 * idle exit and the lockout's end applied by a timer. While the mode is open no visit starts.
 */
export class MaintenanceMode {
  private state: EntryState = INITIAL_ENTRY;
  private readonly timer: ReturnType<typeof setInterval>;
  private pinAttempts: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: MaintenanceModeOptions) {
    this.timer = setInterval(() => this.apply({ type: 'tick' }), options.tickMs ?? 1000);
    this.timer.unref?.();
  }

  dispose(): void {
    clearInterval(this.timer);
  }

  /** Open (a technician is in), or being entered: the kiosk serves no resident then. */
  busy(): boolean {
    this.apply({ type: 'tick' });
    return this.state.phase === 'open' || this.state.phase === 'card' || this.state.phase === 'pin';
  }

  isOpen(): boolean {
    this.apply({ type: 'tick' });
    return this.state.phase === 'open';
  }

  view(): MaintenanceView {
    this.apply({ type: 'tick' });
    return this.viewOf();
  }

  async begin(signal: AbortSignal): Promise<MaintenanceView> {
    if (this.options.visitInProgress()) {
      this.options.audit.record({ action: 'entry-refused', detail: 'visit-in-progress' });
      throw new KioskApiError('maintenance-refused', 'a resident visit is under way', 'visit-in-progress');
    }
    this.apply({ type: 'tick' });
    if (this.state.phase === 'locked') throw new KioskApiError('maintenance-refused', 'entry is locked after too many wrong PINs', 'locked');
    if (this.state.phase !== 'card') this.apply({ type: 'begin' });
    const reader = this.options.reader;
    try {
      await reader.waitForCard(signal);
      const visible = await reader.readVisibleData(signal);
      const staff = this.options.staff.find((member) => member.cardNumberSha256 === staffCardHash(visible.cardNumber));
      if (!staff) return this.refuse('unknown-card');
      // A copy of a staff member's card (a clone of the chip, or altered data) does not open the mode.
      const genuine = await reader.checkAuthenticity(signal);
      if (genuine.passive !== 'valid' || genuine.active !== 'valid') return this.refuse('not-genuine');
      this.apply({ type: 'staff-card', staffId: staff.staffId });
    } catch (error) {
      if (signal.aborted) {
        this.apply({ type: 'exit' });
        throw error;
      }
      if (isDeviceError(error)) return this.refuse('unreadable');
      throw error;
    }
    return this.view();
  }

  /**
   * One PIN attempt. Attempts are checked one after another (a second one waits for the first's
   * answer), and an attempt counts only against the same card entry it was typed for: if the entry
   * ended while scrypt ran (idle, exit, lockout), the attempt is refused rather than applied.
   */
  enterPin(pin: string): Promise<MaintenanceView> {
    const attempt = this.pinAttempts.then(() => this.checkPin(pin));
    this.pinAttempts = attempt.catch(() => undefined);
    return attempt;
  }

  private async checkPin(pin: string): Promise<MaintenanceView> {
    this.apply({ type: 'tick' });
    const state = this.state;
    if (state.phase !== 'pin') throw new KioskApiError('step-not-allowed', `no PIN is asked for (${state.phase})`, state.phase);
    const staff = this.options.staff.find((member) => member.staffId === state.staffId);
    const right = staff !== undefined && (await pinMatches(pin, staff.pinScrypt));
    this.apply({ type: 'tick' });
    if (this.state !== state) throw new KioskApiError('step-not-allowed', `the PIN entry ended while the PIN was checked (${this.state.phase})`, this.state.phase);
    this.apply({ type: right ? 'pin-right' : 'pin-wrong' });
    return this.view();
  }

  touch(): MaintenanceView {
    this.apply({ type: 'activity' });
    return this.view();
  }

  exit(): MaintenanceView {
    if (this.state.phase !== 'closed' && this.state.phase !== 'locked') this.apply({ type: 'exit' });
    return this.view();
  }

  /** A technician's action inside the mode: refused unless the mode is open; audited. */
  requireOpen(action: string): string {
    this.apply({ type: 'tick' });
    if (this.state.phase !== 'open') throw new KioskApiError('maintenance-refused', `${action}: maintenance mode is not open`, 'not-open');
    const staffId = this.state.staffId;
    this.apply({ type: 'activity' });
    return staffId;
  }

  private refuse(why: 'unknown-card' | 'not-genuine' | 'unreadable'): MaintenanceView {
    this.apply({ type: 'card-refused', why });
    return this.view();
  }

  private apply(event: EntryEvent): void {
    const result = transition(this.state, event, this.options.clock().getTime(), this.options.limits);
    if ('refused' in result) throw new KioskApiError('step-not-allowed', `${event.type} is not allowed while ${result.refused}`, result.refused);
    const before = this.state;
    this.state = result.state;
    if (result.audit) this.options.audit.record(result.audit);
    if (before.phase !== this.state.phase || result.audit) this.options.publish(this.viewOf());
  }

  /** The view without applying a tick (inside `apply`). */
  private viewOf(): MaintenanceView {
    const state = this.state;
    if (state.phase === 'pin') return { phase: 'pin', triesLeft: triesLeft(state, this.options.limits) };
    if (state.phase === 'open') {
      return { phase: 'open', staffId: state.staffId, since: new Date(state.since).toISOString(), idleEndsAt: new Date(state.lastActivity + this.options.limits.idleMs).toISOString() };
    }
    if (state.phase === 'locked') return { phase: 'locked', until: new Date(state.until).toISOString() };
    return { phase: state.phase };
  }
}
