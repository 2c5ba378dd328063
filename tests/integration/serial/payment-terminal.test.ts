import { type PaymentReference, toPaymentReference } from '../../../devices/payment-terminal/contract.js';
import { afterEach, describe, expect, it } from 'vitest';
import type { SaleRequest } from '../../../devices/payment-terminal/contract.js';
import type { SerialPaymentTerminal } from '../../../devices/payment-terminal/drivers/serial-payment-terminal.js';
import type { SerialTerminalPeer } from '../../../simulators/payment-terminal/serial-terminal-peer.js';
import { expectDeviceError, record } from '../../contracts/shared/helpers.js';
import { hubReports, hubWith } from './hub.js';
import { type PeerRig, startPaymentPeer, statusReaches } from './peers.js';

let rig: PeerRig<SerialPaymentTerminal, SerialTerminalPeer> | undefined;
afterEach(async () => {
  await rig?.stop();
  rig = undefined;
});

let n = 0;
const sale = (overrides: Partial<SaleRequest> = {}): SaleRequest => ({
  amountAvos: 9_000,
  currency: 'MOP',
  reference: toPaymentReference(`ECR-${process.pid}-${++n}`),
  tender: 'unionpay-quickpass',
  ...overrides,
});

async function open(options: Parameters<typeof startPaymentPeer>[0] = {}): Promise<PeerRig<SerialPaymentTerminal, SerialTerminalPeer>> {
  rig = await startPaymentPeer(options);
  await rig.device.open();
  return rig;
}

describe('payment terminal over a pty: the ECR protocol end to end', () => {
  it('approves a Macau Pass sale with auth code, last four digits and balance; reports the simulator', async () => {
    const { device, peer } = await open();
    expect(device.info()).toMatchObject({ model: 'Simulator', vendor: 'DSI kiosk simulators' });
    peer.control.queueOutcome({ outcome: 'approve', balanceAvos: 4_200 });
    const request = sale({ tender: 'macau-pass' });
    const outcome = await device.sale(request);
    expect(outcome).toEqual({ outcome: 'approved', reference: request.reference, authCode: expect.stringMatching(/^\d{6}$/), cardLast4: '4321', balanceAvos: 4_200 });
  });

  it('refuses a bad request before sending it, and a re-used reference at the terminal', async () => {
    const { device } = await open();
    await expectDeviceError(device.sale(sale({ amountAvos: 0 })), 'protocol', 'invalid-amount');
    await expectDeviceError(device.sale(sale({ amountAvos: 1.5 })), 'protocol', 'invalid-amount');
    await expectDeviceError(device.sale(sale({ reference: 'has space' as PaymentReference })), 'protocol', 'invalid-reference');
    const request = sale();
    await device.sale(request);
    await expectDeviceError(device.sale(request), 'protocol', 'duplicate-reference');
  });

  it('survives garbage and a frame cut short on the line', async () => {
    const { device, peer } = await open();
    await peer.control.sendGarbage();
    const request = sale();
    expect((await device.sale(request)).outcome).toBe('approved');
    expect(device.linkStats().noiseBytes).toBeGreaterThan(0);
    // The technician screen reads the same counters through the base contract.
    expect(device.diagnostics()).toMatchObject({ noiseBytes: device.linkStats().noiseBytes, badFrames: device.linkStats().badFrames });
    expect(device.linkStats().badFrames).toBeGreaterThan(0);
  });

  it('NAKs damaged frames and takes the terminal’s retransmission', async () => {
    const { device, peer } = await open();
    peer.control.corruptNextFrames(2); // present-card event and its first copy
    const outcome = await device.sale(sale());
    expect(outcome.outcome).toBe('approved');
    expect(device.linkStats().naksSent).toBe(2);
    expect(peer.control.state().link.retransmissions).toBe(2);
  });

  it('a frame damaged four times is given up after three retransmissions; a lost answer is timed-out and enquiry finds the charge', async () => {
    const { device, peer } = await open();
    peer.control.setDefault('wait');
    const request = sale();
    const selling = device.sale(request);
    await statusReachesPrompt(device, 'present-card');
    peer.control.corruptNextFrames(4); // the processing event: first attempt and three retransmissions
    peer.control.queueOutcome({ outcome: 'approve' });
    // The event frame is lost, the sale answer follows and gets through: outcome still known.
    expect((await selling).outcome).toBe('approved');
    expect(peer.control.state().link.retransmissions).toBe(3);

    const lost = sale();
    peer.control.queueOutcome({ outcome: 'lose-response' });
    expect(await device.sale(lost)).toEqual({ outcome: 'timed-out', reference: lost.reference });
    expect(await device.enquire(lost.reference)).toMatchObject({ state: 'approved' });
    expect(peer.control.sales().map((s) => s.reference)).toEqual([request.reference, lost.reference]);
  });

  it('a terminal that stops answering gets at most three retransmissions, then the request times out', async () => {
    const { device, peer } = await open();
    const powering = peer.control.powerCycle(600);
    const sentBefore = device.linkStats().sent;
    await expectDeviceError(device.enquire(toPaymentReference('R-1')), 'timeout', 'no-answer');
    expect(device.linkStats().sent - sentBefore).toBeLessThanOrEqual(8); // enquiry ×4, maybe a heartbeat ×4
    expect(device.linkStats().retransmissions).toBeGreaterThanOrEqual(3);
    await powering;
  });

  it('a power cycle while waiting for the card: timed-out at once, enquiry says nothing was charged', async () => {
    const { device, peer } = await open();
    peer.control.setDefault('wait');
    const request = sale();
    const selling = device.sale(request);
    await statusReachesPrompt(device, 'present-card');
    await peer.control.powerCycle(20);
    expect(await selling).toEqual({ outcome: 'timed-out', reference: request.reference });
    expect(await device.enquire(request.reference)).toEqual({ state: 'cancelled' });
    expect(peer.control.sales()).toEqual([]);
  });

  it('a declined sale carries the reason; a terminal fault shows as degraded and fails self-test', async () => {
    const { device, peer } = await open();
    peer.control.queueOutcome({ outcome: 'decline', reason: 'wrong-pin' });
    const request = sale();
    expect(await device.sale(request)).toEqual({ outcome: 'declined', reference: request.reference, reason: 'wrong-pin' });
    peer.control.setFault('reader-fault');
    await statusReaches(device, (s) => s.state === 'degraded');
    expect(device.status()).toEqual({ state: 'degraded', detail: 'reader-fault' });
    expect(await device.selfTest()).toMatchObject({ passed: false });
  });

  it('unplugged (pty closed) goes offline; plugged back (pty re-created) the hub reconnects it with back-off', async () => {
    rig = await startPaymentPeer();
    const { device, peer } = rig;
    const { hub, health } = hubWith('payment-terminal', device);
    await hub.start();
    expect(hub.health().find((h) => h.device === 'payment-terminal')).toMatchObject({ state: 'online', model: 'Simulator' });
    await peer.control.disconnect();
    await hubReports(hub, 'payment-terminal', 'offline');
    expect(device.status()).toEqual({ state: 'offline', detail: 'unplugged' });
    await new Promise((resolve) => setTimeout(resolve, 100)); // a few failed retries while unplugged
    await peer.control.reconnect();
    await hubReports(hub, 'payment-terminal', 'online');
    expect(health.map((h) => h.state)).toEqual(expect.arrayContaining(['online', 'offline']));
    expect((await device.sale(sale())).outcome).toBe('approved');
    await hub.stop();
  });

  it('a terminal silent for longer than the heartbeat allows is taken offline (no-answer) and back', async () => {
    rig = await startPaymentPeer({}, { answerTimeoutMs: 300 });
    const { device, peer } = rig;
    const { hub } = hubWith('payment-terminal', device);
    await hub.start();
    const off = peer.control.powerCycle(800);
    await hubReports(hub, 'payment-terminal', 'offline');
    expect(device.status()).toEqual({ state: 'offline', detail: 'no-answer' });
    await off;
    await hubReports(hub, 'payment-terminal', 'online');
    await hub.stop();
  });
});

/** Resolves at the terminal's next prompt of this kind. */
function statusReachesPrompt(device: SerialPaymentTerminal, prompt: string): Promise<void> {
  const prompts = record(device, 'prompt');
  return new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${prompt} prompt`)), 3_000);
    const check = setInterval(() => {
      if (!prompts.payloads.some((p) => p.prompt === prompt)) return;
      clearInterval(check);
      clearTimeout(timer);
      prompts.stop();
      resolve();
    }, 2);
  });
}
