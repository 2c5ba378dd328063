import { afterEach, describe, expect, it } from 'vitest';
import { ApplicationOrchestrator } from '../../../electron/host/applications/orchestrator.js';
import { paymentReferenceFor } from '../../../electron/host/applications/payment-reference.js';
import { Journal } from '../../../electron/host/journal/journal.js';
import { silentLogger } from '../../../electron/host/log.js';
import type { FeeQuote } from '../../../electron/host/service-rules/index.js';
import { sampleCapture } from '../../../simulators/backoffice/sample-capture.js';
import { FakeTerminal, inMemoryBackoffice } from './fakes.js';

const QUOTE = { currency: 'MOP', unit: 'avos', lines: [], total: 9000, incomplete: false } as unknown as FeeQuote;
const RENEWAL = await sampleCapture('chan-tai-man', 'renew-permanent');

/** The resident cancels on the receipt screen, after paying: withdrawn at the back office, money back. */
describe('cancel after payment', () => {
  const open: Array<() => void> = [];
  afterEach(() => open.splice(0).forEach((close) => close()));

  async function paid(submissions: 'ok' | 'unavailable') {
    const journal = new Journal({ path: ':memory:', key: Buffer.alloc(32, 7) });
    const terminal = new FakeTerminal();
    const bo = inMemoryBackoffice();
    const orchestrator = new ApplicationOrchestrator({ journal, backoffice: bo.client, gateways: { terminal }, kioskId: 'T', log: silentLogger });
    open.push(() => {
      orchestrator.stop();
      journal.close();
      bo.store.close();
    });
    orchestrator.sessionStarted('s1');
    const { applicationId } = await orchestrator.create({ sessionId: 's1', service: 'renew-permanent', request: RENEWAL.request, quote: QUOTE, personal: RENEWAL.personal });
    bo.faults.submissions = submissions;
    const status = await orchestrator.submit(applicationId, 'unionpay-quickpass', new AbortController().signal);
    bo.faults.submissions = 'ok';
    return { journal, terminal, bo, orchestrator, applicationId, status };
  }

  it('withdraws a submitted application at the back office and voids its payment', async () => {
    const { journal, terminal, bo, orchestrator, applicationId, status } = await paid('ok');
    expect(status.state).toBe('submitted');
    const cancelled = await orchestrator.cancel(applicationId);
    expect(cancelled).toMatchObject({ state: 'refunded', payment: { state: 'refunded', amountAvos: 9000 }, receipt: null });
    expect(terminal.ledger.get(paymentReferenceFor(applicationId, 1))).toBe('voided');
    const [held] = bo.store.applications();
    expect(held?.withdrawal).toMatchObject({ reason: 'cancelled-by-resident', refund: { reference: paymentReferenceFor(applicationId, 1), amountAvos: 9000 } });
    expect(bo.store.byReceipt(held!.receiptNumber)?.status).toBe('withdrawn');
    // Journal first: withdrawal.pending before the back office, reversal.pending before the void.
    const kinds = journal.transitionsOf('s1').map((t) => t.kind);
    expect(kinds.slice(kinds.indexOf('accepted'))).toEqual(['accepted', 'done', 'withdrawing', 'withdrawn', 'reversal-pending', 'reversed']);
    await orchestrator.sessionEnded('s1', 'finished');
    expect(journal.session('s1')).toMatchObject({ state: 'final', outcome: 'refunded' });
  });

  it('drops a kept-for-later application from the outbox: never sent, its id refused later, the money back', async () => {
    const { journal, terminal, bo, orchestrator, applicationId, status } = await paid('unavailable');
    expect(status.state).toBe('kept-for-later');
    expect((await orchestrator.cancel(applicationId)).state).toBe('refunded');
    await orchestrator.retryPending();
    expect(bo.store.applications()).toEqual([]);
    expect(terminal.netCharges(applicationId)).toBe(0);
    expect(journal.application(applicationId)).toMatchObject({ state: 'withdrawn', hasPayload: false });
  });

  it('with the back office down, keeps the withdrawal pending (never resent) and the worker finishes it', async () => {
    const { terminal, bo, orchestrator, applicationId } = await paid('ok');
    bo.faults.down = true;
    expect((await orchestrator.cancel(applicationId)).state).toBe('withdrawal-pending');
    expect(terminal.netCharges(applicationId)).toBe(1);
    await orchestrator.retryPending();
    expect(orchestrator.status(applicationId).state).toBe('withdrawal-pending');
    bo.faults.down = false;
    await orchestrator.retryPending();
    expect(orchestrator.status(applicationId).state).toBe('refunded');
    expect(terminal.netCharges(applicationId)).toBe(0);
    expect(bo.store.applications()[0]?.withdrawal).not.toBeNull();
  });

  it('with the terminal unreachable, says refund pending and the worker voids later', async () => {
    const { terminal, orchestrator, applicationId } = await paid('ok');
    terminal.reachable = false;
    expect((await orchestrator.cancel(applicationId)).state).toBe('refund-pending');
    terminal.reachable = true;
    await orchestrator.retryPending();
    expect(orchestrator.status(applicationId).state).toBe('refunded');
    expect(terminal.netCharges(applicationId)).toBe(0);
  });
});
