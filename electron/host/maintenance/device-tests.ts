import type { DeviceHub } from '../../../devices/hub/device-hub.js';
import type { KioskHandlers } from '../bridge/server.js';
import { KioskApiError } from '../../shared/kiosk-api/errors.js';
import { greyscalePng } from '../biometrics/finger-image.js';
import { macauDateOf, macauInstant } from '../../shared/calendar/macau-time.js';
import { maskCardNumber } from '../counter/masking.js';
import type { Journal } from '../journal/journal.js';
import type { GaugeCalibration } from './gauge-calibration.js';

/** How long a technician's test waits for the card, finger or rod to be read. */
const TEST_TIMEOUT_MS = 20_000;

type DeviceTestMethod = 'maintenance.testCard' | 'maintenance.testFinger' | 'maintenance.measureGauge' | 'maintenance.calibrateGauge' | 'maintenance.terminalDay';

/**
 * The technician's test actions on single devices (maintenance mode is open: `open` checks it and
 * writes the audit trail). What a test reads is shown and forgotten: a test card's holder is never
 * shown (only the card's type and a masked number), a test finger never kept.
 */
export function deviceTestHandlers(deps: {
  hub: DeviceHub;
  journal: Journal;
  calibration: GaugeCalibration;
  clock: () => Date;
  open: (action: string, detail?: string) => string;
}): Pick<KioskHandlers, DeviceTestMethod> {
  const { hub, journal, calibration, clock, open } = deps;
  const within = (signal: AbortSignal) => AbortSignal.any([signal, AbortSignal.timeout(TEST_TIMEOUT_MS)]);
  return {
    'maintenance.testCard': async (_params, { signal }) => {
      open('test-card');
      const reader = hub.get('card-reader');
      if (!reader.isCardPresent()) throw new KioskApiError('user-action-needed', 'place a test card on the reader', 'place-card');
      const started = performance.now();
      const visible = await reader.readVisibleData(within(signal));
      const authenticity = await reader.checkAuthenticity(within(signal));
      const readMs = Math.round(performance.now() - started);
      open('test-card-result', `${authenticity.passive}/${authenticity.active} ${readMs}ms`);
      return { permanent: visible.permanent, cardNumberMasked: maskCardNumber(visible.cardNumber), ...authenticity, readMs };
    },
    'maintenance.testFinger': async (_params, { signal }) => {
      open('test-finger');
      const capture = await hub.get('fingerprint-scanner').capture({ finger: 'right-index', timeoutMs: TEST_TIMEOUT_MS }, within(signal));
      const png = await greyscalePng(capture.image, capture.width, capture.height);
      capture.image.fill(0);
      capture.template.fill(0);
      open('test-finger-result', `quality ${capture.quality}`);
      return { quality: capture.quality, width: capture.width, height: capture.height, pngBase64: png.toString('base64') };
    },
    'maintenance.measureGauge': async ({ referenceMm }, { signal }) => {
      open('gauge-measure', `reference ${referenceMm} mm`);
      const { heightMm } = await hub.get('height-gauge').measure({ timeoutMs: TEST_TIMEOUT_MS }, within(signal));
      const offsetMm = calibration.offsetMm();
      const proposedOffsetMm = offsetMm + (referenceMm - heightMm);
      open('gauge-measured', `measured ${heightMm} mm, offset ${offsetMm} mm, proposed ${proposedOffsetMm} mm`);
      return { measuredMm: heightMm, offsetMm, proposedOffsetMm };
    },
    'maintenance.calibrateGauge': async ({ offsetMm }) => {
      const staffId = open('gauge-calibrated', `offset ${calibration.offsetMm()} → ${offsetMm} mm`);
      calibration.set(offsetMm, staffId);
      return { offsetMm };
    },
    'maintenance.terminalDay': async () => {
      open('terminal-day');
      const now = clock();
      const day = macauDateOf(now);
      const status = hub.get('payment-terminal').status();
      const figures = journal.paymentDay('terminal', macauInstant(day, 0).toISOString(), macauInstant(day, 24 * 60).toISOString());
      return { state: status.state, ...(status.detail ? { detail: status.detail } : {}), day, ...figures };
    },
  };
}
