import type { DiagnosticsMessage, EventMessage, FleetEvent, HealthMessage, KioskMessage, StateMessage } from '../fleet/contract.js';

/** One kiosk as the dashboard shows it. */
export interface KioskView {
  kioskId: string;
  online: boolean;
  version: string | null;
  configDigest: string | null;
  /** When the kiosk was last heard from (any message). */
  lastSeen: string | null;
  state: Omit<StateMessage, 'v' | 'kioskId' | 'seq'> | null;
  devices: Record<string, Pick<HealthMessage, 'state' | 'detail' | 'model' | 'at'>>;
  counters: Record<string, number>;
  diagnostics: Omit<DiagnosticsMessage, 'v' | 'seq'> | null;
}

export interface AlertView {
  kioskId: string;
  at: string;
  seq: number;
  severity: 'alert' | 'info';
  /** A kiosk's event, or the dashboard's own note that a kiosk went offline (its last will) or came back. */
  event: FleetEvent | { kind: 'kiosk-offline' } | { kind: 'kiosk-online' };
}

export interface StaffCallView {
  kioskId: string;
  callId: string;
  screen: string;
  calledAt: string;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
}

export interface FleetSnapshot {
  kiosks: KioskView[];
  alerts: AlertView[];
  staffCalls: StaffCallView[];
  /** Messages taken, duplicates skipped (QoS 1 may deliver twice), invalid ones refused. */
  stats: { messages: number; duplicates: number; invalid: number };
}

/** What a change sent to the page carries: the kiosk it touched and any alert it raised. */
export interface FleetChange {
  kiosk: KioskView;
  alert?: AlertView;
  staffCall?: StaffCallView;
  /** The publishing kiosk's timestamp, for the publish→page latency. */
  publishedAt: string | null;
  seq: number | null;
}

const ALERT_KINDS = new Set<FleetEvent['kind']>(['device-fault', 'paper', 'staff-call', 'payments-stuck', 'applications-queued-old', 'service']);

/**
 * The dashboard's picture of the fleet, folded from validated kiosk messages (fleet/contract.ts):
 * per-kiosk grid rows, an alerts feed (newest first, bounded) and the open staff calls. A repeated
 * `(kiosk, seq)` is counted and skipped: QoS 1 delivers at least once.
 */
export class FleetView {
  private readonly kiosks = new Map<string, KioskView>();
  private readonly alerts: AlertView[] = [];
  private readonly calls = new Map<string, StaffCallView>();
  private readonly seen = new Map<string, Set<number>>();
  private readonly hadStatus = new Set<string>();
  readonly stats = { messages: 0, duplicates: 0, invalid: 0 };

  // Duplicates (QoS 1 redelivery) arrive close behind the original: a window of 500 per kiosk is ample and bounds memory for a large fleet.
  constructor(private readonly limits = { alerts: 200, calls: 200, seqWindow: 500 }) {}

  apply(input: KioskMessage): FleetChange | undefined {
    const kiosk = this.kiosk(input.kioskId);
    const message = input.message;
    if ('seq' in message) {
      if (this.isDuplicate(input.kioskId, message.seq)) {
        this.stats.duplicates++;
        return undefined;
      }
      kiosk.lastSeen = maxIso(kiosk.lastSeen, message.at);
    }
    this.stats.messages++;
    const change: FleetChange = { kiosk, publishedAt: 'at' in message ? message.at : null, seq: 'seq' in message ? message.seq : null };
    switch (input.kind) {
      case 'status':
        if (input.message.state === 'online' && !kiosk.online && kiosk.lastSeen !== null && this.hadStatus.has(input.kioskId)) {
          change.alert = this.note({ kioskId: input.kioskId, at: input.message.at, seq: input.message.seq, severity: 'info', event: { kind: 'kiosk-online' } });
        } else if (input.message.state === 'offline' && kiosk.online) {
          change.alert = this.note({ kioskId: input.kioskId, at: new Date().toISOString(), seq: -1, severity: 'alert', event: { kind: 'kiosk-offline' } });
        }
        this.hadStatus.add(input.kioskId);
        if (input.message.state === 'online') {
          kiosk.online = true;
          kiosk.version = input.message.version;
          kiosk.configDigest = input.message.configDigest;
        } else kiosk.online = false;
        break;
      case 'health': {
        const { device, state, detail, model, at } = input.message;
        kiosk.devices[device] = { state, detail, model, at };
        break;
      }
      case 'state': {
        const { v: _v, kioskId: _k, seq: _s, ...state } = input.message;
        kiosk.state = state;
        break;
      }
      case 'counters':
        kiosk.counters = input.message.counts;
        break;
      case 'event':
        Object.assign(change, this.event(input.message));
        break;
      case 'diagnostics': {
        const { v: _v, seq: _s, ...bundle } = input.message;
        kiosk.diagnostics = bundle;
        break;
      }
      case 'command-result':
        break;
    }
    return change;
  }

  snapshot(): FleetSnapshot {
    return {
      kiosks: [...this.kiosks.values()].sort((a, b) => a.kioskId.localeCompare(b.kioskId)),
      alerts: [...this.alerts],
      staffCalls: [...this.calls.values()].reverse(),
      stats: { ...this.stats },
    };
  }

  kioskView(kioskId: string): KioskView | undefined {
    return this.kiosks.get(kioskId);
  }

  staffCall(callId: string): StaffCallView | undefined {
    return this.calls.get(callId);
  }

  private event(message: EventMessage): Pick<FleetChange, 'alert' | 'staffCall'> {
    const { event, kioskId, at, seq } = message;
    const out: Pick<FleetChange, 'alert' | 'staffCall'> = {};
    const recovered = (event.kind === 'paper' && event.level === 'ok') || (event.kind === 'service' && event.inService);
    out.alert = this.note({ kioskId, at, seq, severity: ALERT_KINDS.has(event.kind) && !recovered ? 'alert' : 'info', event });
    if (event.kind === 'staff-call') {
      const call: StaffCallView = { kioskId, callId: event.callId, screen: event.screen, calledAt: at, acknowledgedAt: null, acknowledgedBy: null };
      this.calls.set(event.callId, call);
      if (this.calls.size > this.limits.calls) this.calls.delete(this.calls.keys().next().value!);
      out.staffCall = call;
    } else if (event.kind === 'staff-call-acknowledged') {
      const call = this.calls.get(event.callId);
      if (call) {
        call.acknowledgedAt = at;
        call.acknowledgedBy = event.by;
        out.staffCall = call;
      }
    }
    return out;
  }

  private note(alert: AlertView): AlertView {
    this.alerts.unshift(alert);
    if (this.alerts.length > this.limits.alerts) this.alerts.pop();
    return alert;
  }

  private kiosk(kioskId: string): KioskView {
    let kiosk = this.kiosks.get(kioskId);
    if (!kiosk) {
      kiosk = { kioskId, online: false, version: null, configDigest: null, lastSeen: null, state: null, devices: {}, counters: {}, diagnostics: null };
      this.kiosks.set(kioskId, kiosk);
    }
    return kiosk;
  }

  private isDuplicate(kioskId: string, seq: number): boolean {
    let seen = this.seen.get(kioskId);
    if (!seen) this.seen.set(kioskId, (seen = new Set()));
    if (seen.has(seq)) return true;
    seen.add(seq);
    if (seen.size > this.limits.seqWindow) seen.delete(seen.values().next().value!);
    return false;
  }
}

function maxIso(a: string | null, b: string): string {
  return a === null || Date.parse(b) > Date.parse(a) ? b : a;
}
