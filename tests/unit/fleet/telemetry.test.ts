import { describe, expect, it } from 'vitest';
import type { DeviceHealthEntry } from '../../../devices/hub/device-hub.js';
import type { FleetMessageError} from '../../../fleet/contract.js';
import { kioskTopic, parseCommand, parseKioskMessage } from '../../../fleet/contract.js';
import type { KioskLink } from '../../../fleet/kiosk-link.js';
import type { KioskAvailability } from '../../../electron/shared/kiosk-api/schemas/availability.js';
import type { OutboxSummary } from '../../../electron/host/fleet/outbox-summary.js';
import { summariseOutbox } from '../../../electron/host/fleet/outbox-summary.js';
import { FleetTelemetry } from '../../../electron/host/fleet/telemetry.js';

/** A link that records what would be published (the contract check itself runs in KioskLink.publish). */
function recordingLink() {
  const sent: Array<{ kind: string; body: Record<string, unknown> }> = [];
  const link = { publish: (kind: string, body: Record<string, unknown>) => (sent.push({ kind, body }), sent.length), outbox: { size: () => 0 } } as unknown as KioskLink;
  return { link, sent, events: () => sent.filter((m) => m.kind === 'event').map((m) => m.body.event) };
}

const availability: KioskAvailability = { inService: true, services: [{ service: 'queue-ticket', available: true, missing: [], receipt: 'printed' }], counters: [] };

function telemetryWith(outbox: () => OutboxSummary) {
  const recorder = recordingLink();
  let maintenanceOpen = false;
  const health: DeviceHealthEntry[] = [{ device: 'receipt-printer', state: 'online', model: 'Simulator' }];
  const telemetry = new FleetTelemetry(
    recorder.link,
    {
      health: () => health,
      availability: () => availability,
      operatorHold: () => false,
      counters: () => ({ since: '2026-12-01T00:00:00.000Z', counts: { 'visits:queue-ticket': 3, 'Bad Name': 1 } }),
      outbox,
      maintenanceOpen: () => maintenanceOpen,
    },
    { version: '0.1.0', configDigest: 'a'.repeat(64), periodMs: 60_000, clock: () => new Date('2026-12-06T10:00:00Z') },
  );
  return { ...recorder, telemetry, health, setMaintenance: (open: boolean) => (maintenanceOpen = open) };
}

describe('fleet telemetry from the host sources', () => {
  it('is born with status, each device, the state and the counters (codes only)', () => {
    const { sent, telemetry } = telemetryWith(() => ({ pending: 0, oldestAgeSeconds: null, queuedOld: 0, unknownPayments: 0 }));
    expect(sent.map((m) => m.kind)).toEqual(['status', 'health', 'state', 'counters']);
    expect(sent[3]!.body.counts).toEqual({ 'visits:queue-ticket': 3 });
    telemetry.dispose();
  });

  it('raises payments-stuck and applications-queued-old when they grow, once each', () => {
    let outbox: OutboxSummary = { pending: 0, oldestAgeSeconds: null, queuedOld: 0, unknownPayments: 0 };
    const { events, telemetry } = telemetryWith(() => outbox);
    outbox = { pending: 2, oldestAgeSeconds: 4000, queuedOld: 1, unknownPayments: 1 };
    telemetry.tick();
    telemetry.tick();
    expect(events()).toEqual([
      { kind: 'payments-stuck', unknown: 1 },
      { kind: 'applications-queued-old', count: 1, oldestAgeSeconds: 4000 },
    ]);
    telemetry.dispose();
  });

  it('reports maintenance entries and exits, faults and paper, and a staff call with its acknowledgement', () => {
    const { events, telemetry, health } = telemetryWith(() => ({ pending: 0, oldestAgeSeconds: null, queuedOld: 0, unknownPayments: 0 }));
    telemetry.onMaintenance({ phase: 'open', staffId: 'T-01', since: '2026-12-06T10:00:00.000Z', idleEndsAt: '2026-12-06T10:05:00.000Z' });
    telemetry.onMaintenance({ phase: 'closed' });
    health[0] = { device: 'receipt-printer', state: 'degraded', detail: 'paper-near-end', model: 'Simulator' };
    telemetry.onDeviceHealth(health[0]);
    // A driver's free-text detail is not a code: it never leaves the kiosk.
    telemetry.onDeviceHealth({ device: 'camera', state: 'offline', detail: 'USB camera at /dev/video0 said: Bad things', model: 'X' });
    telemetry.onStaffCall('called', { callId: 'K-S0001', kioskId: 'K', calledAt: '2026-12-06T10:00:00.000Z', screen: 'menu' });
    telemetry.onStaffCall('acknowledged', { callId: 'K-S0001', kioskId: 'K', calledAt: '2026-12-06T10:00:00.000Z', screen: 'menu' }, 'duty-officer');
    expect(events()).toEqual([
      { kind: 'maintenance', phase: 'entered', staffId: 'T-01' },
      { kind: 'maintenance', phase: 'exited', staffId: null },
      { kind: 'device-fault', device: 'receipt-printer', state: 'degraded', detail: 'paper-near-end' },
      { kind: 'paper', level: 'low' },
      { kind: 'device-fault', device: 'camera', state: 'offline', detail: null },
      { kind: 'staff-call', callId: 'K-S0001', screen: 'menu' },
      { kind: 'staff-call-acknowledged', callId: 'K-S0001', by: 'duty-officer' },
    ]);
    telemetry.dispose();
  });

  it("summarises the journal's outbox as counts and ages", () => {
    const now = new Date('2026-12-06T10:00:00Z');
    const rows = [
      { id: 'a', state: 'queued', queuedAt: '2026-12-06T08:00:00Z' },
      { id: 'b', state: 'queued', queuedAt: '2026-12-06T09:59:00Z' },
      { id: 'c', state: 'draft', queuedAt: null },
    ];
    const journal = {
      unfinishedApplications: () => rows as never,
      paymentsOf: (id: string) => (id === 'c' ? [{ state: 'unknown' }] : [{ state: 'done' }]) as never,
    };
    expect(summariseOutbox(journal, now, 1800)).toEqual({ pending: 2, oldestAgeSeconds: 7200, queuedOld: 1, unknownPayments: 1 });
  });
});

describe('the fleet contract, on the dashboard side', () => {
  const event = { v: 1, kioskId: 'K-1', at: '2026-12-06T10:00:00.000Z', seq: 5, event: { kind: 'paper', level: 'out' } };
  it('takes a valid message and refuses the rest with stable codes', () => {
    expect(parseKioskMessage(kioskTopic('K-1', 'event'), JSON.stringify(event))).toMatchObject({ kind: 'event', kioskId: 'K-1' });
    const code = (topic: string, payload: string) => {
      try {
        parseKioskMessage(topic, payload);
        return 'accepted';
      } catch (error) {
        return (error as FleetMessageError).code;
      }
    };
    expect(code('dsi/v1/kiosk/K-1/selfie', JSON.stringify(event))).toBe('unknown-topic');
    expect(code(kioskTopic('K-1', 'event'), '{nope')).toBe('malformed-json');
    expect(code(kioskTopic('K-1', 'event'), JSON.stringify({ ...event, event: { kind: 'paper', level: 'out', holder: 'CHAN TAI MAN' } }))).toBe('invalid-payload');
    expect(code(kioskTopic('K-2', 'event'), JSON.stringify(event))).toBe('topic-mismatch');
    expect(code(kioskTopic('K-1', 'event'), JSON.stringify({ ...event, v: 2 }))).toBe('invalid-payload');
  });

  it('refuses a command that is not exactly a command', () => {
    const command = { v: 1, commandId: 'abcdefgh', kioskId: 'K-1', by: 'op', issuedAt: '2026-12-06T10:00:00.000Z', command: { kind: 'put-back-in-service' } };
    expect(parseCommand(JSON.stringify(command)).ok).toBe(true);
    expect(parseCommand(JSON.stringify({ ...command, command: { kind: 'put-back-in-service', extra: 1 } }))).toEqual({ ok: false, code: 'invalid-command' });
    expect(parseCommand('garbage')).toEqual({ ok: false, code: 'invalid-command' });
  });
});
