import { describe, expect, it } from 'vitest';
import type { CardHolder } from '../../../electron/shared/kiosk-api/contract.js';
import type { ApiResult } from '../../../electron/shared/kiosk-api/errors.js';
import { type FlowSnapshot, transition } from '../../../renderer/flows/visit-machine.js';
import type { ApplicationStatus, VisitContext } from '../../../renderer/state/kiosk-store.js';

/** The payment screen's "Pay at a counter": only where the host offered it; the host's answer leads to the receipt. */
const holder = { cardNumber: '1069042(5)', nameZh: '林美玲', nameLatin: 'LAM MEI LENG' } as unknown as CardHolder;
const application = (state: ApplicationStatus['state']): ApplicationStatus => ({ applicationId: 'A-1', service: 'renew-permanent', feeAvos: 9000, state }) as ApplicationStatus;
const visit: VisitContext = { service: 'renew-permanent', holder, host: undefined, application: application('awaiting-payment') };
type PaymentScreen = Extract<FlowSnapshot['screen'], { name: 'payment' }>;
const payment = (counterAllowed: boolean): FlowSnapshot => ({
  screen: { name: 'payment', methods: ['macau-pass'], counterAllowed, application: application('awaiting-payment'), phase: { state: 'choosing' } } as PaymentScreen,
  visit,
  availability: undefined,
});
const ok = <T>(value: T): ApiResult<T> => ({ ok: true, value });

describe('paying at a counter, in the visit machine', () => {
  it('asks the host (payment.atCounter) only where the payment step offers it', () => {
    const offered = transition(payment(true), { type: 'pay-at-counter' });
    expect(offered.effects).toEqual([{ kind: 'payment.atCounter', applicationId: 'A-1' }]);
    expect(offered.screen).toMatchObject({ name: 'payment', phase: { state: 'paying', method: 'counter' } });
    expect(transition(payment(false), { type: 'pay-at-counter' })).toEqual({ effects: [] });
  });

  it('the host\'s awaiting-counter-payment completes the payment step (the receipt follows); a refusal stays on the screen with its code', () => {
    const chosen = { ...payment(true), screen: { ...(payment(true).screen as PaymentScreen), phase: { state: 'paying', method: 'counter' } } } as FlowSnapshot;
    const done = transition(chosen, { type: 'paid', answer: ok(application('awaiting-counter-payment')) });
    expect(done.effects).toEqual([{ kind: 'unwatch-application' }, { kind: 'visit.complete', step: 'payment', choices: undefined, origin: 'step' }]);
    const refused = transition(chosen, { type: 'paid', answer: { ok: false, error: { code: 'counter-payment-unavailable', message: 'closed', detail: 'outside-office-hours' } } });
    expect(refused.screen).toMatchObject({ name: 'payment', phase: { state: 'failed', error: 'counter-payment-unavailable' } });
  });
});
