import { afterEach, describe, expect, it } from 'vitest';
import { walkVisit } from '../../../simulators/scenarios/walk-visit.js';
import { type RawApiHost, startRawApiHost } from '../../helpers/raw-api-host.js';

/**
 * Paying at a counter is the host's to allow, not the screen's: through the raw KioskApi over the
 * browser-mode WebSocket (as anyone holding the token would call it), `payment.atCounter` works only
 * at a payment step whose rules offer it, and only while the counters are open by the kiosk's own
 * clock; every refusal has a stable code and leaves the application unpaid and unsent.
 */
const OPEN = '2026-11-24T10:30:00+08:00'; // Tuesday, office hours
const running: RawApiHost[] = [];
afterEach(async () => {
  for (const host of running.splice(0)) await host.close();
});

async function atPayment(service: 'renew-permanent' | 'kinship-certificate', now: { value: Date }) {
  const raw = await startRawApiHost({}, () => now.value);
  running.push(raw);
  const { api, host } = raw;
  expect((await api.session.start({ language: 'pt' })).ok).toBe(true);
  const plan = service === 'renew-permanent' ? { applicant: 'expired' as const } : { applicant: 'chan-tai-man' as const, relatives: [{ relation: 'parent' as const, profile: 'chan-father' as const }] };
  const state = await walkVisit(api, host.simulatorControls!, service, plan);
  expect(state).toMatchObject({ phase: 'steps', current: { kind: 'payment' } });
  const started = await api.applications.start({ service });
  if (!started.ok) throw new Error(started.error.code);
  return { ...raw, state, id: started.value.applicationId };
}

describe('payment.atCounter through the raw KioskApi', () => {
  it('a renewal in office hours: sent unpaid with the flag, nothing charged; the payment step is then done', async () => {
    const { api, backoffice, state, id } = await atPayment('renew-permanent', { value: new Date(OPEN) });
    expect(state.phase === 'steps' && state.current.kind === 'payment' && state.current.counterAllowed).toBe(true);
    const answer = await api.payment.atCounter({ applicationId: id });
    expect(answer).toMatchObject({ ok: true, value: { state: 'awaiting-counter-payment', payment: null, counterPayment: { payBy: '2026-11-24T18:00:00+08:00' } } });
    expect(backoffice.store.applications()).toEqual([expect.objectContaining({ applicationId: id, payAtCounter: true, paymentReference: null })]);
    // The host counts the choice as the payment step's evidence: on to the receipt.
    expect(await api.visit.complete({ step: 'payment' })).toMatchObject({ ok: true, value: { phase: 'steps', current: { kind: 'receipt' } } });
    // Paying again afterwards is refused: the application is no longer a draft.
    expect(await api.applications.submit({ applicationId: id, payment: 'macau-pass' })).toMatchObject({ ok: false });
  });

  it('the office closes between the screen and the tap: refused (outside-office-hours), nothing sent', async () => {
    const now = { value: new Date(OPEN) };
    const { api, backoffice, id } = await atPayment('renew-permanent', now);
    now.value = new Date('2026-11-24T18:00:00+08:00');
    expect(await api.payment.atCounter({ applicationId: id })).toMatchObject({ ok: false, error: { code: 'counter-payment-unavailable', detail: 'outside-office-hours' } });
    expect(backoffice.store.applications()).toEqual([]);
    expect(await api.applications.status({ applicationId: id })).toMatchObject({ ok: true, value: { state: 'awaiting-payment' } });
  });

  it('a service whose rules do not offer it (kinship certificate): refused (not-offered), even in office hours', async () => {
    const { api, backoffice, state, id } = await atPayment('kinship-certificate', { value: new Date(OPEN) });
    expect(state.phase === 'steps' && state.current.kind === 'payment' && state.current.counterAllowed).toBe(false);
    expect(await api.payment.atCounter({ applicationId: id })).toMatchObject({ ok: false, error: { code: 'counter-payment-unavailable', detail: 'not-offered' } });
    expect(backoffice.store.applications()).toEqual([]);
  });

  it('at night the renewal offers no counter: refused (not-offered); and never before the payment step', async () => {
    const raw = await startRawApiHost({}, () => new Date('2026-11-24T21:00:00+08:00'));
    running.push(raw);
    const { api, host, backoffice } = raw;
    await api.session.start({ language: 'en' });
    expect(await api.payment.atCounter({ applicationId: 'x'.repeat(36) })).toMatchObject({ ok: false, error: { code: 'step-not-allowed' } });
    const state = await walkVisit(api, host.simulatorControls!, 'renew-permanent', { applicant: 'expired' });
    expect(state.phase === 'steps' && state.current.kind === 'payment' && state.current.counterAllowed).toBe(false);
    const started = await api.applications.start({ service: 'renew-permanent' });
    if (!started.ok) throw new Error(started.error.code);
    expect(await api.payment.atCounter({ applicationId: started.value.applicationId })).toMatchObject({ ok: false, error: { code: 'counter-payment-unavailable', detail: 'not-offered' } });
    // Bad params are refused by the contract before any gate.
    expect(await api.payment.atCounter({ applicationId: 'x'.repeat(81) })).toMatchObject({ ok: false, error: { code: 'invalid-params' } });
    expect(backoffice.store.applications()).toEqual([]);
  });
});
