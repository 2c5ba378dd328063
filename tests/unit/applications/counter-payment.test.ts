import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { counterPayment } from '../../../electron/host/applications/counter-payment.js';
import { ApplicationOrchestrator } from '../../../electron/host/applications/orchestrator.js';
import { Journal } from '../../../electron/host/journal/journal.js';
import { silentLogger } from '../../../electron/host/log.js';
import { pendingItems } from '../../../electron/host/maintenance/pending-items.js';
import { buildApplicationReceipt } from '../../../electron/host/receipts/application-receipt.js';
import type { FeeQuote } from '../../../electron/host/service-rules/index.js';
import { KioskApiError } from '../../../electron/shared/kiosk-api/errors.js';
import { sampleCapture } from '../../../simulators/backoffice/sample-capture.js';
import { receiptOnPaper } from '../../../simulators/receipt-printer/paper-png.js';
import { renderReceiptPng } from '../../../simulators/receipt-printer/render-receipt.js';
import { SAMPLE_APPLICANT } from '../../helpers/receipt-facts.js';
import { at, rules, shippedConfig } from '../services/fixtures.js';
import { FakeTerminal, inMemoryBackoffice } from './fakes.js';

const QUOTE = { currency: 'MOP', unit: 'avos', lines: [], total: 9000, incomplete: false } as unknown as FeeQuote;
const RENEWAL = await sampleCapture('chan-tai-man', 'renew-permanent');
const CONFIG = shippedConfig();
const ARTIFACTS = join(dirname(fileURLToPath(import.meta.url)), '../../artifacts/receipts');
/** Tuesday 24 November 2026, a working day: 10:30 in office hours, 19:30 after. */
const OPEN = at('2026-11-24', '10:30');
const CLOSED = at('2026-11-24', '19:30');

/** Pay at a counter [001 ID Q31]: office hours only, nothing charged, sent unpaid and flagged, crash-safe. */
describe('paying at a counter', () => {
  const open: Array<() => void> = [];
  afterEach(() => open.splice(0).forEach((close) => close()));

  function kiosk(now: Date, path = ':memory:') {
    const clock = () => now;
    const counter = counterPayment({ hours: rules.officeHours, office: CONFIG.pickup.officeHoursOffice, rule: CONFIG.rules.counterPayment, clock });
    const journal = new Journal({ path, key: Buffer.alloc(32, 7), clock });
    const terminal = new FakeTerminal();
    const bo = inMemoryBackoffice();
    const orchestrator = new ApplicationOrchestrator({ journal, backoffice: bo.client, gateways: { terminal }, kioskId: 'T', log: silentLogger, clock, counterPayBy: counter.payBy });
    open.push(() => {
      orchestrator.stop();
      journal.close();
      bo.store.close();
    });
    return { counter, journal, terminal, bo, orchestrator };
  }

  async function draft(k: ReturnType<typeof kiosk>) {
    k.orchestrator.sessionStarted('s1');
    const { applicationId } = await k.orchestrator.create({ sessionId: 's1', service: 'renew-permanent', request: RENEWAL.request, quote: QUOTE, personal: RENEWAL.personal });
    return applicationId;
  }

  it('in office hours: nothing charged, sent unpaid with the flag, due by the close of office hours that day', async () => {
    const k = kiosk(OPEN);
    const id = await draft(k);
    const status = await k.counter.choose((check) => k.orchestrator.submitUnpaid(id, check));
    expect(status).toMatchObject({ state: 'awaiting-counter-payment', payment: null, counterPayment: { payBy: '2026-11-24T18:00:00+08:00' } });
    expect(status.receipt?.receiptNumber).toMatch(/^R\d{10}$/);
    expect(k.terminal.charges).toBe(0);
    expect(k.journal.paymentsOf(id)).toEqual([]);
    expect(k.journal.application(id)).toMatchObject({ state: 'awaiting-counter-payment', hasPayload: false });
    const [held] = k.bo.store.applications();
    expect(held).toMatchObject({ applicationId: id, payAtCounter: true, paymentReference: null, feeAvos: 9000 });
    const kinds = k.journal.transitionsOf('s1').map((t) => t.kind);
    expect(kinds.slice(kinds.indexOf('counter-chosen'))).toEqual(['counter-chosen', 'sending', 'accepted']);
    // The kiosk's part is done: the session is final and completed (the counter takes the money).
    await k.orchestrator.sessionEnded('s1', 'finished');
    expect(k.journal.session('s1')).toMatchObject({ state: 'final', outcome: 'completed' });
  });

  it('outside office hours: refused with a stable code, the application stays an unpaid draft', async () => {
    const k = kiosk(CLOSED);
    const id = await draft(k);
    const refused = await k.counter.choose((check) => k.orchestrator.submitUnpaid(id, check)).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(KioskApiError);
    expect(refused).toMatchObject({ code: 'counter-payment-unavailable', detail: 'outside-office-hours' });
    expect(k.journal.application(id)?.state).toBe('draft');
    expect(k.bo.store.applications()).toEqual([]);
  });

  it('on a public holiday (a weekday): refused too, from the holidays calendar', async () => {
    // 2026-12-08 is the Immaculate Conception, a Macau public holiday on a Tuesday.
    expect(rules.calendar.isWorkingDay('2026-12-08')).toBe(false);
    const k = kiosk(at('2026-12-08', '10:30'));
    const id = await draft(k);
    await expect(k.counter.choose((check) => k.orchestrator.submitUnpaid(id, check))).rejects.toMatchObject({ code: 'counter-payment-unavailable' });
  });

  it('never after money moved: a paid application cannot switch to the counter', async () => {
    const k = kiosk(OPEN);
    const id = await draft(k);
    k.bo.faults.submissions = 'unavailable';
    expect((await k.orchestrator.submit(id, 'macau-pass', new AbortController().signal)).state).toBe('kept-for-later');
    await expect(k.counter.choose((check) => k.orchestrator.submitUnpaid(id, check))).rejects.toMatchObject({ code: 'already-paid' });
  });

  it('back office unreachable, then a crash: recovers to the same unpaid state, shown to the technician, never charged', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'counter-'));
    open.push(() => rmSync(dir, { recursive: true, force: true }));
    const path = join(dir, 'journal.sqlite');
    const first = kiosk(OPEN, path);
    const id = await draft(first);
    first.bo.faults.submissions = 'unavailable';
    const kept = await first.counter.choose((check) => first.orchestrator.submitUnpaid(id, check));
    expect(kept).toMatchObject({ state: 'awaiting-counter-payment', receipt: { pendingSubmission: true, receiptNumber: null } });
    expect(pendingItems(first.journal)).toEqual([expect.objectContaining({ kind: 'queued-application', applicationId: id, state: 'counter-queued' })]);
    // The process dies here (no session end); a new one opens the same journal.
    first.orchestrator.stop();
    first.journal.close();
    const second = kiosk(CLOSED, path); // later, after office hours: the choice made in them still stands
    expect(second.journal.application(id)?.state).toBe('counter-queued');
    await second.orchestrator.recover();
    expect(second.journal.application(id)?.state).toBe('awaiting-counter-payment');
    expect(second.journal.paymentsOf(id)).toEqual([]);
    expect(second.terminal.charges).toBe(0);
    expect(second.bo.store.applications()).toEqual([expect.objectContaining({ applicationId: id, payAtCounter: true, paymentReference: null })]);
    expect(pendingItems(second.journal)).toEqual([]);
    expect(second.orchestrator.status(id).counterPayment).toEqual({ payBy: '2026-11-24T18:00:00+08:00' });
  });

  it('the receipt says: not paid, the fee, where and by when, the number and QR', async () => {
    const k = kiosk(OPEN);
    const id = await draft(k);
    const status = await k.counter.choose((check) => k.orchestrator.submitUnpaid(id, check));
    const number = status.receipt!.receiptNumber!;
    const receipt = buildApplicationReceipt({
      status,
      receiptNumber: number,
      issuedAt: new Date(status.receipt!.acceptedAt!),
      applicant: { ...SAMPLE_APPLICANT },
      pickup: null,
      resultDueBy: null,
      kioskId: 'KIOSK-HQ-03',
      counters: CONFIG.rules.counterPayment.counters,
    });
    const { text, ops } = await receiptOnPaper(receipt, 48);
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(join(ARTIFACTS, 'application-renew-permanent-counter.txt'), text);
    writeFileSync(join(ARTIFACTS, 'application-renew-permanent-counter.png'), await renderReceiptPng(ops));
    const flat = text.replace(/\s+/g, ' ');
    const compact = text.replace(/\s+/g, '');
    expect(flat).toContain('未繳費 NÃO PAGO');
    expect(compact).toContain('請到身份證明局櫃檯繳付MOP90.00');
    expect(flat).toContain('Pague MOP 90.00 num balcão da DSI');
    expect(text).toContain('繳費期限 Pagar até: 2026-11-24 18:00');
    expect(text).toContain('MOP 90.00'); // never split across lines
    expect(flat).not.toContain('付款方式'); // no payment method: nothing was paid
    expect(text).toContain('陳*文 CHAN T. M.'); // whose application it is, masked
    expect(text).toContain(number);
    expect(receipt.lines).toContainEqual({ kind: 'qr', data: number });
    expect(text).not.toContain('？');
  });
});
