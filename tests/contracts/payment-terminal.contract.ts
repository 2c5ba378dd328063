import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type PaymentReference, type PaymentTerminal, type SaleRequest, saleRefusal, toPaymentReference } from '../../devices/payment-terminal/contract.js';
import { type BaseDriver, type BaseFixture, runBaseDeviceContract } from './shared/base-device.contract.js';
import { eventually, expectDeviceError, type MaybeAsync, record, sleep } from './shared/helpers.js';

/** How the suite plays the resident and the bank behind the terminal. */
export interface PaymentDriver extends BaseDriver {
  queueOutcome(planned: {
    outcome: 'approve' | 'decline' | 'timeout' | 'lose-response';
    reason?: string;
    balanceAvos?: number;
  }): MaybeAsync;
  /** On: the resident presents no card until an outcome is queued. Off: approve by default. */
  setWaitForTester(on: boolean): MaybeAsync;
  /** Every sale that charged a card, by reference (what the bank would show). */
  charged(): MaybeAsync<Array<{ reference: string; state: string }>>;
}

export type PaymentFixture = BaseFixture<PaymentTerminal> & { driver: PaymentDriver };

let serial = 0;
function sale(overrides: Partial<SaleRequest> = {}): SaleRequest {
  serial += 1;
  return { amountAvos: 12_000, currency: 'MOP', reference: toPaymentReference(`T-${Date.now()}-${serial}`), tender: 'unionpay-quickpass', ...overrides };
}

export function runPaymentTerminalContract(name: string, makeFixture: () => Promise<PaymentFixture>): void {
  describe(`payment terminal contract: ${name}`, () => {
    runBaseDeviceContract('payment-terminal', makeFixture);

    let fixture: PaymentFixture;
    let terminal: PaymentTerminal;
    beforeEach(async () => {
      fixture = await makeFixture();
      terminal = fixture.device;
      await terminal.open();
    });
    afterEach(async () => {
      await fixture.dispose();
    });

    it('refuses a reference over 32 characters before anything is charged (the contract’s PaymentReference)', async () => {
      const tooLong = `${'0123456789abcdef'.repeat(2)}-0123` as PaymentReference; // 37 characters, like `${uuid}-1`
      const error = await terminal.sale(sale({ reference: tooLong })).then(
        () => null,
        (e: unknown) => e,
      );
      expect(saleRefusal(error)).toBe('invalid-reference');
      await expectDeviceError(terminal.enquire(tooLong), 'protocol', 'invalid-reference');
      expect(await fixture.driver.charged()).toEqual([]);
    });

    it('accepts the kiosk’s tenders and can void', () => {
      const caps = terminal.capabilities();
      expect(caps.tenders).toEqual(expect.arrayContaining(['unionpay-quickpass', 'macau-pass']));
      expect(caps.canVoid).toBe(true);
    });

    it('approves a sale, prompting the resident, and enquire agrees', async () => {
      const prompts = record(terminal, 'prompt');
      const request = sale();
      await fixture.driver.queueOutcome({ outcome: 'approve' });
      const outcome = await terminal.sale(request);
      expect(outcome).toMatchObject({ outcome: 'approved', reference: request.reference });
      if (outcome.outcome !== 'approved') throw new Error('not approved');
      expect(outcome.authCode).toMatch(/^\w+$/);
      expect(outcome.cardLast4 === undefined || /^\d{4}$/.test(outcome.cardLast4)).toBe(true);
      expect(prompts.payloads.map((p) => p.prompt)).toEqual(['present-card', 'processing', 'remove-card']);
      expect(prompts.payloads.every((p) => p.reference === request.reference)).toBe(true);
      expect(await terminal.enquire(request.reference)).toEqual({ state: 'approved', authCode: outcome.authCode });
      expect(await fixture.driver.charged()).toEqual([{ reference: request.reference, state: 'approved' }]);
    });

    it('reports the Macau Pass balance after an approved sale', async () => {
      await fixture.driver.queueOutcome({ outcome: 'approve', balanceAvos: 5_000 });
      const outcome = await terminal.sale(sale({ tender: 'macau-pass' }));
      expect(outcome).toMatchObject({ outcome: 'approved', balanceAvos: 5_000 });
    });

    it('declines with a reason, charging nothing', async () => {
      const request = sale();
      await fixture.driver.queueOutcome({ outcome: 'decline', reason: 'card-expired' });
      expect(await terminal.sale(request)).toEqual({ outcome: 'declined', reference: request.reference, reason: 'card-expired' });
      expect((await terminal.enquire(request.reference)).state).toBe('declined');
      expect(await fixture.driver.charged()).toEqual([]);
    });

    it('a time-out without a charge: sale says timed-out, enquire says it did not happen', async () => {
      const request = sale();
      await fixture.driver.queueOutcome({ outcome: 'timeout' });
      expect(await terminal.sale(request)).toEqual({ outcome: 'timed-out', reference: request.reference });
      expect(['cancelled', 'not-found', 'declined']).toContain((await terminal.enquire(request.reference)).state);
      expect(await fixture.driver.charged()).toEqual([]);
    });

    it('a lost answer: sale says timed-out, but the charge happened and enquire says approved', async () => {
      const request = sale();
      await fixture.driver.queueOutcome({ outcome: 'lose-response' });
      expect(await terminal.sale(request)).toEqual({ outcome: 'timed-out', reference: request.reference });
      const enquiry = await terminal.enquire(request.reference);
      expect(enquiry.state).toBe('approved');
      expect(enquiry.authCode).toBeDefined();
      expect(await fixture.driver.charged()).toEqual([{ reference: request.reference, state: 'approved' }]);
    });

    it('voids an approved sale, once; reports what prevents other voids', async () => {
      const approved = sale();
      await terminal.sale(approved);
      expect(await terminal.void(approved.reference)).toEqual({ state: 'voided' });
      expect(await terminal.void(approved.reference)).toEqual({ state: 'voided' });
      expect((await terminal.enquire(approved.reference)).state).toBe('voided');

      const declined = sale();
      await fixture.driver.queueOutcome({ outcome: 'decline' });
      await terminal.sale(declined);
      expect(await terminal.void(declined.reference)).toEqual({ state: 'declined' });
      expect(await terminal.void(toPaymentReference('never-seen'))).toEqual({ state: 'not-found' });
      expect(await terminal.enquire(toPaymentReference('never-seen'))).toEqual({ state: 'not-found' });
    });

    it('aborting while waiting for the card resolves cancelled, with no charge', async () => {
      await fixture.driver.setWaitForTester(true);
      const prompts = record(terminal, 'prompt');
      const request = sale();
      const controller = new AbortController();
      const selling = terminal.sale(request, controller.signal);
      await eventually(() => prompts.payloads.length > 0);
      expect(prompts.payloads.map((p) => p.prompt)).toEqual(['present-card']);
      expect((await terminal.enquire(request.reference)).state).toBe('in-progress');
      controller.abort();
      expect(await selling).toEqual({ outcome: 'cancelled', reference: request.reference });
      expect((await terminal.enquire(request.reference)).state).toBe('cancelled');
      expect(await fixture.driver.charged()).toEqual([]);
    });

    it('waits for the resident until an outcome comes', async () => {
      await fixture.driver.setWaitForTester(true);
      const request = sale();
      const selling = terminal.sale(request);
      await sleep(20);
      await fixture.driver.queueOutcome({ outcome: 'approve' });
      expect((await selling).outcome).toBe('approved');
    });

    it('one sale at a time (busy); unplugging mid-sale rejects not-connected without a charge', async () => {
      await fixture.driver.setWaitForTester(true);
      const first = terminal.sale(sale());
      await expectDeviceError(terminal.sale(sale()), 'busy');
      await sleep(10);
      await fixture.driver.disconnect();
      await expectDeviceError(first, 'not-connected');
      expect(await fixture.driver.charged()).toEqual([]);
    });

    it('never charges twice: each approved reference is charged exactly once', async () => {
      const references = [sale(), sale(), sale()];
      await fixture.driver.queueOutcome({ outcome: 'approve' });
      await fixture.driver.queueOutcome({ outcome: 'lose-response' });
      await fixture.driver.queueOutcome({ outcome: 'decline' });
      for (const request of references) await terminal.sale(request);
      const charged = await fixture.driver.charged();
      expect(charged.map((c) => c.reference).sort()).toEqual([references[0]?.reference, references[1]?.reference].sort());
    });
  });
}
