import { toPaymentReference } from '../../../devices/payment-terminal/contract.js';
import { describe, expect, it } from 'vitest';
import { isDeviceError } from '../../../devices/errors.js';
import { DEVICE_KINDS } from '../../../devices/kinds.js';
import { createSimulators } from '../../../simulators/index.js';
import { SimulatedCardReader } from '../../../simulators/card-reader/simulated-card-reader.js';
import { SimulatedFingerprintScanner } from '../../../simulators/fingerprint-scanner/simulated-fingerprint-scanner.js';
import { SimulatedPaymentTerminal } from '../../../simulators/payment-terminal/simulated-payment-terminal.js';
import { SimulatedReceiptPrinter } from '../../../simulators/receipt-printer/simulated-receipt-printer.js';
import { SIMULATED_PIN } from '../../../simulators/card-reader/profiles.js';
import { expectDeviceError, record, sleep } from '../../contracts/shared/helpers.js';

describe('createSimulators', () => {
  it('builds one closed simulator per kind, reporting model Simulator, with its control', () => {
    const { devices, controls } = createSimulators();
    for (const kind of DEVICE_KINDS) {
      const device = devices[kind];
      expect(device.kind).toBe(kind);
      expect(device.info()).toMatchObject({ kind, model: 'Simulator', vendor: 'DSI kiosk simulators' });
      expect(device.status()).toEqual({ state: 'offline', detail: 'closed' });
      expect(controls[kind].state().connected).toBe(true);
      // The panel and the CLI receive the state as JSON: it must survive the trip unchanged.
      const state = controls[kind].state();
      expect(JSON.parse(JSON.stringify(state))).toEqual(state);
    }
  });

  it('applies the human-like delay to every step', async () => {
    const { devices, controls } = createSimulators({ delayMs: 40 });
    const reader = devices['card-reader'];
    await reader.open();
    controls['card-reader'].placeCard('chan-tai-man');
    const start = Date.now();
    await reader.readVisibleData();
    expect(Date.now() - start).toBeGreaterThanOrEqual(35);
  });

  it('passes the payment default through', async () => {
    const { devices, controls } = createSimulators({ paymentDefault: 'wait' });
    expect(controls['payment-terminal'].state().default).toBe('wait');
    await devices['payment-terminal'].open();
    const selling = devices['payment-terminal'].sale({ amountAvos: 100, currency: 'MOP', reference: toPaymentReference('w-1'), tender: 'macau-pass' });
    await sleep(20);
    expect(controls['payment-terminal'].state().operations).toEqual(['sale']);
    controls['payment-terminal'].queueOutcome({ outcome: 'approve' });
    expect((await selling).outcome).toBe('approved');
  });
});

describe('simulated card reader specifics', () => {
  it('keeps a card’s PIN counter across placements until resetCards', async () => {
    const reader = new SimulatedCardReader();
    await reader.open();
    reader.control.placeCard('chan-tai-man');
    await reader.verifyPin('999999');
    reader.control.removeCard();
    reader.control.placeCard('chan-tai-man');
    expect(await reader.verifyPin('999999')).toEqual({ verified: false, triesLeft: 1 });
    expect(reader.control.state().card).toEqual({ profile: 'chan-tai-man', pinVerified: false, pinTriesLeft: 1 });
    reader.control.resetCards();
    expect(await reader.verifyPin('999999')).toEqual({ verified: false, triesLeft: 2 });
  });

  it('forgets a verified PIN when closed or unplugged, though the card stays', async () => {
    const reader = new SimulatedCardReader();
    await reader.open();
    reader.control.placeCard('chan-tai-man');
    await reader.verifyPin(SIMULATED_PIN);
    await reader.close();
    await reader.open();
    await expectDeviceError(reader.readProtectedData(), 'user-action-needed', 'pin-required');
    await reader.verifyPin(SIMULATED_PIN);
    reader.control.disconnect();
    reader.control.reconnect();
    await reader.open();
    expect(reader.isCardPresent()).toBe(true);
    await expectDeviceError(reader.readProtectedData(), 'user-action-needed', 'pin-required');
  });

  it('does not announce cards while closed, and rejects reads with not-connected', async () => {
    const reader = new SimulatedCardReader();
    const inserted = record(reader, 'card-inserted');
    reader.control.placeCard('chan-tai-man');
    expect(inserted.payloads).toEqual([]);
    await expectDeviceError(reader.readVisibleData(), 'not-connected', 'closed');
  });

  it('hands out copies: a caller cannot change the card', async () => {
    const reader = new SimulatedCardReader();
    await reader.open();
    reader.control.placeCard('chan-tai-man');
    const first = await reader.readVisibleData();
    first.nameLatin = 'SOMEONE ELSE';
    expect((await reader.readVisibleData()).nameLatin).toBe('CHAN TAI MAN');
  });
});

describe('simulated fingerprint scanner specifics', () => {
  it('takes presented fingers in order and draws deterministic images', async () => {
    const scanner = new SimulatedFingerprintScanner();
    await scanner.open();
    scanner.control.presentFinger({ quality: 90, matches: true });
    scanner.control.presentFinger({ quality: 20, matches: false });
    const a = await scanner.capture({ finger: 'left-index', timeoutMs: 100 });
    const b = await scanner.capture({ finger: 'left-index', timeoutMs: 100 });
    expect([a.quality, b.quality]).toEqual([90, 20]);
    scanner.control.presentFinger({ quality: 90, matches: true });
    const c = await scanner.capture({ finger: 'left-index', timeoutMs: 100 });
    expect(c.image).toEqual(a.image);
    expect(new Set(a.image).size).toBeGreaterThan(20); // a pattern, not a flat field
  });

  it('rejects a bad request as a bug (not a DeviceError)', async () => {
    const scanner = new SimulatedFingerprintScanner();
    await scanner.open();
    const error: unknown = await scanner.capture({ finger: 'right-thumb', timeoutMs: -1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RangeError);
    expect(isDeviceError(error)).toBe(false);
    expect(() => scanner.control.presentFinger({ quality: 101, matches: true })).toThrow(RangeError);
  });
});

describe('simulated payment terminal specifics', () => {
  const request = (reference: string) => ({ amountAvos: 9_000, currency: 'MOP' as const, reference: toPaymentReference(reference), tender: 'unionpay-quickpass' as const });

  it('refuses a re-used reference, so a retry can never charge twice', async () => {
    const terminal = new SimulatedPaymentTerminal();
    await terminal.open();
    await terminal.sale(request('r-1'));
    await expectDeviceError(terminal.sale(request('r-1')), 'protocol', 'duplicate-reference');
    await expectDeviceError(terminal.sale({ ...request('r-2'), amountAvos: 12.5 }), 'protocol', 'invalid-amount');
    expect(terminal.control.sales()).toHaveLength(1);
  });

  it('aborting once the card is being charged does not stop the charge', async () => {
    const terminal = new SimulatedPaymentTerminal({ delayMs: 30 });
    await terminal.open();
    const prompts = record(terminal, 'prompt');
    const controller = new AbortController();
    const selling = terminal.sale(request('r-3'), controller.signal);
    while (!prompts.payloads.some((p) => p.prompt === 'processing')) await sleep(2);
    controller.abort();
    expect((await selling).outcome).toBe('approved');
  });

  it('unplugged while charging: the sale rejects, but enquire after reopening tells the truth', async () => {
    const terminal = new SimulatedPaymentTerminal({ delayMs: 30 });
    await terminal.open();
    const prompts = record(terminal, 'prompt');
    const selling = terminal.sale(request('r-4'));
    while (!prompts.payloads.some((p) => p.prompt === 'processing')) await sleep(2);
    terminal.control.disconnect();
    await expectDeviceError(selling, 'not-connected');
    terminal.control.reconnect();
    await terminal.open();
    expect((await terminal.enquire(toPaymentReference('r-4'))).state).toBe('approved');
    expect(terminal.control.sales().map((s) => s.reference)).toEqual(['r-4']);
  });

  it('lists voided sales with their state, and every transaction separately', async () => {
    const terminal = new SimulatedPaymentTerminal();
    await terminal.open();
    await terminal.sale(request('r-5'));
    await terminal.void(toPaymentReference('r-5'));
    terminal.control.queueOutcome({ outcome: 'decline' });
    await terminal.sale(request('r-6'));
    expect(terminal.control.sales().map((s) => [s.reference, s.state])).toEqual([['r-5', 'voided']]);
    expect(terminal.control.transactions().map((s) => s.state)).toEqual(['voided', 'declined']);
  });
});

describe('simulated receipt printer specifics', () => {
  it('emits a status event only when the paper state changes the status', async () => {
    const printer = new SimulatedReceiptPrinter();
    await printer.open();
    const statuses = record(printer, 'status');
    printer.control.setPaper('near-end');
    printer.control.setPaper('near-end');
    printer.control.setPaper('out');
    printer.control.setPaper('ok');
    expect(statuses.payloads).toEqual([
      { state: 'degraded', detail: 'paper-near-end' },
      { state: 'degraded', detail: 'paper-out' },
      { state: 'online' },
    ]);
  });

  it('keeps what was printed until cleared, as a copy', async () => {
    const printer = new SimulatedReceiptPrinter();
    await printer.open();
    const receipt = { lines: [{ kind: 'text' as const, text: 'one' }] };
    await printer.print(receipt);
    receipt.lines[0] = { kind: 'text', text: 'changed' };
    expect(printer.control.printed()[0]?.receipt.lines[0]).toEqual({ kind: 'text', text: 'one' });
    expect(printer.control.state()).toMatchObject({ printedCount: 1, lastText: 'one' });
    printer.control.clearPrinted();
    expect(printer.control.printed()).toEqual([]);
  });

  it('a fault degrades the status and fails the self-test', async () => {
    const printer = new SimulatedReceiptPrinter();
    await printer.open();
    printer.control.setFault('cutter-jam');
    expect(printer.status()).toEqual({ state: 'degraded', detail: 'cutter-jam' });
    const result = await printer.selfTest();
    expect(result.passed).toBe(false);
    expect(result.checks).toContainEqual({ name: 'hardware', passed: false, detail: 'cutter-jam' });
    printer.control.setFault(null);
    expect((await printer.selfTest()).passed).toBe(true);
  });
});
