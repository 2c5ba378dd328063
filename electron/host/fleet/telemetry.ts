import type { DeviceHealthEntry } from '../../../devices/hub/device-hub.js';
import type { FleetEvent, StateMessage } from '../../../fleet/contract.js';
import type { KioskLink } from '../../../fleet/kiosk-link.js';
import type { KioskAvailability } from '../../shared/kiosk-api/schemas/availability.js';
import type { MaintenanceView } from '../../shared/kiosk-api/schemas/maintenance.js';
import type { CountersView } from '../maintenance/counters.js';
import type { StaffCall } from '../staff/staff-calls.js';
import type { OutboxSummary } from './outbox-summary.js';

export interface TelemetrySources {
  health(): DeviceHealthEntry[];
  availability(): KioskAvailability;
  operatorHold(): boolean;
  counters(): CountersView;
  outbox(): OutboxSummary;
  maintenanceOpen(): boolean;
}

export interface RecentFault {
  at: string;
  device: DeviceHealthEntry['device'];
  state: 'offline' | 'degraded';
  detail: string | null;
}

type Paper = StateMessage['paper'];

/** The receipt printer's health as a paper level (its stable details: devices/receipt-printer/contract.ts). */
export function paperLevel(health: readonly DeviceHealthEntry[]): Paper {
  const printer = health.find((entry) => entry.device === 'receipt-printer');
  if (!printer) return 'unknown';
  if (printer.detail === 'paper-out') return 'out';
  if (printer.detail === 'paper-near-end') return 'low';
  return printer.state === 'online' ? 'ok' : 'unknown';
}

/** A device detail as the contract's code, or null (a driver's free text never leaves the kiosk). */
function code(detail: string | undefined): string | null {
  return detail && /^[a-z0-9][a-z0-9:_-]{0,79}$/.test(detail) ? detail : null;
}

/**
 * Turns the host's own sources (device health, availability, staff calls, maintenance mode,
 * counters, the journal's outbox) into fleet messages: retained health and state, events on each
 * change that a person should know about, and counters every `periodMs`. The host calls the
 * `on…` methods from the callbacks it already has; nothing here reaches into the host.
 */
export class FleetTelemetry {
  private readonly timer: ReturnType<typeof setInterval>;
  private readonly faults: RecentFault[] = [];
  private lastPaper: Paper;
  private lastInService: boolean;
  private lastMaintenance: boolean;
  private lastUnknownPayments = 0;
  private lastQueuedOld = 0;
  private lastVisitAt: string | null = null;
  private lastState = '';

  constructor(
    private readonly link: KioskLink,
    private readonly sources: TelemetrySources,
    private readonly options: { version: string; configDigest: string; periodMs: number; clock: () => Date },
  ) {
    const health = sources.health();
    this.lastPaper = paperLevel(health);
    this.lastInService = sources.availability().inService;
    this.lastMaintenance = sources.maintenanceOpen();
    link.publish('status', { version: options.version, configDigest: options.configDigest, services: this.services() });
    for (const entry of health) this.publishHealth(entry);
    this.publishState(true);
    this.publishCounters();
    this.timer = setInterval(() => this.tick(), options.periodMs);
    this.timer.unref?.();
  }

  dispose(): void {
    clearInterval(this.timer);
  }

  recentFaults(): readonly RecentFault[] {
    return this.faults;
  }

  onDeviceHealth(entry: DeviceHealthEntry): void {
    this.publishHealth(entry);
    if (entry.state === 'online') this.event({ kind: 'device-recovered', device: entry.device });
    else {
      const fault: RecentFault = { at: this.options.clock().toISOString(), device: entry.device, state: entry.state, detail: code(entry.detail) };
      this.faults.push(fault);
      if (this.faults.length > 50) this.faults.shift();
      this.event({ kind: 'device-fault', device: entry.device, state: entry.state, detail: fault.detail });
    }
    const paper = paperLevel(this.sources.health());
    if (paper !== this.lastPaper) {
      this.lastPaper = paper;
      this.event({ kind: 'paper', level: paper });
    }
    this.publishState();
  }

  onStaffCall(type: 'called' | 'acknowledged', call: StaffCall, by = 'operator'): void {
    if (type === 'called') this.event({ kind: 'staff-call', callId: call.callId, screen: call.screen });
    else this.event({ kind: 'staff-call-acknowledged', callId: call.callId, by });
  }

  onMaintenance(view: MaintenanceView): void {
    const open = view.phase === 'open';
    if (open === this.lastMaintenance) return;
    this.lastMaintenance = open;
    this.event({ kind: 'maintenance', phase: open ? 'entered' : 'exited', staffId: view.phase === 'open' ? view.staffId : null });
    this.publishState();
  }

  onAvailability(availability: KioskAvailability): void {
    if (availability.inService !== this.lastInService) {
      this.lastInService = availability.inService;
      this.event({ kind: 'service', inService: availability.inService, operatorHold: this.sources.operatorHold() });
    }
    this.publishState();
  }

  onVisitStarted(): void {
    this.lastVisitAt = this.options.clock().toISOString();
    this.publishState();
  }

  /** Counters, state and the outbox checks, every period. */
  tick(): void {
    this.publishCounters();
    this.publishState(true);
  }

  private event(event: FleetEvent): void {
    this.link.publish('event', { event });
  }

  private services(): string[] {
    return this.sources
      .availability()
      .services.filter((entry) => entry.available)
      .map((entry) => entry.service);
  }

  private publishHealth(entry: DeviceHealthEntry): void {
    this.link.publish('health', { device: entry.device, state: entry.state, detail: code(entry.detail), model: entry.model.slice(0, 80) }, entry.device);
  }

  private publishCounters(): void {
    const view = this.sources.counters();
    const counts = Object.fromEntries(Object.entries(view.counts).filter(([name]) => /^[a-z0-9][a-z0-9:_.-]{0,79}$/.test(name)));
    this.link.publish('counters', { since: view.since, counts });
  }

  /** The retained state, when it changed (or `always`); the outbox's events when they grow. */
  private publishState(always = false): void {
    const outbox = this.sources.outbox();
    if (outbox.unknownPayments > this.lastUnknownPayments) this.event({ kind: 'payments-stuck', unknown: outbox.unknownPayments });
    this.lastUnknownPayments = outbox.unknownPayments;
    if (outbox.queuedOld > this.lastQueuedOld) this.event({ kind: 'applications-queued-old', count: outbox.queuedOld, oldestAgeSeconds: outbox.oldestAgeSeconds ?? 0 });
    this.lastQueuedOld = outbox.queuedOld;
    const availability = this.sources.availability();
    const state = {
      inService: availability.inService,
      operatorHold: this.sources.operatorHold(),
      maintenance: this.sources.maintenanceOpen(),
      services: this.services(),
      paper: paperLevel(this.sources.health()),
      outbox: { pending: outbox.pending, oldestAgeSeconds: outbox.oldestAgeSeconds, unknownPayments: outbox.unknownPayments },
      lastVisitAt: this.lastVisitAt,
      telemetryQueued: this.link.outbox.size(),
    };
    const key = JSON.stringify({ ...state, telemetryQueued: 0 });
    if (!always && key === this.lastState) return;
    this.lastState = key;
    this.link.publish('state', state);
  }
}
