import { EnclosureLayout } from '../../electron/shared/kiosk-api/schemas/enclosure.js';
import { KioskApiError } from '../../electron/shared/kiosk-api/errors.js';
import type { KioskHandlers } from '../../electron/host/bridge/server.js';

const session = {
  sessionId: 's-1',
  language: 'en' as const,
  startedAt: '2026-11-21T09:00:00.000Z',
  idleWarningAt: '2026-11-21T09:01:30.000Z',
};

/**
 * Handlers for protocol tests: `identity.readCard` waits until its signal aborts, and records that
 * it did, so a test can see cancellation arrive on the host side.
 */
export function fakeHandlers(seen: { aborted: number }): KioskHandlers {
  return {
    'kiosk.info': async () => ({
      kioskId: 'T',
      version: '0',
      languages: ['zh-Hant', 'en'],
      defaultLanguage: 'zh-Hant',
      idle: { timeoutSeconds: 90, warningSeconds: 30 },
      testMode: true,
      enclosure: EnclosureLayout.parse({}),
    }),
    'kiosk.health': async () => ({ devices: [] }),
    'kiosk.availability': async () => ({ inService: true, services: [], counters: [] }),
    'maintenance.state': async () => ({ phase: 'closed' as const }),
    'maintenance.begin': async () => ({ phase: 'closed' as const }),
    'maintenance.enterPin': async () => ({ phase: 'closed' as const }),
    'maintenance.touch': async () => ({ phase: 'closed' as const }),
    'maintenance.exit': async () => ({ phase: 'closed' as const }),
    'maintenance.devices': async () => ({ devices: [] }),
    'maintenance.selfTest': async () => ({ results: [] }),
    'maintenance.printTestSlip': async () => ({ printed: true as const }),
    'maintenance.testScan': async () => ({ jpegBase64: '', width: 0, height: 0, dpi: 75, blank: true }),
    'maintenance.counters': async () => ({ since: '2026-01-01T00:00:00Z', counts: {} }),
    'maintenance.testCard': async () => ({ permanent: true, cardNumberMasked: '1234***(*)', passive: 'valid' as const, active: 'valid' as const, readMs: 1 }),
    'maintenance.testFinger': async () => ({ quality: 80, width: 1, height: 1, pngBase64: '' }),
    'maintenance.measureGauge': async () => ({ measuredMm: 1500, offsetMm: 0, proposedOffsetMm: 0 }),
    'maintenance.calibrateGauge': async ({ offsetMm }) => ({ offsetMm }),
    'maintenance.terminalDay': async () => ({ state: 'online' as const, day: '2026-01-01', approved: { count: 0, totalAvos: 0 }, declined: 0, unknown: 0, reversed: { count: 0, totalAvos: 0 } }),
    'maintenance.pending': async () => ({ items: [] }),
    'maintenance.resolve': async () => ({ items: [] }),
    'maintenance.log': async () => ({ entries: [] }),
    'maintenance.restartDevice': async ({ device }) => ({ device, state: 'online' as const, model: 'Simulator', vendor: 'DSI' }),
    'maintenance.staffCalls': async () => ({ calls: [] }),
    'maintenance.acknowledgeStaffCall': async () => ({ calls: [] }),
    'maintenance.exportBundle': async () => ({ file: '/tmp/bundle.json', bytes: 1, sha256: '0'.repeat(64) }),
    'session.start': async ({ language }) => ({ ...session, language }),
    'session.setLanguage': async ({ language }) => ({ ...session, language }),
    'session.touch': async () => {
      throw new KioskApiError('no-session', 'no session is active');
    },
    'session.end': async () => ({}),
    'services.list': async () => ({ services: [] }),
    'visit.state': async () => ({ phase: 'idle' }),
    'visit.choose': async () => {
      throw new KioskApiError('no-session', 'no session is active');
    },
    'visit.complete': async () => {
      throw new KioskApiError('no-session', 'no session is active');
    },
    'visit.back': async () => {
      throw new KioskApiError('no-session', 'no session is active');
    },
    'services.evaluate': async () => {
      throw new KioskApiError('no-session', 'no session is active');
    },
    'services.quote': async () => ({ currency: 'MOP', unit: 'avos', lines: [], total: 0, incomplete: false }),
    'services.pickupOptions': async () => ({ options: [] }),
    'services.overview': async ({ service }) => ({ service, steps: [{ kind: 'receipt', ifNeeded: false }], minutes: 1, fee: { kind: 'free' }, bring: [] }),
    'applications.start': async () => {
      throw new KioskApiError('backoffice-unavailable', 'no back office in protocol tests');
    },
    'applications.submit': async () => {
      throw new KioskApiError('application-not-found', 'no such application');
    },
    'applications.status': async () => {
      throw new KioskApiError('application-not-found', 'no such application');
    },
    'applications.cancel': async () => {
      throw new KioskApiError('application-not-found', 'no such application');
    },
    'payment.atCounter': async () => {
      throw new KioskApiError('application-not-found', 'no such application');
    },
    'height.measure': async () => ({ heightMm: 1720 }),
    'receipts.print': async () => {
      throw new KioskApiError('application-not-found', 'no such application');
    },
    // Fingerprints, photo, signature: nothing has started in protocol tests.
    'biometrics.startVerification': async () => ({ enrolled: ['right-thumb', 'left-thumb'], triesPerFinger: 3, alreadyVerified: false }),
    // Relatives and guardians: no card has been read in protocol tests.
    'relatives.readCard': notStarted,
    'relatives.remove': notStarted,
    'relatives.list': async () => ({ relatives: [], max: 8 }),
    'guardian.readCard': notStarted,
    'biometrics.verifyFinger': notStarted,
    'biometrics.verifyPin': notStarted,
    'biometrics.startTenPrint': notStarted,
    'biometrics.captureFinger': notStarted,
    'biometrics.markFinger': notStarted,
    'biometrics.tenPrintStatus': notStarted,
    'camera.report': async () => ({}),
    'staff.call': async () => ({ callId: 'TEST-S0001', calledAt: '2026-01-01T00:00:00.000Z' }),
    'photo.submitLive': notStarted,
    'photo.fromShareCode': async () => ({ outcome: 'not-found', triesLeft: 2 }),
    'photo.scanOwn': async () => ({ outcome: 'refused', reason: 'empty-bed' }),
    'photo.acceptScan': notStarted,
    'photo.discardScan': async () => ({}),
    'cardScan.scan': async () => ({ outcome: 'refused', reason: 'empty-bed' }),
    'signature.submit': async () => ({}),
    'photo.forReview': async () => ({ photo: null, signature: null }),
    // Authenticity check, queue ticket, collection: nothing checked or taken in protocol tests.
    'authenticity.check': notStarted,
    'authenticity.print': notStarted,
    'queue.takeTicket': notStarted,
    'queue.printTicket': notStarted,
    'pickup.lookupReceipt': async () => {
      throw new KioskApiError('receipt-not-found', 'no back office in protocol tests');
    },
    // A second card and the chip-data print: no applicant is identified in protocol tests.
    'contacts.readSubjectCard': notStarted,
    'marriage.readSpouseCard': notStarted,
    'chipData.verifyPin': notStarted,
    'chipData.print': notStarted,
    'identity.readCard': (_params, { signal }) =>
      new Promise((_resolve, reject) => {
        signal.addEventListener('abort', () => {
          seen.aborted++;
          reject(new Error('aborted'));
        });
      }),
  };
}

async function notStarted(): Promise<never> {
  throw new KioskApiError('step-not-allowed', 'nothing started in protocol tests');
}
