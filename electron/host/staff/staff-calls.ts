import type { Logger } from '../log.js';

/** One call for staff: which kiosk, when, from which screen. No personal data. */
export interface StaffCall {
  callId: string;
  kioskId: string;
  calledAt: string;
  screen: string;
  /** When staff acknowledged it from the operations dashboard (fleet command); the resident is told. */
  acknowledgedAt?: string;
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
  private readonly listeners = new Set<(event: { type: 'called' | 'acknowledged'; call: StaffCall }) => void>();

  constructor(private readonly options: { kioskId: string; clock: () => Date; log: Logger; keep?: number }) {}

  call(screen: string): StaffCall {
    this.count += 1;
    const calledAt = this.options.clock().toISOString();
    const call: StaffCall = { callId: `${this.options.kioskId}-S${String(this.count).padStart(4, '0')}`, kioskId: this.options.kioskId, calledAt, screen };
    this.calls.push(call);
    const keep = this.options.keep ?? 50;
    if (this.calls.length > keep) this.calls.splice(0, this.calls.length - keep);
    this.options.log.warn('staff called', { ...call });
    for (const listener of this.listeners) listener({ type: 'called', call: { ...call } });
    return call;
  }

  /** Staff answered the call (the fleet's acknowledge command): false for a call this host does not hold. */
  acknowledge(callId: string): StaffCall | undefined {
    const call = this.calls.find((candidate) => candidate.callId === callId);
    if (!call) return undefined;
    call.acknowledgedAt ??= this.options.clock().toISOString();
    this.options.log.info('staff call acknowledged', { callId });
    for (const listener of this.listeners) listener({ type: 'acknowledged', call: { ...call } });
    return { ...call };
  }

  /** Each call and acknowledgement (fleet telemetry, the resident's screen); returns the unsubscribe. */
  subscribe(listener: (event: { type: 'called' | 'acknowledged'; call: StaffCall }) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  snapshot(): StaffCallsSnapshot {
    return { count: this.count, recent: this.calls.map((call) => ({ ...call })) };
  }
}
