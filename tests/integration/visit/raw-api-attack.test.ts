import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import { createKioskApi, type KioskApi } from '../../../electron/shared/kiosk-api/client.js';
import type { ServiceId, VisitState } from '../../../electron/shared/kiosk-api/contract.js';
import { parseHostConfig } from '../../../electron/host/config/load.js';
import { createHost, type KioskHost } from '../../../electron/host/host.js';
import { type BrowserModeServer, startBrowserModeServer } from '../../../electron/host/http/browser-mode-server.js';
import { silentLogger } from '../../../electron/host/log.js';
import type { Step } from '../../../electron/host/service-rules/index.js';
import { type BackofficeServer, startBackofficeServer } from '../../../simulators/backoffice/server.js';
import { openKioskSocket, socketPipe } from '../../helpers/ws-pipe.js';
import { choicesFor, idPhotoBase64, performStep, signaturePngBase64, type WalkPlan } from '../../../simulators/scenarios/walk-visit.js';

/**
 * The host is the authority over every visit, tested the way an attacker would: through the raw
 * KioskApi over the browser-mode WebSocket (the token is all it takes), skipping and reordering
 * steps. For every service, at every step, each later step's KioskApi call and `visit.complete`
 * are tried before their turn, the current step is "completed" before the host holds its evidence,
 * and an application is asked for: each is refused with a typed error, and nothing is charged or
 * submitted. Then the step is done for real and the walk goes on.
 */

let backoffice: BackofficeServer;
let host: KioskHost;
let server: BrowserModeServer;
let socket: WebSocket;
let api: KioskApi;

beforeAll(async () => {
  backoffice = await startBackofficeServer({});
  const config = parseHostConfig({
    rendererDir: 'dist/renderer',
    rulesDir: 'config',
    simulators: { delayMs: 0, paymentDefault: 'approve' },
    backoffice: { url: backoffice.url, timeoutMs: 2000, simulator: false },
    cardReadTimeoutSeconds: 5,
  });
  // Tuesday 24 Nov 2026, 10:30 in Macau: office hours on a working day.
  host = await createHost(config, { log: silentLogger, clock: () => new Date('2026-11-24T10:30:00+08:00') });
  server = await startBrowserModeServer(host);
  socket = await openKioskSocket(server.origin, { token: new URL(server.kioskUrl).hash.replace('#token=', '') });
  api = createKioskApi(socketPipe(socket));
});

afterAll(async () => {
  socket.close();
  await server.close();
  await host.stop();
  await backoffice.close();
});

type Answer = { ok: true; value: unknown } | { ok: false; error: { code: string; detail?: string | undefined } };

/**
 * The KioskApi calls that perform a step, as an attacker would send them (valid params, real images).
 * Each gets a short deadline: a call the gate let through would wait for a device and come back
 * `cancelled`, which fails the test as surely as a success.
 */
async function attacksOn(step: Step): Promise<Array<[string, () => Promise<Answer>]>> {
  const soon = () => ({ signal: AbortSignal.timeout(400) });
  switch (step.kind) {
    case 'read-card':
      return step.whose === 'applicant'
        ? [['identity.readCard', () => api.identity.readCard({}, soon())]]
        : [['authenticity.check', () => api.authenticity.check({}, soon())]];
    case 'verify-identity':
      return [
        ['biometrics.startVerification', () => api.biometrics.startVerification({}, soon())],
        ['biometrics.verifyPin', () => api.biometrics.verifyPin({ pin: '123456' }, soon())],
      ];
    case 'guardian-verification':
      return [
        ['guardian.readCard', () => api.guardian.readCard({}, soon())],
        ['biometrics.startVerification(guardian)', () => api.biometrics.startVerification({ who: 'guardian' }, soon())],
      ];
    case 'capture-fingerprints':
      return [
        ['biometrics.startTenPrint', () => api.biometrics.startTenPrint({ fingers: step.fingers }, soon())],
        ['biometrics.captureFinger', () => api.biometrics.captureFinger({ finger: step.fingers[0]! }, soon())],
        ['biometrics.markFinger', () => api.biometrics.markFinger({ finger: step.fingers[0]!, reason: 'missing' }, soon())],
      ];
    case 'photo': {
      const jpegBase64 = await idPhotoBase64();
      return [
        ['photo.submitLive', () => api.photo.submitLive({ jpegBase64 }, soon())],
        ['photo.fromShareCode', () => api.photo.fromShareCode({ code: '246810' }, soon())],
      ];
    }
    case 'height':
      return [['height.measure', () => api.height.measure({}, soon())]];
    case 'signature': {
      const pngBase64 = await signaturePngBase64();
      return [['signature.submit', () => api.signature.submit({ pngBase64 }, soon())]];
    }
    case 'relatives-cards':
      return [['relatives.readCard', () => api.relatives.readCard({ relation: 'parent' }, soon())]];
    case 'enter-contact-details':
      return [['contacts.readSubjectCard', () => api.contacts.readSubjectCard({ relation: 'minor-child' }, soon())]];
    case 'confirm-marriage-data':
      return [['marriage.readSpouseCard', () => api.marriage.readSpouseCard({}, soon())]];
    case 'enter-pin':
      return [['chipData.verifyPin', () => api.chipData.verifyPin({ pin: '123456' }, soon())]];
    case 'print-result':
      return step.document === 'chip-data'
        ? [['chipData.print', () => api.chipData.print({}, soon())]]
        : [['authenticity.print', () => api.authenticity.print({}, soon())]];
    case 'print-ticket':
      return [
        ['queue.takeTicket', () => api.queue.takeTicket({ office: 'hq', kind: 'booking' }, soon())],
        ['queue.printTicket', () => api.queue.printTicket({}, soon())],
      ];
    case 'scan-pickup-receipt':
      return [['pickup.lookupReceipt', () => api.pickup.lookupReceipt({ receiptNumber: 'R0000000001' }, soon())]];
    case 'payment':
    case 'receipt':
      return [['applications.start', () => api.applications.start({ service: currentService }, soon())]];
    default:
      return [];
  }
}

let currentService: ServiceId = 'renew-permanent';

/** Steps whose `visit.complete` needs evidence the host holds (not only a choice or a confirmation). */
const HOST_HELD: ReadonlySet<Step['kind']> = new Set([
  'read-card',
  'verify-identity',
  'guardian-verification',
  'capture-fingerprints',
  'photo',
  'height',
  'signature',
  'relatives-cards',
  'enter-pin',
  'print-ticket',
  'print-result',
  'scan-pickup-receipt',
  'payment',
]);

const REFUSED = ['step-not-done', 'step-not-allowed'];

function expectRefused(answer: Answer, what: string): void {
  expect(answer.ok, `${what} should be refused`).toBe(false);
  if (!answer.ok) expect(REFUSED, `${what}: ${answer.error.code}`).toContain(answer.error.code);
}

interface Counts {
  sales: number;
  applications: number;
}
const counts = (): Counts => ({ sales: host.simulatorControls!['payment-terminal'].sales().length, applications: backoffice.store.applications().length });

/**
 * Walks `service` like the resident would, and at every step attacks every later step and the
 * current one's completion. Returns the state at `until` (default: the payment or the receipt).
 */
async function walkUnderAttack(service: ServiceId, plan: WalkPlan): Promise<VisitState> {
  currentService = service;
  const before = counts();
  expect((await api.session.start({ language: 'en' })).ok).toBe(true);
  const chosen = await api.visit.choose({ service });
  if (!chosen.ok) throw new Error(chosen.error.code);
  let state = chosen.value;
  const until = plan.until ?? ['payment', 'receipt'];
  for (let guard = 0; guard < 30 && state.phase === 'steps' && !until.includes(state.current.kind); guard++) {
    const current = state.current;
    const later = state.steps.filter((entry) => entry.status === 'pending').map((entry) => entry.step);
    for (const step of later) {
      for (const [name, attack] of await attacksOn(step)) expectRefused(await attack(), `${service}: ${name} while at ${current.kind}`);
      const skip = await api.visit.complete({ step: step.kind, ...(choicesFor(step, plan) ? { choices: choicesFor(step, plan)! } : {}) });
      expectRefused(skip, `${service}: completing ${step.kind} while at ${current.kind}`);
      if (!skip.ok) expect(skip.error.detail, `${service}: the step to do first`).toBe(current.kind);
    }
    // Completing the current step before the host holds its evidence.
    if (HOST_HELD.has(current.kind)) {
      const early = await api.visit.complete({ step: current.kind });
      expect(early, `${service}: completing ${current.kind} without evidence`).toMatchObject({ ok: false, error: { code: 'step-not-done', detail: current.kind } });
    }
    // No application, however it is asked for, before every step is done.
    if (current.kind !== 'payment' && current.kind !== 'receipt') {
      expectRefused(await api.applications.start({ service }), `${service}: applications.start at ${current.kind}`);
    }
    await performStep(api, host.simulatorControls!, current, plan);
    const choices = choicesFor(current, plan);
    const done = await api.visit.complete({ step: current.kind, ...(choices ? { choices } : {}) });
    if (!done.ok) throw new Error(`${service}: completing ${current.kind}: ${done.error.code} ${done.error.detail ?? ''}`);
    state = done.value;
  }
  // Nothing was charged or sent while the steps were attacked.
  expect(counts()).toEqual(before);
  return state;
}

describe('the raw KioskApi cannot skip or reorder a visit', () => {
  const cases: Array<[ServiceId, WalkPlan]> = [
    ['renew-permanent', { applicant: 'expired' }],
    ['renew-nonpermanent', { applicant: 'maria-santos' }],
    ['renew-nonpermanent', { applicant: 'ip-ka-man', guardian: 'ip-mother' }],
    ['kinship-certificate', { applicant: 'chan-tai-man', relatives: [{ relation: 'parent', profile: 'chan-father' }] }],
    ['personal-data-certificate', { applicant: 'chan-tai-man' }],
    ['kinship-verification', { applicant: 'chang-weng-si', choices: { 'enter-related-id': { verifyRelation: 'parent', relatedCardNumber: '1100001(5)' } } }],
    ['contact-change', { applicant: 'chan-tai-man' }],
    [
      'contact-change',
      {
        applicant: 'wong-father',
        secondCard: 'wong-siu-ming',
        choices: {
          'enter-contact-details': {
            contactSubject: { relation: 'minor-child', dateOfBirth: '2015-04-02', relationOnFile: true },
            contactDetails: { phone: '66123456' },
          },
        },
      },
    ],
    ['marital-status-married', { applicant: 'ip-ka-lok', secondCard: 'lou-sio-fong', choices: { 'confirm-marriage-data': { marriage: { registeredOn: '2026-10-01', civilRegistryAuthorised: true, spouseHoldsValidSmartCard: true } } } }],
    ['chip-data-print', { applicant: 'chan-tai-man', until: ['print-result'] }],
    ['card-authenticity', { applicant: 'chan-tai-man', until: ['print-result'] }],
    ['queue-ticket', { applicant: 'chan-tai-man', choices: { 'choose-ticket': { ticket: { office: 'hq', kind: 'booking' } } }, until: ['print-ticket'] }],
  ];

  it.each(cases)('%s (%o): every later step is refused at every step; nothing charged or sent', async (service, plan) => {
    const state = await walkUnderAttack(service, plan);
    expect(state.phase).toBe('steps');
    await api.session.end({ reason: 'cancelled' });
  });
});
