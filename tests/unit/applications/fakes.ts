import type { ChargeOutcome, EnquiryOutcome, PaymentGateway, ReversalOutcome } from '../../../electron/host/applications/gateways.js';
import { parsePaymentReference } from '../../../electron/host/applications/payment-reference.js';
import { BackofficeClient } from '../../../electron/host/backoffice/client.js';
import { createRouter } from '../../../simulators/backoffice/routes.js';
import { BackofficeStore } from '../../../simulators/backoffice/store.js';

export type ChargePlan = 'approve' | 'decline' | 'timeout-no-charge' | 'lose-response';

/** A card terminal's ledger in memory, with the faults the model test injects. */
export class FakeTerminal implements PaymentGateway {
  readonly method = 'terminal' as const;
  readonly ledger = new Map<string, 'approved' | 'declined' | 'voided'>();
  plan: ChargePlan = 'approve';
  reachable = true;
  charges = 0;

  async charge(request: { reference: string }): Promise<ChargeOutcome> {
    if (this.ledger.has(request.reference)) throw new Error(`reference ${request.reference} charged twice`);
    this.charges++;
    switch (this.plan) {
      case 'approve':
        this.ledger.set(request.reference, 'approved');
        return { state: 'approved', authCode: 'A1' };
      case 'decline':
        this.ledger.set(request.reference, 'declined');
        return { state: 'declined', reason: 'insufficient-funds' };
      case 'timeout-no-charge':
        return { state: 'unknown', reason: 'timed-out' };
      case 'lose-response':
        this.ledger.set(request.reference, 'approved');
        return { state: 'unknown', reason: 'timed-out' };
    }
  }

  async enquire(reference: string): Promise<EnquiryOutcome> {
    if (!this.reachable) return { state: 'unreachable' };
    const state = this.ledger.get(reference);
    return state === 'approved' ? { state: 'approved', authCode: 'A1' } : { state: 'not-charged', reason: state ?? 'not-found' };
  }

  async reverse(reference: string): Promise<ReversalOutcome> {
    if (!this.reachable) return { state: 'retry', code: 'unreachable' };
    const state = this.ledger.get(reference);
    if (state !== 'approved') return { state: 'not-charged', code: state ?? 'not-found' };
    this.ledger.set(reference, 'voided');
    return { state: 'reversed', code: 'voided' };
  }

  /** Approved charges of one application, found from the reference alone (as a terminal's ledger would). */
  netCharges(applicationId: string): number {
    return [...this.ledger].filter(([ref, state]) => parsePaymentReference(ref)?.applicationId === applicationId && state === 'approved').length;
  }
}

/**
 * The real back-office router and store behind the real client, without sockets: the fetch shim
 * hands each request to the router and turns a dropped answer into a network error.
 */
export function inMemoryBackoffice(): { client: BackofficeClient; store: BackofficeStore; faults: ReturnType<typeof createRouter>['faults'] } {
  const store = new BackofficeStore(':memory:');
  const router = createRouter({ store, clock: () => new Date('2026-11-23T02:00:00Z'), govPayTtlMs: 60_000 });
  const shim: typeof fetch = async (input, init) => {
    const url = new URL(String(input));
    const headers = Object.fromEntries(Object.entries((init?.headers ?? {}) as Record<string, string>).map(([k, v]) => [k.toLowerCase(), v]));
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
    const reply = await router.route({ method: init?.method ?? 'GET', path: url.pathname, headers, body });
    if ('drop' in reply) throw new TypeError('fetch failed: socket hang up');
    if ('bytes' in reply) return new Response(Buffer.from(reply.bytes), { status: reply.status, headers: { 'content-type': reply.contentType } });
    return new Response(JSON.stringify(reply.body), { status: reply.status, headers: { 'content-type': 'application/json' } });
  };
  return { client: new BackofficeClient({ url: 'http://backoffice.test', timeoutMs: 1000, fetch: shim }), store, faults: router.faults };
}
