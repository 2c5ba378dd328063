import { afterEach, describe, expect, it } from 'vitest';
import { ApplicationOrchestrator } from '../../../electron/host/applications/orchestrator.js';
import { paymentReferenceFor } from '../../../electron/host/applications/payment-reference.js';
import { Journal } from '../../../electron/host/journal/journal.js';
import { silentLogger } from '../../../electron/host/log.js';
import { pendingItems } from '../../../electron/host/maintenance/pending-items.js';
import type { FeeQuote } from '../../../electron/host/service-rules/index.js';
import { sampleCapture } from '../../../simulators/backoffice/sample-capture.js';
import { FakeTerminal, inMemoryBackoffice } from '../applications/fakes.js';

const QUOTE = { currency: 'MOP', unit: 'avos', lines: [], total: 9000, incomplete: false } as unknown as FeeQuote;
const RENEWAL = await sampleCapture('chan-tai-man', 'renew-permanent');
const REASON = 'terminal report of the day checked';

/**
 * A technician resolves what the journal waits on, by hand, with what they found on the payment
 * system's own record: the consequences follow the same paths as the payment system's answer
 * (charged: the application goes to the back office; not charged: nothing more), a refund given
 * by hand ends the reversal, and nothing is resolved while a resident or the outbox works on it.
 */
describe('pending items and their resolution by hand', () => {
  const open: Array<() => void> = [];
  afterEach(() => open.splice(0).forEach((close) => close()));

  /** A renewal whose terminal answer was lost, the terminal unreachable since, and the resident gone. */
  async function leftUnknown() {
    const journal = new Journal({ path: ':memory:', key: Buffer.alloc(32, 7) });
    const terminal = new FakeTerminal();
    const bo = inMemoryBackoffice();
    const orchestrator = new ApplicationOrchestrator({
      journal,
      backoffice: bo.client,
      gateways: { terminal },
      kioskId: 'T',
      log: silentLogger,
      enquiry: { attempts: 1, delayMs: 0 },
      confirm: { withinMs: 0, firstPauseMs: 10, maxPauseMs: 10 },
    });
    open.push(() => {
      orchestrator.stop();
      journal.close();
      bo.store.close();
    });
    orchestrator.sessionStarted('s1');
    const { applicationId } = await orchestrator.create({ sessionId: 's1', service: 'renew-permanent', request: RENEWAL.request, quote: QUOTE, personal: RENEWAL.personal });
    terminal.plan = 'lose-response';
    terminal.reachable = false;
    await orchestrator.submit(applicationId, 'unionpay-quickpass', new AbortController().signal);
    const reference = paymentReferenceFor(applicationId, 1);
    return { journal, terminal, bo, orchestrator, applicationId, reference };
  }

  it('a lost answer is listed once the resident has left; refused while the visit lasts', async () => {
    const { journal, orchestrator, reference } = await leftUnknown();
    expect(pendingItems(journal)).toEqual([
      { kind: 'unknown-payment', reference, service: 'renew-permanent', method: 'terminal', amountAvos: 9000, since: expect.any(String) },
    ]);
    await expect(orchestrator.resolveByHand({ kind: 'unknown-payment', reference, outcome: 'not-charged', reason: REASON }, 'TECH')).rejects.toMatchObject({
      code: 'invalid-params',
      detail: 'in-use',
    });
    expect(journal.payment(reference)?.state).toBe('unknown');
  });

  it('not charged: the payment is declined, the application abandoned, the session final and nothing is pending', async () => {
    const { journal, orchestrator, reference, applicationId } = await leftUnknown();
    await orchestrator.sessionEnded('s1', 'completed');
    await orchestrator.resolveByHand({ kind: 'unknown-payment', reference, outcome: 'not-charged', reason: REASON }, 'TECH');
    expect(journal.payment(reference)).toMatchObject({ state: 'declined', reason: 'resolved-by-hand:TECH' });
    expect(journal.application(applicationId)?.state).toBe('abandoned');
    expect(journal.session('s1')).toMatchObject({ state: 'final', outcome: 'not-charged' });
    expect(pendingItems(journal)).toEqual([]);
    // Resolved once: a second resolution finds nothing to resolve.
    await expect(orchestrator.resolveByHand({ kind: 'unknown-payment', reference, outcome: 'charged', reason: REASON }, 'TECH')).rejects.toMatchObject({ detail: 'state' });
  });

  it('charged: the application goes to the back office as if the terminal had answered, and is accepted', async () => {
    const { journal, orchestrator, reference, applicationId, bo } = await leftUnknown();
    await orchestrator.sessionEnded('s1', 'completed');
    await orchestrator.resolveByHand({ kind: 'unknown-payment', reference, outcome: 'charged', reason: REASON }, 'TECH');
    expect(journal.payment(reference)?.state).toBe('done');
    expect(journal.application(applicationId)).toMatchObject({ state: 'accepted', receiptNumber: expect.any(String) });
    expect(bo.store.accepted(applicationId)).toBeDefined();
    expect(journal.session('s1')).toMatchObject({ state: 'final', outcome: 'completed' });
    expect(journal.paymentDay('terminal', '2000-01-01T00:00:00Z', '2100-01-01T00:00:00Z')).toEqual({
      approved: { count: 1, totalAvos: 9000 },
      declined: 0,
      reversed: { count: 0, totalAvos: 0 },
      unknown: 0,
    });
  });

  it('a refund the terminal cannot confirm is listed, and ends when given back by hand', async () => {
    const { journal, orchestrator, reference, applicationId, terminal } = await leftUnknown();
    await orchestrator.sessionEnded('s1', 'completed');
    terminal.reachable = true;
    await orchestrator.retryPending(); // the terminal says approved: the application is sent…
    expect(journal.application(applicationId)?.state).toBe('accepted');
    terminal.reachable = false;
    orchestrator.sessionStarted('s1'); // …and the resident, still there on another visit of theirs, withdraws it
    await orchestrator.cancel(applicationId);
    orchestrator.sessionStarted('s2');
    await orchestrator.sessionEnded('s1', 'completed');
    expect(pendingItems(journal)).toEqual([expect.objectContaining({ kind: 'reversal-pending', reference, amountAvos: 9000 })]);
    await orchestrator.resolveByHand({ kind: 'reversal-pending', reference, outcome: 'refunded-by-hand', reason: REASON }, 'TECH');
    expect(journal.payment(reference)?.state).toBe('reversed');
    expect(pendingItems(journal)).toEqual([]);
    expect(journal.paymentDay('terminal', '2000-01-01T00:00:00Z', '2100-01-01T00:00:00Z').reversed).toEqual({ count: 1, totalAvos: 9000 });
  });

  it('an unknown reference is refused, naming the field', async () => {
    const { orchestrator } = await leftUnknown();
    await expect(orchestrator.resolveByHand({ kind: 'reversal-pending', reference: 'NOPE-1', outcome: 'refunded-by-hand', reason: REASON }, 'TECH')).rejects.toMatchObject({
      code: 'invalid-params',
      detail: 'reference',
    });
  });
});
