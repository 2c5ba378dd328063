import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BackofficeClient } from '../../../electron/host/backoffice/client.js';
import { startBackofficeServer, type BackofficeServer } from '../../../simulators/backoffice/server.js';
import { sampleSubmission } from '../../../simulators/backoffice/sample-capture.js';
import { SEED_RESIDENTS } from '../../../simulators/backoffice/seed.js';
import { createServiceRules, loadRulesConfig } from '../../../electron/host/service-rules/index.js';
import { cardFacts } from '../../../electron/host/sessions/facts-from-session.js';

/** The back-office simulator over real HTTP, through the kiosk's own client. */
let server: BackofficeServer;
let client: BackofficeClient;
const chan = SEED_RESIDENTS.find((r) => r.id === 'chan-tai-man')!;

beforeAll(async () => {
  server = await startBackofficeServer({ clock: () => new Date('2026-11-23T02:00:00Z') });
  client = new BackofficeClient({ url: server.url, timeoutMs: 2000 });
});
afterAll(() => server.close());

/** A complete paid renewal (photo, fingerprints, signature, height), as the kiosk sends it. */
async function body(applicationId: string, residentId = 'chan-tai-man'): Promise<string> {
  const payment = { method: 'terminal' as const, reference: `${applicationId}-1`, amountAvos: 9000, authCode: '104211' };
  return JSON.stringify(await sampleSubmission(residentId, 'renew-permanent', { applicationId, queuedAt: '2026-11-23T02:00:00.000Z', feeAvos: 9000, payment }));
}

async function raw(path: string, init: RequestInit = {}): Promise<{ status: number; type: string | null; json: Record<string, unknown> }> {
  const res = await fetch(server.url + path, init);
  return { status: res.status, type: res.headers.get('content-type'), json: (await res.json()) as Record<string, unknown> };
}

describe('back-office simulator', () => {
  it('answers person, kinship and photo look-ups for the seed residents', async () => {
    const person = await client.person(chan.cardNumber);
    expect(person).toMatchObject({ ok: true, value: { person: { maritalStatus: 'married' }, photoShareCode: 'PHOTO-CTM-2026' } });
    const kinship = await client.kinship(chan.cardNumber);
    expect(kinship.ok && kinship.value.relatives.length).toBeGreaterThanOrEqual(9);
    const photo = await raw('/v1/photos/PHOTO-CTM-2026');
    expect(photo.status).toBe(200);
    expect(await client.person('7654321(0)')).toEqual({ ok: false, error: { kind: 'refused', code: 'person-not-found', status: 404 } });
  });

  it('seeds a resident for every branch of the service rules', () => {
    const rules = createServiceRules(loadRulesConfig('config'));
    const verdict = (id: string, service: 'renew-permanent' | 'renew-nonpermanent' | 'kinship-certificate', expiry: string | null, permanent: boolean, issue = '2022-07-18') => {
      const r = SEED_RESIDENTS.find((x) => x.id === id)!;
      const card = cardFacts({ cardNumber: r.cardNumber, nameZh: r.nameZh, nameLatin: r.nameLatin, sex: 'M', dateOfBirth: r.record.person.dateOfBirth, permanent, firstIssue: '2003-01-01', currentIssue: issue, expiry });
      const facts = { card, person: r.record.person, ...(r.record.residenceCertificate ? { residenceCertificate: r.record.residenceCertificate } : {}), ...(r.record.guardians[0] ? { guardian: r.record.guardians[0] } : {}) };
      return rules.eligibility(service, facts, new Date('2026-11-23T10:00:00+08:00'));
    };
    expect(verdict('interdicted', 'renew-permanent', '2027-01-01', true).reasons).toContain('interdicted');
    expect(verdict('nonpermanent-cert-expired', 'renew-nonpermanent', '2027-01-01', false).reasons).toContain('residence-certificate-expired');
    expect(verdict('nonpermanent-cert-missing', 'renew-nonpermanent', '2027-01-01', false).reasons).toContain('residence-certificate-missing');
    expect(verdict('kinship-not-on-file', 'kinship-certificate', '2030-01-01', true).verdict).toBe('allowed'); // no relatives chosen yet
    expect(verdict('lifetime', 'renew-permanent', null, true).reasons).toContain('card-valid-for-life');
  });

  it('submits once per Idempotency-Key: same body → same answer; other body → problem', async () => {
    const first = await client.submitApplication('app-00000001', await body('app-00000001'));
    const again = await client.submitApplication('app-00000001', await body('app-00000001'));
    expect(first.ok && again.ok && first.value).toEqual(again.ok && again.value);
    const other = await client.submitApplication('app-00000001', (await body('app-00000001')).replace('"feeAvos":9000', '"feeAvos":9001'));
    expect(other).toMatchObject({ ok: false, error: { kind: 'refused' } });
    const stored = server.store.applications().filter((a) => a.applicationId === 'app-00000001');
    expect(stored).toEqual([expect.objectContaining({ replays: 1 })]);
  });

  it('validates every request and answers problem+json', async () => {
    const missingKey = await raw('/v1/applications', { method: 'POST', headers: { 'content-type': 'application/json' }, body: await body('app-00000002') });
    expect(missingKey).toMatchObject({ status: 400, type: 'application/problem+json', json: { code: 'idempotency-key-missing' } });
    const invalid = await raw('/v1/persons/lookup', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"cardNumber":"12"}' });
    expect(invalid).toMatchObject({ status: 400, json: { code: 'invalid-request' } });
    expect(await raw('/v1/nothing')).toMatchObject({ status: 404, json: { code: 'not-found' } });
    const refused = await client.submitApplication('app-00000003', await body('app-00000003', 'refused-at-submission'));
    expect(refused).toMatchObject({ ok: false, error: { kind: 'refused', code: 'card-reported-lost' } });
  });

  it('takes GovPay payments: create (idempotent), pay by a tester, refund', async () => {
    const created = await client.createGovPay('gp-1', 1500, 'kinship-certificate');
    expect(created).toMatchObject({ ok: true, value: { status: 'pending', amountAvos: 1500 } });
    expect(await client.createGovPay('gp-1', 1500, 'kinship-certificate')).toMatchObject({ ok: true });
    expect(await client.createGovPay('gp-1', 2000, 'kinship-certificate')).toMatchObject({ ok: false, error: { code: 'idempotency-key-reused' } });
    await raw('/v1/govpay/payments/gp-1/pay', { method: 'POST' });
    expect(await client.govPay('gp-1')).toMatchObject({ ok: true, value: { status: 'paid' } });
    expect(await client.refundGovPay('gp-1')).toMatchObject({ ok: true, value: { status: 'refunded' } });
  });

  it('issues queue tickets, finds applications by receipt number and shows locker notices', async () => {
    expect(await client.ticket({ office: 'hq', kind: 'same-day' })).toMatchObject({ ok: true, value: { ticketNumber: 'A001' } });
    expect(await client.ticket({ office: 'islands-centre', kind: 'booking' })).toMatchObject({ ok: false, error: { code: 'booking-hq-only' } });
    const sent = await client.submitApplication('app-00000004', await body('app-00000004'));
    const receipt = sent.ok ? sent.value.receiptNumber : '';
    expect(await raw(`/v1/applications/${receipt}`)).toMatchObject({ status: 200, json: { status: 'processing' } });
    expect(await raw(`/v1/_control/locker/${receipt}`, { method: 'POST' })).toMatchObject({ status: 401, json: { code: 'unauthorised' } });
    await raw(`/v1/_control/locker/${receipt}`, { method: 'POST', headers: { authorization: `Bearer ${server.controlToken}` } });
    expect(await raw(`/v1/locker-notices/${receipt}`)).toMatchObject({ status: 200, json: { lockerId: 'L-07' } });
  });

  it('reports an unreachable back office as a transient failure', async () => {
    const dead = new BackofficeClient({ url: 'http://127.0.0.1:9', timeoutMs: 500 });
    expect(await dead.health()).toEqual({ ok: false, error: { kind: 'unreachable', code: 'unreachable' } });
  });
});
