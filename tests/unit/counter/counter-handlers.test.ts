import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DeviceHub } from '../../../devices/hub/device-hub.js';
import { BackofficeClient } from '../../../electron/host/backoffice/client.js';
import type { CallContext } from '../../../electron/host/bridge/server.js';
import { counterHandlers } from '../../../electron/host/handlers/counter.js';
import { SessionManager } from '../../../electron/host/sessions/session-manager.js';
import { startBackofficeServer, type BackofficeServer } from '../../../simulators/backoffice/server.js';
import { createSimulators, type SimulatorControls } from '../../../simulators/index.js';
import { at, rules } from '../services/fixtures.js';
import { sampleSubmission } from '../../../simulators/backoffice/sample-capture.js';

/**
 * The three services that start without identifying anyone, against the simulated reader and
 * printer and the back-office simulator over HTTP. The kiosk clock is set per test.
 */
let now = at('2026-11-24', '10:30'); // a Tuesday, in office hours
const clock = () => now;
let backoffice: BackofficeServer;
let hub: DeviceHub;
let controls: SimulatorControls;
let sessions: SessionManager;
let handlers: ReturnType<typeof counterHandlers>;
const call: CallContext = { signal: new AbortController().signal, connectionId: 1 };

beforeAll(async () => {
  backoffice = await startBackofficeServer({ port: 0, clock });
  const simulators = createSimulators({ delayMs: 0 });
  controls = simulators.controls;
  hub = new DeviceHub(simulators.devices, { initialBackoffMs: 100, maxBackoffMs: 400 });
  await hub.start();
  sessions = new SessionManager({ idle: { timeoutSeconds: 600, warningSeconds: 30 }, onEvent: () => {} });
  handlers = counterHandlers({
    sessions,
    hub,
    backoffice: new BackofficeClient({ url: backoffice.url, timeoutMs: 2000 }),
    rules,
    clock,
    config: { kioskId: 'HQ-07', cardReadTimeoutSeconds: 5 },
  });
});
afterAll(async () => {
  sessions.dispose();
  await hub.stop();
  await backoffice.close();
});
beforeEach(() => {
  now = at('2026-11-24', '10:30');
  sessions.start('en');
  controls['receipt-printer'].setPaper('ok');
  controls['receipt-printer'].clearPrinted();
});

const lastPrinted = () => controls['receipt-printer'].printed().at(-1)?.text ?? '';

describe('authenticity.check and authenticity.print', () => {
  it.each([
    ['chan-tai-man', 'genuine', '1234***(*)', null],
    ['tampered', 'altered-data', '1902***(*)', null],
    ['copied', 'cloned-chip', '1388***(*)', null],
    ['expired', 'expired', '1069***(*)', '2025-01-15'],
    ['not-an-id-card', 'not-an-id-card', null, null],
  ] as const)('%s → %s, with only the masked card number', async (profile, verdict, masked, expiredOn) => {
    controls['card-reader'].placeCard(profile);
    const result = await handlers['authenticity.check']({}, call);
    expect(result).toEqual({ verdict, cardNumberMasked: masked, expiredOn, checkedAt: '2026-11-24T10:30:00+08:00' });
    // The checked card is not the session's resident.
    expect(sessions.require().holder).toBeUndefined();
  });

  it('prints the session’s result with the date, time and kiosk id; nothing to print before a check', async () => {
    await expect(handlers['authenticity.print']({}, call)).rejects.toMatchObject({ code: 'step-not-allowed' });
    controls['card-reader'].placeCard('copied');
    await handlers['authenticity.check']({}, call);
    expect(await handlers['authenticity.print']({}, call)).toEqual({ printed: true });
    const text = lastPrinted();
    expect(text).toContain('1388***(*)');
    expect(text).toContain('Chip clonado');
    expect(text).toContain('2026-11-24 10:30');
    expect(text).toContain('HQ-07');
    expect(text).not.toContain('1388052');
  });

  it('a printer out of paper refuses before printing, and printing again works once paper is back', async () => {
    controls['card-reader'].placeCard('chan-tai-man');
    await handlers['authenticity.check']({}, call);
    controls['receipt-printer'].setPaper('out');
    await expect(handlers['authenticity.print']({}, call)).rejects.toMatchObject({ code: 'user-action-needed' });
    expect(controls['receipt-printer'].printed()).toHaveLength(0);
    controls['receipt-printer'].setPaper('ok');
    await handlers['authenticity.print']({}, call);
    expect(lastPrinted()).toContain('Documento autêntico');
  });

  it('a new session has no result to print', async () => {
    controls['card-reader'].placeCard('chan-tai-man');
    await handlers['authenticity.check']({}, call);
    sessions.start('pt');
    await expect(handlers['authenticity.print']({}, call)).rejects.toMatchObject({ code: 'step-not-allowed' });
  });
});

describe('queue.takeTicket and queue.printTicket', () => {
  it('takes one same-day ticket per session in office hours and prints it with the number, office and time', async () => {
    const ticket = await handlers['queue.takeTicket']({ office: 'government-services-building', kind: 'same-day' }, call);
    expect(ticket).toMatchObject({ office: 'government-services-building', kind: 'same-day', issuedAt: '2026-11-24T10:30:00+08:00' });
    expect(ticket.ticketNumber).toMatch(/^A\d{3}$/);
    // Pressing again is not a second ticket.
    expect(await handlers['queue.takeTicket']({ office: 'government-services-building', kind: 'same-day' }, call)).toEqual(ticket);
    await handlers['queue.printTicket']({}, call);
    expect(lastPrinted()).toContain(ticket.ticketNumber);
    expect(lastPrinted()).toContain('Centro de Serviços da RAEM');
    expect(lastPrinted()).toContain('2026-11-24 10:30');
  });

  it('refuses a same-day ticket outside office hours and a booking elsewhere than HQ, and takes an HQ booking any time', async () => {
    now = at('2026-11-28', '11:00'); // Saturday
    await expect(handlers['queue.takeTicket']({ office: 'hq', kind: 'same-day' }, call)).rejects.toMatchObject({ code: 'not-eligible' });
    await expect(handlers['queue.takeTicket']({ office: 'islands-centre', kind: 'booking' }, call)).rejects.toMatchObject({ code: 'not-eligible' });
    await expect(handlers['queue.printTicket']({}, call)).rejects.toMatchObject({ code: 'step-not-allowed' });
    const booking = await handlers['queue.takeTicket']({ office: 'hq', kind: 'booking' }, call);
    expect(booking.ticketNumber).toMatch(/^B\d{3}$/);
  });
});

describe('pickup.lookupReceipt', () => {
  async function submitRenewal(): Promise<string> {
    const applicationId = `app-${Math.random().toString(36).slice(2, 12)}`;
    const response = await fetch(`${backoffice.url}/v1/applications`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': applicationId },
      // A complete renewal of 陳大文 (card 1234567(9)): photo, fingerprints, signature, height.
      body: JSON.stringify(
        await sampleSubmission('chan-tai-man', 'renew-permanent', {
          applicationId,
          kioskSessionId: 'session-1',
          queuedAt: '2026-11-24T02:30:00.000Z',
          feeAvos: 9000,
          payment: { method: 'terminal', reference: `T-${applicationId}`, amountAvos: 9000, authCode: 'A1' },
        }),
      ),
    });
    expect(response.status).toBe(201);
    return ((await response.json()) as { receiptNumber: string }).receiptNumber;
  }

  it('answers processing with the expected time, then ready at counter C12, with the name masked', async () => {
    const receiptNumber = await submitRenewal();
    const processing = await handlers['pickup.lookupReceipt']({ receiptNumber }, call);
    expect(processing).toMatchObject({ receiptNumber, service: 'renew-permanent', status: 'processing', counter: null, applicantNameZh: '陳*文', applicantNameLatin: 'CHAN T. M.' });
    expect(processing.expectedReadyAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00\+08:00$/);
    expect(processing.expectedReadyAt! > '2026-11-24T10:30:00+08:00').toBe(true);

    const control = { method: 'POST', headers: { authorization: `Bearer ${backoffice.controlToken}` } };
    expect((await fetch(`${backoffice.url}/v1/_control/ready/${receiptNumber}`, control)).status).toBe(200);
    expect(await handlers['pickup.lookupReceipt']({ receiptNumber }, call)).toMatchObject({ status: 'ready', counter: 'C12', expectedReadyAt: null });
  });

  it('an unknown receipt number is receipt-not-found; a back office that is down is backoffice-unavailable', async () => {
    await expect(handlers['pickup.lookupReceipt']({ receiptNumber: 'R9999999999' }, call)).rejects.toMatchObject({ code: 'receipt-not-found' });
    backoffice.faults.down = true;
    try {
      await expect(handlers['pickup.lookupReceipt']({ receiptNumber: 'R0000000001' }, call)).rejects.toMatchObject({ code: 'backoffice-unavailable' });
    } finally {
      backoffice.faults.down = false;
    }
  });
});
