import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKioskApi, type KioskApi } from '../../../electron/shared/kiosk-api/client.js';
import type { KioskHost } from '../../../electron/host/host.js';
import { commandTopic, kioskTopic } from '../../../fleet/contract.js';
import { KioskLink } from '../../../fleet/kiosk-link.js';
import { type OpsServer, startOpsServer } from '../../../ops/server.js';
import { createPipePair } from '../../helpers/memory-pipe.js';
import { FLEET_IDS, fleetHost, fleetUsers, passwordOf, personalDataNeedles, tapFleet } from '../../helpers/fleet-hosts.js';
import { type Mosquitto, startMosquitto } from '../../helpers/mosquitto.js';

/**
 * Three real kiosk hosts report to a real Mosquitto (per-kiosk users, the fleet ACL) and the
 * operations dashboard service reads them: faults reach the dashboard, commands reach the kiosk,
 * a broker restart loses nothing, one kiosk cannot speak for another, no message holds personal data.
 */
let broker: Mosquitto;
let ops: OpsServer;
let tap: Awaited<ReturnType<typeof tapFleet>>;
const hosts: Record<string, KioskHost> = {};
let apiA: KioskApi;

beforeAll(async () => {
  broker = await startMosquitto({ users: fleetUsers() });
  ops = await startOpsServer({ brokerUrl: broker.url, username: 'ops', password: passwordOf('ops'), operator: 'duty-officer', clientId: 'ops-test' });
  await ops.ready;
  tap = await tapFleet(broker);
  for (const id of FLEET_IDS) hosts[id] = await fleetHost(broker, id);
  const pair = createPipePair();
  hosts['KIOSK-A']!.bridge.connect(pair.server);
  apiA = createKioskApi(pair.client);
  // Born: the status, each device's health and the state (they may reach the dashboard in any order).
  await until(() => FLEET_IDS.every((id) => ops.view.kioskView(id)?.online && ops.view.kioskView(id)?.state && ops.view.kioskView(id)?.devices['receipt-printer']));
}, 30_000);

async function until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error('timed out waiting for the fleet');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

afterAll(async () => {
  for (const host of Object.values(hosts)) await host.stop();
  await ops?.close();
  await tap?.client.endAsync(true);
  await broker?.dispose();
});

const post = (kioskId: string, command: unknown) =>
  fetch(`${ops.origin}/api/kiosks/${kioskId}/commands`, { method: 'POST', headers: { Authorization: `Bearer ${ops.token}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ command }) });

describe('fleet telemetry', () => {
  it('has every kiosk born with its version, configuration digest, services and device health', () => {
    for (const id of FLEET_IDS) {
      const kiosk = ops.view.kioskView(id)!;
      expect(kiosk.version).toBe('0.1.0');
      expect(kiosk.configDigest).toMatch(/^[0-9a-f]{64}$/);
      expect(kiosk.state?.inService).toBe(true);
      expect(Object.keys(kiosk.devices)).toContain('receipt-printer');
    }
    // Same settings but the kiosk id: different digests.
    expect(ops.view.kioskView('KIOSK-A')!.configDigest).not.toBe(ops.view.kioskView('KIOSK-B')!.configDigest);
  });

  it('shows a device fault on one kiosk on the dashboard, and paper out as an alert', async () => {
    hosts['KIOSK-B']!.simulatorControls!['receipt-printer'].setPaper('out');
    await expect.poll(() => ops.view.kioskView('KIOSK-B')?.devices['receipt-printer']?.detail).toBe('paper-out');
    await expect.poll(() => ops.view.kioskView('KIOSK-B')?.state?.paper).toBe('out');
    const alerts = ops.view.snapshot().alerts.filter((alert) => alert.kioskId === 'KIOSK-B');
    expect(alerts.map((alert) => alert.event)).toEqual(expect.arrayContaining([{ kind: 'paper', level: 'out' }, expect.objectContaining({ kind: 'device-fault', device: 'receipt-printer', detail: 'paper-out' })]));
    expect(ops.view.kioskView('KIOSK-A')?.devices['receipt-printer']?.state).toBe('online');
    hosts['KIOSK-B']!.simulatorControls!['receipt-printer'].setPaper('ok');
    await expect.poll(() => ops.view.kioskView('KIOSK-B')?.state?.paper).toBe('ok');
  });

  it('acknowledges a staff call from the dashboard: the kiosk is told, audits it, and the call shows acknowledged', async () => {
    const acknowledged: string[] = [];
    apiA.on('staff.acknowledged', ({ callId }) => acknowledged.push(callId));
    const called = await apiA.staff.call({ screen: 'attract' });
    if (!called.ok) throw new Error('staff.call failed');
    const { callId } = called.value;
    await expect.poll(() => ops.view.staffCall(callId)?.kioskId).toBe('KIOSK-A');
    expect((await post('KIOSK-A', { kind: 'acknowledge-staff-call', callId })).status).toBe(202);
    await expect.poll(() => acknowledged).toEqual([callId]);
    await expect.poll(() => ops.view.staffCall(callId)?.acknowledgedBy).toBe('duty-officer');
    expect(hosts['KIOSK-A']!.audit.entries().at(-1)).toMatchObject({ action: 'fleet-command', detail: expect.stringContaining(`acknowledge-staff-call by duty-officer`) });
    // A call this kiosk never made is refused, and audited as refused.
    expect((await post('KIOSK-A', { kind: 'acknowledge-staff-call', callId: 'KIOSK-A-S9999' })).status).toBe(202);
    await expect.poll(() => hosts['KIOSK-A']!.audit.entries().at(-1)?.detail).toContain('unknown-call');
  });

  it('takes a kiosk out of service and puts it back, from the dashboard', async () => {
    expect((await post('KIOSK-C', { kind: 'take-out-of-service', reason: 'cleaning' })).status).toBe(202);
    await expect.poll(() => hosts['KIOSK-C']!.services.now().inService).toBe(false);
    await expect.poll(() => ops.view.kioskView('KIOSK-C')?.state?.operatorHold).toBe(true);
    expect(ops.view.snapshot().alerts.find((alert) => alert.kioskId === 'KIOSK-C')?.event).toEqual({ kind: 'service', inService: false, operatorHold: true });
    expect((await post('KIOSK-C', { kind: 'put-back-in-service' })).status).toBe(202);
    await expect.poll(() => hosts['KIOSK-C']!.services.now().inService).toBe(true);
    await expect.poll(() => ops.view.kioskView('KIOSK-C')?.state?.inService).toBe(true);
  });

  it('builds a diagnostics bundle on request: versions, digest, devices, recent faults', async () => {
    expect((await post('KIOSK-B', { kind: 'request-diagnostics' })).status).toBe(202);
    await expect.poll(() => ops.view.kioskView('KIOSK-B')?.diagnostics?.devices.length).toBeGreaterThan(0);
    const bundle = ops.view.kioskView('KIOSK-B')!.diagnostics!;
    expect(bundle.versions).toMatchObject({ host: '0.1.0', contract: '1' });
    expect(bundle.configDigest).toBe(ops.view.kioskView('KIOSK-B')!.configDigest);
    expect(bundle.recentFaults).toEqual(expect.arrayContaining([expect.objectContaining({ device: 'receipt-printer', detail: 'paper-out' })]));
  });

  it('refuses a malformed command, a stale one and a repeated one (typed codes), and the dashboard refuses a bad request', async () => {
    expect((await post('KIOSK-A', { kind: 'self-destruct' })).status).toBe(400);
    expect((await fetch(`${ops.origin}/api/fleet`)).status).toBe(401);
    const results: Array<{ ok: boolean; code: string | null }> = [];
    tap.client.on('message', (topic, payload) => {
      if (topic === kioskTopic('KIOSK-A', 'command-result')) results.push(JSON.parse(payload.toString()) as { ok: boolean; code: string | null });
    });
    const opsClient = await mqtt.connectAsync(broker.url, { username: 'ops', password: passwordOf('ops'), clientId: 'ops-raw' });
    const stale = { v: 1, commandId: 'stale-0001', kioskId: 'KIOSK-A', by: 'x', issuedAt: new Date(Date.now() - 3_600_000).toISOString(), command: { kind: 'request-diagnostics' } };
    const fresh = { ...stale, commandId: 'fresh-0001', issuedAt: new Date().toISOString() };
    await opsClient.publishAsync(commandTopic('KIOSK-A'), '{"v":1,"nonsense":true}', { qos: 1 });
    await opsClient.publishAsync(commandTopic('KIOSK-A'), JSON.stringify(stale), { qos: 1 });
    await opsClient.publishAsync(commandTopic('KIOSK-A'), JSON.stringify(fresh), { qos: 1 });
    await opsClient.publishAsync(commandTopic('KIOSK-A'), JSON.stringify(fresh), { qos: 1 });
    await expect.poll(() => results.map((result) => result.code)).toEqual(['invalid-command', 'command-expired', null, 'duplicate-command']);
    await opsClient.endAsync();
  });
});

describe('security: the broker ACL', () => {
  it('refuses a wrong password', async () => {
    await expect(mqtt.connectAsync(broker.url, { username: 'KIOSK-A', password: 'wrong', reconnectPeriod: 0 })).rejects.toThrow(/Not authorized|Bad username/i);
  });

  it('does not let a kiosk publish as another, nor read its commands', async () => {
    const impostor = await mqtt.connectAsync(broker.url, { username: 'KIOSK-A', password: passwordOf('KIOSK-A'), clientId: 'impostor', reconnectPeriod: 0 });
    const commands: string[] = [];
    impostor.on('message', (topic) => commands.push(topic));
    await impostor.subscribeAsync(commandTopic('KIOSK-B'), { qos: 1 });
    const forged = { v: 1, kioskId: 'KIOSK-B', at: new Date().toISOString(), seq: 1, event: { kind: 'paper', level: 'out' } };
    await impostor.publishAsync(kioskTopic('KIOSK-B', 'event'), JSON.stringify(forged), { qos: 1 });
    await impostor.publishAsync(kioskTopic('KIOSK-B', 'status'), JSON.stringify({ v: 1, kioskId: 'KIOSK-B', state: 'offline' }), { qos: 1, retain: true });
    // A marker the kiosk may send (its own topic), after the forgeries: once it arrives, they would have.
    const marker = { v: 1, kioskId: 'KIOSK-A', at: new Date().toISOString(), seq: 42, event: { kind: 'device-recovered', device: 'camera' } };
    await impostor.publishAsync(kioskTopic('KIOSK-A', 'event'), JSON.stringify(marker), { qos: 1 });
    expect((await post('KIOSK-B', { kind: 'request-diagnostics' })).status).toBe(202);
    await expect.poll(() => tap.messages.some((m) => m.topic === kioskTopic('KIOSK-A', 'event') && m.payload.includes('"seq":42'))).toBe(true);
    await expect.poll(() => tap.messages.filter((m) => m.topic === kioskTopic('KIOSK-B', 'diagnostics')).length).toBeGreaterThanOrEqual(2);
    expect(tap.messages.filter((m) => m.topic.startsWith('dsi/v1/kiosk/KIOSK-B/') && m.payload.includes('"seq":1,'))).toEqual([]);
    expect(ops.view.kioskView('KIOSK-B')?.online).toBe(true);
    expect(commands).toEqual([]);
    // Nor send another kiosk (or itself) a command: only the operations user writes command topics.
    const command = { v: 1, commandId: 'forged-0001', kioskId: 'KIOSK-B', by: 'KIOSK-A', issuedAt: new Date().toISOString(), command: { kind: 'take-out-of-service', reason: 'forged' } };
    await impostor.publishAsync(commandTopic('KIOSK-B'), JSON.stringify(command), { qos: 1 });
    await impostor.publishAsync(commandTopic('KIOSK-A'), JSON.stringify({ ...command, commandId: 'forged-0002', kioskId: 'KIOSK-A' }), { qos: 1 });
    expect((await post('KIOSK-B', { kind: 'request-diagnostics' })).status).toBe(202);
    await expect.poll(() => tap.messages.filter((m) => m.topic === kioskTopic('KIOSK-B', 'diagnostics')).length).toBeGreaterThanOrEqual(3);
    expect(hosts['KIOSK-B']!.services.now().inService).toBe(true);
    expect(hosts['KIOSK-A']!.services.now().inService).toBe(true);
    expect(tap.messages.filter((m) => m.payload.includes('forged-000'))).toEqual([]);
    await impostor.endAsync();
  });
});

describe('store and forward', () => {
  it('loses nothing across a broker restart mid-stream (counted), and the dashboard sees the kiosk go offline by its will', async () => {
    const host = hosts['KIOSK-A']!;
    const before = ops.view.snapshot().staffCalls.length;
    const callIds: string[] = [];
    const call = async () => {
      const result = await apiA.staff.call({ screen: 'menu' });
      if (result.ok) callIds.push(result.value.callId);
    };
    for (let i = 0; i < 10; i++) await call();
    await broker.stop();
    // While the broker is down: events and telemetry queue in the kiosk's outbox.
    for (let i = 0; i < 15; i++) await call();
    hosts['KIOSK-C']!.simulatorControls!['receipt-printer'].setPaper('near-end');
    expect(host.fleet!.link.outbox.size()).toBeGreaterThanOrEqual(15);
    await broker.start();
    for (let i = 0; i < 5; i++) await call();
    await expect.poll(() => host.fleet!.link.outbox.size(), { timeout: 10_000 }).toBe(0);
    await expect.poll(() => callIds.filter((id) => ops.view.staffCall(id)).length, { timeout: 10_000 }).toBe(30);
    expect(ops.view.snapshot().staffCalls.length - before).toBe(30);
    await expect.poll(() => ops.view.kioskView('KIOSK-C')?.state?.paper, { timeout: 10_000 }).toBe('low');

    // A kiosk that dies without a goodbye: the broker publishes its will.
    await hosts['KIOSK-C']!.fleet!.link.kill();
    await expect.poll(() => ops.view.kioskView('KIOSK-C')?.online, { timeout: 40_000 }).toBe(false);
  }, 60_000);
});

describe('store and forward across a kiosk restart', () => {
  it('keeps queued events in the state directory while the broker is down, and sends them after the restart', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'fleet-state-')), 'fleet-outbox.json');
    await broker.stop();
    const before = new KioskLink({ kioskId: 'KIOSK-B', clientId: 'kiosk-B-restarted', url: broker.url, password: passwordOf('KIOSK-B'), outboxFile: file, reconnectMs: 200 });
    for (const n of [1, 2, 3]) before.publish('event', { event: { kind: 'staff-call', callId: `KIOSK-B-R${n}`, screen: 'menu' } });
    await before.close();
    await broker.start();
    const after = new KioskLink({ kioskId: 'KIOSK-B', clientId: 'kiosk-B-restarted', url: broker.url, password: passwordOf('KIOSK-B'), outboxFile: file, reconnectMs: 200 });
    expect(after.outbox.size()).toBe(3);
    await expect.poll(() => after.outbox.size(), { timeout: 10_000 }).toBe(0);
    await expect.poll(() => ['KIOSK-B-R1', 'KIOSK-B-R2', 'KIOSK-B-R3'].map((id) => ops.view.staffCall(id)?.calledAt !== undefined)).toEqual([true, true, true]);
    await after.close({ goodbye: false });
  }, 30_000);
});

describe('no personal data, ever', () => {
  it('scans every message the fleet carried after a resident visit with a card read', async () => {
    const started = await apiA.session.start({ language: 'en' });
    expect(started.ok).toBe(true);
    await apiA.visit.choose({ service: 'kinship-certificate' });
    const reading = apiA.identity.readCard({});
    hosts['KIOSK-A']!.simulatorControls!['card-reader'].placeCard('chan-tai-man');
    expect((await reading).ok).toBe(true);
    await apiA.staff.call({ screen: 'step:choose-relatives' });
    await apiA.session.end({ reason: 'finished' });
    await expect.poll(() => tap.messages.some((m) => m.payload.includes('step:choose-relatives'))).toBe(true);
    await expect.poll(() => ops.view.kioskView('KIOSK-A')?.state?.lastVisitAt).not.toBeNull();

    const needles = personalDataNeedles();
    expect(needles).toEqual(expect.arrayContaining(['CHAN TAI MAN', '陳大文']));
    expect(tap.messages.length).toBeGreaterThan(50);
    const leaks = tap.messages.flatMap((m) => needles.filter((needle) => m.payload.includes(needle)).map((needle) => `${m.topic}: ${needle}`));
    expect(leaks).toEqual([]);
    // Nor anything shaped like an ID card number.
    expect(tap.messages.filter((m) => /\d{7}\(\d\)/.test(m.payload))).toEqual([]);
  });
});
