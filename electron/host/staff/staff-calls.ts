import type { Logger } from '../log.js';

/** One call for staff: which kiosk, when, from which screen. No personal data. */
export interface StaffCall {
  callId: string;
  kioskId: string;
  calledAt: string;
  screen: string;
}

export interface StaffCallsSnapshot {
  /** Every call since the host started. */
  count: number;
  /** The most recent calls, newest last (at most `keep`). */
  recent: StaffCall[];
}

/**
 * The kiosk's calls for staff: logged (the centre's monitoring reads the host log), counted, and kept
 * in memory for the tester state (`/control/api/state`) and the technician screen.
 */
export class StaffCalls {
  private readonly calls: StaffCall[] = [];
  private count = 0;

  constructor(private readonly options: { kioskId: string; clock: () => Date; log: Logger; keep?: number }) {}

  call(screen: string): StaffCall {
    this.count += 1;
    const calledAt = this.options.clock().toISOString();
    const call: StaffCall = { callId: `${this.options.kioskId}-S${String(this.count).padStart(4, '0')}`, kioskId: this.options.kioskId, calledAt, screen };
    this.calls.push(call);
    const keep = this.options.keep ?? 50;
    if (this.calls.length > keep) this.calls.splice(0, this.calls.length - keep);
    this.options.log.warn('staff called', { ...call });
    return call;
  }

  snapshot(): StaffCallsSnapshot {
    return { count: this.count, recent: this.calls.map((call) => ({ ...call })) };
  }
}
