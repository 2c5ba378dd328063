import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KioskApi } from '../../../electron/shared/kiosk-api/client.js';
import type { VisitState } from '../../../electron/shared/kiosk-api/contract.js';
import type { KioskHost } from '../../../electron/host/host.js';
import type { Step } from '../../../electron/host/service-rules/index.js';
import { choicesFor, idPhotoBase64, performStep, signaturePngBase64, type WalkPlan } from '../../../simulators/scenarios/walk-visit.js';
import type { BackofficeServer } from '../../../simulators/backoffice/server.js';
import { type RawApiHost, startRawApiHost } from '../../helpers/raw-api-host.js';

/**
 * `visit.back` tried the way an attacker would, through the raw KioskApi: back over the card read,
 * the verification and the fingerprints, back after the application exists and after payment, and
 * back then a jump ahead with the capture gone back over. Each is refused with a typed error and
 * changes nothing; a back the host allows drops the earlier capture, so only a new one completes it.
 */

let running: RawApiHost;
let host: KioskHost;
let api: KioskApi;
let backoffice: BackofficeServer;

beforeAll(async () => {
  // Tuesday 24 Nov 2026, 10:30 in Macau: office hours on a working day.
  running = await startRawApiHost({ cardReadTimeoutSeconds: 5 }, () => new Date('2026-11-24T10:30:00+08:00'));
  ({ host, api, backoffice } = running);
});

afterAll(() => running.close());

const plan: WalkPlan = { applicant: 'expired' };
type Stepping = Extract<VisitState, { phase: 'steps' }>;

function stepping(answer: { ok: true; value: VisitState } | { ok: false; error: { code: string; detail?: string | undefined } }, what: string): Stepping {
  if (!answer.ok) throw new Error(`${what}: ${answer.error.code} ${answer.error.detail ?? ''}`);
  if (answer.value.phase !== 'steps') throw new Error(`${what}: ${answer.value.phase}`);
  return answer.value;
}

/** Does the current step for real and completes it. */
async function doStep(state: Stepping): Promise<Stepping> {
  await performStep(api, host.simulatorControls!, state.current, plan);
  const choices = choicesFor(state.current, plan);
  return stepping(await api.visit.complete({ step: state.current.kind, ...(choices ? { choices } : {}) }), `complete ${state.current.kind}`);
}

async function walkTo(state: Stepping, kind: Step['kind']): Promise<Stepping> {
  for (let guard = 0; guard < 20 && state.current.kind !== kind; guard++) state = await doStep(state);
  expect(state.current.kind).toBe(kind);
  return state;
}

async function expectBackRefused(detail: string | undefined): Promise<void> {
  const before = await api.visit.state({});
  const answer = await api.visit.back({});
  expect(answer).toMatchObject({ ok: false, error: { code: 'step-not-allowed', ...(detail ? { detail } : {}) } });
  expect(await api.visit.state({})).toEqual(before); // nothing changed
}

const counts = () => ({ sales: host.simulatorControls!['payment-terminal'].sales().length, applications: backoffice.store.applications().length });

describe('visit.back through the raw KioskApi', () => {
  it('never goes back over identification or fingerprints; a capture gone back to must be made again; nothing after the application exists', async () => {
    const before = counts();
    expect((await api.session.start({ language: 'en' })).ok).toBe(true);
    let state = stepping(await api.visit.choose({ service: 'renew-permanent' }), 'choose');
    expect(state.canGoBack).toBe(false);
    await expectBackRefused(undefined); // no step before the card read

    state = await walkTo(state, 'verify-identity');
    expect(state.canGoBack).toBe(false);
    await expectBackRefused('read-card'); // back over the card read

    state = await walkTo(state, 'capture-fingerprints');
    await expectBackRefused('verify-identity');
    state = await walkTo(state, 'photo');
    expect(state.canGoBack).toBe(false);
    await expectBackRefused('capture-fingerprints'); // the fingers, once captured, stay

    // Photo, height, card scan, signature, pickup place done: at the summary, back to the pickup
    // place, the signature, then the card scan, the height.
    state = await walkTo(state, 'review');
    expect(state.canGoBack).toBe(true);
    const kinds = state.steps.map((entry) => entry.step.kind);
    const backTo = async (kind: Step['kind']) => {
      state = stepping(await api.visit.back({}), `back to ${kind}`);
      expect(state.current.kind).toBe(kind);
      expect(state.steps.find((entry) => entry.step.kind === kind)?.status).toBe('current');
    };
    await backTo('choose-pickup');
    await backTo('signature');
    await backTo('scan-card');
    if (kinds.includes('height')) await backTo('height');
    await backTo('photo');
    // Back at the photo: no further (the fingerprints come before it).
    expect(state.canGoBack).toBe(false);
    await expectBackRefused('capture-fingerprints');

    // The earlier photo was discarded: completing the photo without a new one is refused...
    expect(await api.visit.complete({ step: 'photo' })).toMatchObject({ ok: false, error: { code: 'step-not-done', detail: 'photo' } });
    // ...and so is skipping ahead to the steps gone back over, by completion or by their own calls.
    for (const later of ['height', 'scan-card', 'signature', 'review'] as const) {
      if (!kinds.includes(later)) continue;
      expect(await api.visit.complete({ step: later }), `complete ${later}`).toMatchObject({ ok: false, error: { code: 'step-not-done', detail: 'photo' } });
    }
    expect(await api.height.measure({})).toMatchObject({ ok: false, error: { code: 'step-not-done', detail: 'photo' } });
    expect(await api.signature.submit({ pngBase64: await signaturePngBase64() })).toMatchObject({ ok: false, error: { code: 'step-not-done', detail: 'photo' } });
    expect(await api.applications.start({ service: 'renew-permanent' })).toMatchObject({ ok: false });

    // A new photo: on again. Each capture gone back over is asked for anew (the height was discarded too).
    expect((await api.photo.submitLive({ jpegBase64: await idPhotoBase64() })).ok).toBe(true);
    state = stepping(await api.visit.complete({ step: 'photo' }), 'photo again');
    if (kinds.includes('height')) {
      expect(state.current.kind).toBe('height');
      expect(await api.visit.complete({ step: 'height' })).toMatchObject({ ok: false, error: { code: 'step-not-done', detail: 'height' } });
    }
    state = await walkTo(state, 'payment');
    expect(state.canGoBack).toBe(true); // no application yet: the pickup may still change

    // The application exists (the payment started): no Back.
    const started = await api.applications.start({ service: 'renew-permanent' });
    if (!started.ok) throw new Error(started.error.code);
    state = stepping(await api.visit.state({}), 'state');
    expect(state.canGoBack).toBe(false);
    await expectBackRefused(undefined);

    // Paid: still no Back, and nothing more was charged than the one sale.
    expect(await api.applications.submit({ applicationId: started.value.applicationId, payment: 'macau-pass' })).toMatchObject({ ok: true, value: { state: 'submitted' } });
    const back = await api.visit.back({});
    expect(back).toMatchObject({ ok: false, error: { code: 'step-not-allowed' } });
    expect(counts()).toEqual({ sales: before.sales + 1, applications: before.applications + 1 });
    await api.session.end({ reason: 'finished' });
  });
});
