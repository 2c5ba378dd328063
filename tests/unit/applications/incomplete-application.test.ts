import { describe, expect, it } from 'vitest';
import { ApplicationOrchestrator } from '../../../electron/host/applications/orchestrator.js';
import { paymentReferenceFor } from '../../../electron/host/applications/payment-reference.js';
import { Journal } from '../../../electron/host/journal/journal.js';
import { silentLogger } from '../../../electron/host/log.js';
import type { FeeQuote } from '../../../electron/host/service-rules/index.js';
import { sampleCapture } from '../../../simulators/backoffice/sample-capture.js';
import { FakeTerminal, inMemoryBackoffice } from './fakes.js';

const QUOTE = { currency: 'MOP', unit: 'avos', lines: [], total: 9000, incomplete: false } as unknown as FeeQuote;

/**
 * The kiosk's reaction when the back office finds an application incomplete (422
 * `application-incomplete`, a 4xx): a final refusal, never retried; the payment goes back at once
 * and the resident's receipt says refunded. The real simulator router behind the real client.
 */
describe('an application the back office finds incomplete', () => {
  it('is rejected for good and its payment reversed within the visit', async () => {
    const journal = new Journal({ path: ':memory:', key: Buffer.alloc(32, 9) });
    const terminal = new FakeTerminal();
    const bo = inMemoryBackoffice();
    const orchestrator = new ApplicationOrchestrator({ journal, backoffice: bo.client, gateways: { terminal }, kioskId: 'T', log: silentLogger });
    try {
      const renewal = await sampleCapture('chan-tai-man', 'renew-permanent');
      delete renewal.personal.signature; // the kiosk lost the signature on the way
      orchestrator.sessionStarted('s1');
      const { applicationId } = await orchestrator.create({ sessionId: 's1', service: 'renew-permanent', request: renewal.request, quote: QUOTE, personal: renewal.personal });
      const status = await orchestrator.submit(applicationId, 'macau-pass', new AbortController().signal);

      expect(status).toMatchObject({ state: 'refunded', payment: { state: 'refunded', amountAvos: 9000 }, receipt: { receiptNumber: null, refusal: 'application-incomplete' } });
      expect(terminal.ledger.get(paymentReferenceFor(applicationId, 1))).toBe('voided');
      expect(journal.application(applicationId)).toMatchObject({ state: 'rejected', lastError: 'application-incomplete', hasPayload: false, attempts: 1 });
      const kinds = journal.transitionsOf('s1').map((t) => t.kind);
      expect(kinds.slice(kinds.indexOf('sending'))).toEqual(['sending', 'rejected', 'reversal-pending', 'reversed']);
      expect(bo.store.applications()).toEqual([]);

      // Never sent again: the worker leaves a final refusal alone.
      await orchestrator.retryPending();
      expect(journal.application(applicationId)?.attempts).toBe(1);
      await orchestrator.sessionEnded('s1', 'finished');
      expect(journal.session('s1')).toMatchObject({ state: 'final', outcome: 'refunded' });
    } finally {
      orchestrator.stop();
      journal.close();
      bo.store.close();
    }
  });
});
