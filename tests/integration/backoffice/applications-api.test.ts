import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKioskApi } from '../../../electron/shared/kiosk-api/client.js';
import type { ApplicationStatus } from '../../../electron/shared/kiosk-api/contract.js';
import { parseHostConfig } from '../../../electron/host/config/load.js';
import { createHost, type KioskHost } from '../../../electron/host/host.js';
import { silentLogger } from '../../../electron/host/log.js';
import { startBackofficeServer, type BackofficeServer } from '../../../simulators/backoffice/server.js';
import { createPipePair } from '../../helpers/memory-pipe.js';
import { walkVisit } from '../../../simulators/scenarios/walk-visit.js';

/**
 * Applications through the real bridge and host: the back office (simulator over HTTP), the
 * simulated terminal, the journal. What the resident sees when the back office is down before
 * payment (nothing charged) and after it (kept, sent later, the receipt says so).
 */
let backoffice: BackofficeServer;
let host: KioskHost;
let api: ReturnType<typeof createKioskApi>;
const changes: ApplicationStatus[] = [];

beforeAll(async () => {
  backoffice = await startBackofficeServer({ govPayAutoPay: true });
  const config = parseHostConfig({
    rendererDir: 'dist/renderer',
    rulesDir: 'config',
    simulators: { delayMs: 0, paymentDefault: 'approve' },
    // The faults below answer at once; the timeout only has to outlast a loaded CI machine's first call.
    backoffice: { url: backoffice.url, timeoutMs: 5000, simulator: false },
  });
  host = await createHost(config, { log: silentLogger, clock: () => new Date('2026-11-23T10:00:00+08:00') });
  const pair = createPipePair();
  host.bridge.connect(pair.server);
  api = createKioskApi(pair.client);
  api.on('applications.changed', (status) => changes.push(status));
});

afterAll(async () => {
  await host.stop();
  await backoffice.close();
});

/** A kinship certificate walked to its payment step: the applicant's card and finger, a relative's card (read by the host), a paper copy. */
async function readyToPay(): Promise<void> {
  expect((await api.session.start({ language: 'en' })).ok).toBe(true);
  const state = await walkVisit(api, host.simulatorControls!, 'kinship-certificate', { applicant: 'chan-tai-man', relatives: [{ relation: 'parent', profile: 'chan-father' }] });
  expect(state).toMatchObject({ phase: 'steps', current: { kind: 'payment' }, evaluation: { eligibility: { verdict: 'allowed' } } });
}

describe('applications through KioskApi', () => {
  it('looks the person up after the card read, then pays and submits: receipt number, payload deleted', async () => {
    await readyToPay();
    const started = await api.applications.start({ service: 'kinship-certificate' });
    expect(started).toMatchObject({ ok: true, value: { state: 'awaiting-payment', feeAvos: 1500 } });
    const id = started.ok ? started.value.applicationId : '';
    const submitted = await api.applications.submit({ applicationId: id, payment: 'macau-pass' });
    expect(submitted).toMatchObject({ ok: true, value: { state: 'submitted', payment: { state: 'approved', amountAvos: 1500 }, receipt: { pendingSubmission: false } } });
    expect(submitted.ok && submitted.value.receipt?.receiptNumber).toMatch(/^R\d{10}$/);
    expect(changes.some((c) => c.applicationId === id && c.state === 'paying')).toBe(true);
    // Paid once: a second submit is refused, not charged.
    expect(await api.applications.submit({ applicationId: id, payment: 'macau-pass' })).toMatchObject({ ok: false, error: { code: 'already-paid' } });
    expect(host.simulatorControls!['payment-terminal'].sales()).toHaveLength(1);
    expect((await api.session.end({ reason: 'finished' })).ok).toBe(true);
  });

  it('refuses to start when the back office is down: nothing is charged', async () => {
    await readyToPay();
    backoffice.faults.down = true;
    try {
      const started = await api.applications.start({ service: 'kinship-certificate' });
      expect(started).toMatchObject({ ok: false, error: { code: 'backoffice-unavailable' } });
    } finally {
      backoffice.faults.down = false;
    }
    expect(host.simulatorControls!['payment-terminal'].sales()).toHaveLength(1);
    await api.session.end({ reason: 'cancelled' });
  });

  it('keeps a paid application when the back office goes down, and sends it later', async () => {
    await readyToPay();
    const started = await api.applications.start({ service: 'kinship-certificate' });
    const id = started.ok ? started.value.applicationId : '';
    backoffice.faults.submissions = 'unavailable';
    const submitted = await api.applications.submit({ applicationId: id, payment: 'macau-pass' });
    expect(submitted).toMatchObject({ ok: true, value: { state: 'kept-for-later', receipt: { receiptNumber: null, pendingSubmission: true } } });
    await api.session.end({ reason: 'finished' });
    backoffice.faults.submissions = 'ok';
    await host.applications.retryPending();
    expect(backoffice.store.applications().filter((a) => a.applicationId === id)).toHaveLength(1);
    expect(host.simulatorControls!['payment-terminal'].sales()).toHaveLength(2);
  });

  it('refuses a payment for a service the rules do not allow, and another session’s application', async () => {
    expect((await api.session.start({ language: 'en' })).ok).toBe(true);
    // chan-tai-man's card is not in its renewal window: the visit is refused once the card is read.
    const refused = await walkVisit(api, host.simulatorControls!, 'renew-permanent', { applicant: 'chan-tai-man' });
    expect(refused).toMatchObject({ phase: 'refused', eligibility: { reasons: expect.arrayContaining(['renewal-window-not-open']) } });
    expect(await api.applications.start({ service: 'renew-permanent' })).toMatchObject({ ok: false, error: { code: 'step-not-allowed' } });
    expect(await api.applications.status({ applicationId: 'not-mine' })).toMatchObject({ ok: false, error: { code: 'application-not-found' } });
    await api.session.end({ reason: 'finished' });
  });
});
