import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { DEVICE_KINDS } from '../../../devices/kinds.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KioskApi } from '../../../electron/shared/kiosk-api/client.js';
import type { KioskHost } from '../../../electron/host/host.js';
import { type RawApiHost, startRawApiHost } from '../../helpers/raw-api-host.js';

/**
 * The technician's test actions and journal tools through the raw KioskApi: a test card (type,
 * authenticity, masked number only), a test finger (its image and quality), the gauge measured on
 * a reference rod and calibrated (kept across a restart, applied to a resident's measurement), the
 * terminal's day, the log filtered by device, a device restarted, and a diagnostics bundle with no
 * personal data. Each is audited; none works with the mode closed.
 */

const stateDir = mkdtempSync(join(tmpdir(), 'kiosk-maint-'));
const config = { journal: { path: join(stateDir, 'journal.db'), keyHex: 'ab'.repeat(32) } };
let running: RawApiHost;
let host: KioskHost;
let api: KioskApi;
const signal = () => ({ signal: AbortSignal.timeout(5000) });

async function enter(): Promise<void> {
  host.simulatorControls!['card-reader'].placeCard('technician');
  expect(await api.maintenance.begin({}, signal())).toMatchObject({ ok: true, value: { phase: 'pin' } });
  expect(await api.maintenance.enterPin({ pin: '2468' })).toMatchObject({ ok: true, value: { phase: 'open' } });
  host.simulatorControls!['card-reader'].removeCard();
}

beforeAll(async () => {
  running = await startRawApiHost(config);
  ({ host, api } = running);
});

afterAll(async () => {
  await running.close();
  rmSync(stateDir, { recursive: true, force: true });
});

describe('maintenance tools through the raw KioskApi', () => {
  it('refused while the mode is closed', async () => {
    for (const answer of [
      await api.maintenance.testCard({}),
      await api.maintenance.calibrateGauge({ offsetMm: 5 }),
      await api.maintenance.pending({}),
      await api.maintenance.exportBundle({}),
      await api.maintenance.restartDevice({ device: 'receipt-printer' }),
    ]) {
      expect(answer).toMatchObject({ ok: false, error: { code: 'maintenance-refused', detail: 'not-open' } });
    }
  });

  it('a test card shows its type, authenticity and a masked number, never its holder', async () => {
    await enter();
    expect(await api.maintenance.testCard({})).toMatchObject({ ok: false, error: { code: 'user-action-needed', detail: 'place-card' } });
    host.simulatorControls!['card-reader'].placeCard('chan-tai-man');
    const card = await api.maintenance.testCard({}, signal());
    expect(card).toMatchObject({ ok: true, value: { permanent: true, cardNumberMasked: expect.stringMatching(/^\d{4}\*\*\*\(\*\)$/), passive: 'valid', active: 'valid' } });
    expect(JSON.stringify(card)).not.toContain('CHAN');
    host.simulatorControls!['card-reader'].removeCard();
  });

  it('a test finger comes back as a greyscale PNG with its quality', async () => {
    host.simulatorControls!['fingerprint-scanner'].presentFinger({ quality: 77, matches: true });
    const finger = await api.maintenance.testFinger({}, signal());
    expect(finger.ok).toBe(true);
    if (!finger.ok) return;
    expect(finger.value.quality).toBe(77);
    const png = PNG.sync.read(Buffer.from(finger.value.pngBase64, 'base64'));
    expect([png.width, png.height]).toEqual([finger.value.width, finger.value.height]);
  });

  it('the gauge is measured on a reference rod, calibrated, and the offset applies to every measurement', async () => {
    const gauge = host.simulatorControls!['height-gauge'];
    gauge.setHeightMm(1488); // the rod is 1500 mm: this gauge reads 12 mm short
    expect(await api.maintenance.measureGauge({ referenceMm: 1500 }, signal())).toEqual({ ok: true, value: { measuredMm: 1488, offsetMm: 0, proposedOffsetMm: 12 } });
    expect(await api.maintenance.calibrateGauge({ offsetMm: 250 })).toMatchObject({ ok: false, error: { code: 'invalid-params' } });
    expect(await api.maintenance.calibrateGauge({ offsetMm: 12 })).toEqual({ ok: true, value: { offsetMm: 12 } });
    expect(await api.maintenance.measureGauge({ referenceMm: 1500 }, signal())).toEqual({ ok: true, value: { measuredMm: 1500, offsetMm: 12, proposedOffsetMm: 12 } });
    const saved = join(stateDir, 'gauge-calibration.json');
    expect(JSON.parse(readFileSync(saved, 'utf8'))).toMatchObject({ offsetMm: 12, staffId: 'SIM-TECH-01' });
    expect(statSync(saved).mode & 0o777).toBe(0o600);
    gauge.setHeightMm(null);
  });

  it('the terminal’s day, the log by device, a device restarted', async () => {
    const day = await api.maintenance.terminalDay({});
    expect(day).toMatchObject({ ok: true, value: { state: 'online', approved: { count: 0, totalAvos: 0 }, declined: 0, unknown: 0 } });
    host.simulatorControls!['receipt-printer'].setPaper('out');
    await expect.poll(async () => {
      const log = await api.maintenance.log({ device: 'receipt-printer' });
      return log.ok ? log.value.entries.map((e) => [e.device, e.level, e.detail]) : [];
    }).toContainEqual(['receipt-printer', 'warn', 'paper-out']);
    const all = await api.maintenance.log({});
    expect(all.ok && all.value.entries.some((e) => e.device !== 'receipt-printer')).toBe(true);
    host.simulatorControls!['receipt-printer'].setPaper('ok');
    expect(await api.maintenance.restartDevice({ device: 'receipt-printer' })).toMatchObject({ ok: true, value: { device: 'receipt-printer', state: 'online' } });
    host.simulatorControls!['payment-terminal'].disconnect();
    expect(await api.maintenance.restartDevice({ device: 'payment-terminal' })).toMatchObject({ ok: true, value: { device: 'payment-terminal', state: 'offline' } });
    host.simulatorControls!['payment-terminal'].reconnect();
    expect(await api.maintenance.restartDevice({ device: 'payment-terminal' })).toMatchObject({ ok: true, value: { state: 'online' } });
  });

  it('nothing pending on a clean journal; a resolution of something that is not there is refused', async () => {
    expect(await api.maintenance.pending({})).toEqual({ ok: true, value: { items: [] } });
    expect(await api.maintenance.resolve({ kind: 'unknown-payment', reference: 'X-1', outcome: 'charged', reason: 'checked on the terminal' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-params', detail: 'reference' },
    });
    // A reason is required, and short.
    expect(await api.maintenance.resolve({ kind: 'unknown-payment', reference: 'X-1', outcome: 'charged', reason: 'ok' })).toMatchObject({ ok: false, error: { code: 'invalid-params' } });
  });

  it('a call for staff is listed, and acknowledged at the kiosk: the resident’s screen is told', async () => {
    const called = await api.staff.call({ screen: 'attract' });
    expect(called.ok).toBe(true);
    const callId = called.ok ? called.value.callId : '';
    expect(await api.maintenance.staffCalls({})).toEqual({ ok: true, value: { calls: [{ callId, calledAt: expect.any(String), screen: 'attract' }] } });
    const told: string[] = [];
    api.on('staff.acknowledged', (event) => told.push(event.callId));
    expect(await api.maintenance.acknowledgeStaffCall({ callId })).toMatchObject({ ok: true, value: { calls: [{ callId, acknowledgedAt: expect.any(String) }] } });
    await expect.poll(() => told).toEqual([callId]);
    expect(await api.maintenance.acknowledgeStaffCall({ callId: 'KIOSK-DEV-01-S9999' })).toMatchObject({ ok: false, error: { code: 'invalid-params', detail: 'callId' } });
  });

  it('a diagnostics bundle: health, counters, log, digest; no personal data', async () => {
    const bundle = await api.maintenance.exportBundle({});
    expect(bundle.ok).toBe(true);
    if (!bundle.ok) return;
    expect(bundle.value.file.startsWith(join(stateDir, 'diagnostics'))).toBe(true);
    const text = readFileSync(bundle.value.file, 'utf8');
    expect(statSync(bundle.value.file).mode & 0o777).toBe(0o600);
    const parsed = JSON.parse(text) as Record<string, unknown>;
    expect(parsed).toMatchObject({ format: 'dsi-kiosk-diagnostics/1', kioskId: 'KIOSK-DEV-01', configDigest: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect((parsed.devices as unknown[]).length).toBe(DEVICE_KINDS.length);
    expect(Object.keys((parsed.counters as { counts: object }).counts).length).toBeGreaterThan(0);
    expect((parsed.log as unknown[]).length).toBeGreaterThan(0);
    // The test card of the earlier step was CHAN TAI MAN's: neither name nor number may be in it; nor the journal key.
    for (const secret of ['CHAN', '陳大文', '1234567', 'ab'.repeat(32)]) expect(text).not.toContain(secret);
  });

  it('every action is audited, and the calibration survives a restart', async () => {
    const actions = host.audit.entries().map((entry) => entry.action);
    for (const action of ['test-card', 'test-card-result', 'test-finger', 'gauge-measure', 'gauge-calibrated', 'terminal-day', 'log-viewed', 'device-restart', 'pending-viewed', 'staff-call-acknowledged', 'bundle-exported']) {
      expect(actions).toContain(action);
    }
    await api.maintenance.exit({});
    await running.close();
    running = await startRawApiHost(config);
    ({ host, api } = running);
    await enter();
    // The hub's gauge (the one a resident's `height.measure` uses too) reads with the saved offset.
    host.simulatorControls!['height-gauge'].setHeightMm(1700);
    expect(await api.maintenance.measureGauge({ referenceMm: 1712 }, signal())).toEqual({ ok: true, value: { measuredMm: 1712, offsetMm: 12, proposedOffsetMm: 12 } });
    expect((await host.hub.get('height-gauge').measure({ timeoutMs: 2000 })).heightMm).toBe(1712);
    await api.maintenance.exit({});
  }, 30_000);
});
