import { afterEach, describe, expect, it } from 'vitest';
import { ApplicationOrchestrator } from '../../../electron/host/applications/orchestrator.js';
import { paymentReferenceFor } from '../../../electron/host/applications/payment-reference.js';
import type { ApplicationStatus } from '../../../electron/shared/kiosk-api/schemas/application-status.js';
import { Journal } from '../../../electron/host/journal/journal.js';
import { silentLogger } from '../../../electron/host/log.js';
import type { FeeQuote } from '../../../electron/host/service-rules/index.js';
import { sampleCapture } from '../../../simulators/backoffice/sample-capture.js';
import { FakeTerminal, inMemoryBackoffice } from './fakes.js';

const QUOTE = { currency: 'MOP', unit: 'avos', lines: [], total: 9000, incomplete: false } as unknown as FeeQuote;
/** A complete renewal (photo, fingers, signature, height), as the visit would have captured it. */
const RENEWAL = await sampleCapture('chan-tai-man', 'renew-permanent');

/**
 * The terminal's answer is lost and the terminal cannot be asked at once: the resident is not left
 * on a dead screen. The host keeps asking, with back-off, within the visit, and reports each change;
 * the charge is confirmed once and the application sent, or, after the set time, the payment is
 * `overdue` and staff are called.
 */
describe('a lost answer, confirmed while the resident waits', () => {
  const open: Array<() => void> = [];
  afterEach(() => open.splice(0).forEach((close) => close()));

  async function lostAnswer(withinMs: number) {
    const journal = new Journal({ path: ':memory:', key: Buffer.alloc(32, 7) });
    const terminal = new FakeTerminal();
    const bo = inMemoryBackoffice();
    const changes: ApplicationStatus[] = [];
    const overdue: string[] = [];
    const orchestrator = new ApplicationOrchestrator({
      journal,
      backoffice: bo.client,
      gateways: { terminal },
      kioskId: 'T',
      log: silentLogger,
      enquiry: { attempts: 1, delayMs: 0 },
      confirm: { withinMs, firstPauseMs: 20, maxPauseMs: 80 },
      onOverdue: (id) => overdue.push(id),
      onChange: (status) => changes.push(status),
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
    const status = await orchestrator.submit(applicationId, 'unionpay-quickpass', new AbortController().signal);
    return { journal, terminal, bo, orchestrator, applicationId, status, changes, overdue };
  }

  const until = async (check: () => boolean, ms = 3000) => {
    const end = Date.now() + ms;
    while (!check()) {
      if (Date.now() > end) throw new Error('condition not met in time');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  };

  it('asks again until the terminal answers: approved once, sent once, the receipt through applications.changed', async () => {
    const { terminal, bo, orchestrator, applicationId, status, changes } = await lostAnswer(5000);
    expect(status).toMatchObject({ state: 'payment-unconfirmed', confirmation: 'checking', payment: { state: 'unconfirmed' } });
    // Meanwhile nothing can charge again, cancel or resend it.
    await expect(orchestrator.submit(applicationId, 'macau-pass', new AbortController().signal)).rejects.toMatchObject({ code: 'payment-in-progress' });
    await expect(orchestrator.cancel(applicationId)).rejects.toMatchObject({ code: 'payment-in-progress' });
    terminal.reachable = true;
    await until(() => changes.some((c) => c.state === 'submitted'));
    expect(orchestrator.status(applicationId)).toMatchObject({ state: 'submitted', confirmation: null, payment: { state: 'approved' } });
    expect(terminal.charges).toBe(1);
    expect(terminal.netCharges(applicationId)).toBe(1);
    expect(bo.store.applications().filter((a) => a.applicationId === applicationId)).toHaveLength(1);
  });

  it('a charge the terminal says never happened: declined, and the resident may pay again', async () => {
    const { terminal, orchestrator, applicationId, changes } = await lostAnswer(5000);
    terminal.ledger.delete(paymentReferenceFor(applicationId, 1)); // the terminal never charged it
    terminal.reachable = true;
    await until(() => changes.at(-1)?.state === 'awaiting-payment');
    expect(orchestrator.status(applicationId)).toMatchObject({ state: 'awaiting-payment', payment: { state: 'declined' } });
    terminal.plan = 'approve';
    expect((await orchestrator.submit(applicationId, 'macau-pass', new AbortController().signal)).state).toBe('submitted');
    expect(terminal.netCharges(applicationId)).toBe(1);
  });

  it('still unknown after the set time: overdue, staff called once; after the resident leaves the worker settles it', async () => {
    const { terminal, bo, orchestrator, applicationId, overdue } = await lostAnswer(200);
    await until(() => orchestrator.status(applicationId).confirmation === 'overdue');
    expect(overdue).toEqual([applicationId]);
    expect(orchestrator.status(applicationId)).toMatchObject({ state: 'payment-unconfirmed', confirmation: 'overdue' });
    await orchestrator.sessionEnded('s1', 'finished');
    terminal.reachable = true;
    await orchestrator.retryPending();
    expect(orchestrator.status(applicationId).state).toBe('submitted');
    expect(terminal.netCharges(applicationId)).toBe(1);
    expect(bo.store.applications()).toHaveLength(1);
  });
});
