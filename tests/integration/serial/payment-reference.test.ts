import { afterEach, describe, expect, it } from 'vitest';
import type { PaymentReference } from '../../../devices/payment-terminal/contract.js';
import { terminalGateway } from '../../../electron/host/applications/gateways.js';
import { ApplicationOrchestrator } from '../../../electron/host/applications/orchestrator.js';
import { paymentReferenceFor } from '../../../electron/host/applications/payment-reference.js';
import { Journal } from '../../../electron/host/journal/journal.js';
import { silentLogger } from '../../../electron/host/log.js';
import type { FeeQuote } from '../../../electron/host/service-rules/index.js';
import { sampleCapture } from '../../../simulators/backoffice/sample-capture.js';
import { inMemoryBackoffice } from '../../unit/applications/fakes.js';
import { startPaymentPeer } from './peers.js';

/** A complete renewal (the back office refuses an incomplete one). */
const RENEWAL = await sampleCapture('chan-tai-man', 'renew-permanent');
const QUOTE = { currency: 'MOP', unit: 'avos', lines: [], total: 9000, incomplete: false } as unknown as FeeQuote;

/**
 * The orchestrator's references through the real ECR driver and a terminal at the far end of a pty:
 * the defect the hardware loop found (38-character references the terminal refuses before sending)
 * fails here, and a refusal before sending is journaled as a decline, never as a lost answer.
 */
describe('payment references over the serial terminal', () => {
  const cleanups: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function rig() {
    const terminal = await startPaymentPeer();
    cleanups.push(terminal.stop);
    await terminal.device.open();
    const journal = new Journal({ path: ':memory:', key: Buffer.alloc(32, 3) });
    const bo = inMemoryBackoffice();
    const orchestrator = new ApplicationOrchestrator({
      journal,
      backoffice: bo.client,
      gateways: { terminal: terminalGateway(terminal.device) },
      kioskId: 'LOOP',
      log: silentLogger,
      enquiry: { attempts: 2, delayMs: 10 },
    });
    cleanups.push(() => {
      orchestrator.stop();
      journal.close();
      bo.store.close();
    });
    return { terminal, journal, bo, orchestrator };
  }

  it('pays and submits: the reference the orchestrator builds is one the terminal takes', async () => {
    const { terminal, journal, bo, orchestrator } = await rig();
    orchestrator.sessionStarted('s1');
    const { applicationId } = await orchestrator.create({ sessionId: 's1', service: 'renew-permanent', request: RENEWAL.request, quote: QUOTE, personal: RENEWAL.personal });
    const status = await orchestrator.submit(applicationId, 'unionpay-quickpass', new AbortController().signal);
    expect(status.state).toBe('submitted');
    const reference = paymentReferenceFor(applicationId, 1);
    expect(journal.paymentsOf(applicationId).map((p) => [p.reference, p.state])).toEqual([[reference, 'done']]);
    expect(terminal.peer.control.sales().map((s) => [s.reference, s.state])).toEqual([[reference, 'approved']]);
    expect(bo.store.applications()).toHaveLength(1);
  });

  it('a reference the terminal cannot take is refused before sending: declined (safe to retry), never unknown', async () => {
    const { terminal } = await rig();
    const gateway = terminalGateway(terminal.device);
    const tooLong = 'a6d0c5e2-8f1b-4c3a-9d7e-1b2c3d4e5f60-1' as PaymentReference;
    const charged = await gateway.charge({ reference: tooLong, amountAvos: 9000, tender: 'unionpay-quickpass', description: 'renew-permanent' }, new AbortController().signal);
    expect(charged).toEqual({ state: 'declined', reason: 'refused-invalid-reference' });
    expect(await gateway.enquire(tooLong)).toEqual({ state: 'not-charged', reason: 'invalid-reference' });
    expect(terminal.peer.control.transactions()).toEqual([]); // nothing ever reached the terminal
  });

  it('a sale on an unplugged terminal is refused before sending, not lost', async () => {
    const { terminal } = await rig();
    await terminal.device.close();
    const gateway = terminalGateway(terminal.device);
    const reference = paymentReferenceFor('a6d0c5e2-8f1b-4c3a-9d7e-1b2c3d4e5f60', 1);
    const charged = await gateway.charge({ reference, amountAvos: 9000, tender: 'unionpay-quickpass', description: 'renew-permanent' }, new AbortController().signal);
    expect(charged).toEqual({ state: 'declined', reason: 'refused-terminal-offline' });
  });
});
