/**
 * `npm run bench:resident`: a model of a practised resident's time at the kiosk, per service. Each
 * service is walked through the raw KioskApi against the real host (the visit walker,
 * simulators/scenarios/walk-visit.ts): the host decides the steps, as it does for the touchscreen.
 * Each screen then costs, in the model (docs/performance.md, "The resident-time model"):
 *   reading its text (in zh-Hant, the kiosk's default: READ_CHARS_PER_S) + its taps × TAP_S +
 *   the device's own time (card read, finger placements, camera, gauge, scanner, terminal, printer).
 * Prints time, taps and screens per service, then one JSON line (last). No timing of code here:
 * the figure changes when the flow changes (steps, taps, text, device waits).
 */
import type { KioskApi } from '../../electron/shared/kiosk-api/client.js';
import type { ServiceId } from '../../electron/shared/kiosk-api/contract.js';
import type { Step } from '../../electron/host/service-rules/index.js';
import zhHant from '../../locales/zh-Hant.json' with { type: 'json' };
import type { SimulatorControls } from '../../simulators/index.js';
import { choicesFor, performStep, type WalkPlan } from '../../simulators/scenarios/walk-visit.js';
import { startRawApiHost } from '../helpers/raw-api-host.js';

/** The model's constants (seconds unless named otherwise): a practised resident, a working kiosk. */
export const MODEL = {
  /** Skimming Chinese text a resident has seen before: about 360 characters a minute. */
  READ_CHARS_PER_S: 6,
  /** Find the button, reach, touch: one tap. */
  TAP_S: 1.2,
  /** Take the card out, place it; the chip read. */
  CARD_PLACE_S: 3,
  CARD_READ_S: 1.5,
  /** One finger placement on the scanner, judged. */
  FINGER_PLACEMENT_S: 3,
  /** Stand in front of the camera, follow the guidance, hold still for the capture. */
  PHOTO_POSE_S: 5,
  /** Camera open → first guidance (bench:photo; env PHOTO_FIRST_GUIDANCE_S overrides). */
  PHOTO_FIRST_GUIDANCE_S: Number(process.env.PHOTO_FIRST_GUIDANCE_S ?? 0.7),
  /** Shoes off, stand on the gauge, measure, step off. */
  HEIGHT_S: 15,
  /** Lay the card on the scanner (per side) and the scan. */
  SCAN_SIDE_S: 8,
  /** Sign with a finger. */
  SIGN_S: 6,
  /** Card on the terminal, the acquirer's answer. */
  PAYMENT_TERMINAL_S: 10,
  /** The receipt printed and taken. */
  PRINT_S: 6,
  /** A PIN: six digits and Confirm. */
  PIN_TAPS: 7,
  /** A device step's success shown before the visit moves on by itself (renderer/flows/auto-advance.ts). */
  SUCCESS_DISPLAY_S: 1.2,
};

/** The text a resident reads on each screen: its locale sections' title and hint lines (zh-Hant). */
const SCREEN_TEXT: Partial<Record<Step['kind'] | 'attract' | 'menu' | 'overview' | 'place-card' | 'greeting' | 'receipt' | 'payment', string[]>> = {
  attract: ['attract'],
  // The overview: a practised resident reads its prompt, the time and the fee, and taps Start; the
  // list of steps and what to bring is read on a first visit (FIRST_VISIT=1 adds it, see walk()).
  overview: ['overview.prompt', 'overview.time', 'overview.feeFixed'],
  // The menu: its title, then the service names down to the resident's own (menuText below).
  menu: ['menu.title'],
  'read-card': ['identify.title', 'identify.placeCard', 'identify.reading'],
  greeting: ['greeting.hello', 'greeting.cardRead'],
  'verify-identity': ['fingerprint.title', 'fingerprint.place', 'fingerprint.verified'],
  'enter-pin': ['pin.title', 'pin.hint'],
  'capture-fingerprints': ['tenPrint.title', 'tenPrint.place', 'tenPrint.complete'],
  photo: ['photo.title', 'photo.captured'],
  height: ['height.title', 'height.hint', 'height.result'],
  'scan-card': ['cardScan.title', 'cardScan.place', 'cardScan.done'],
  signature: ['signature.title', 'signature.hint'],
  review: ['review.title', 'review.hint', 'review.nameZh', 'review.nameLatin', 'review.cardNumber', 'review.sex', 'review.dateOfBirth', 'review.height'],
  'choose-pickup': ['pickup.title', 'pickup.readyAt'],
  payment: ['payment.title', 'payment.fee', 'payment.choose', 'payment.paying'],
  receipt: ['receipt.title', 'receipt.number', 'receipt.pickup', 'receipt.printed'],
};

function textLength(paths: string[]): number {
  const lengthOf = (value: unknown): number =>
    typeof value === 'string' ? value.replace(/\{[^{}]*\}/g, 'xx').length : value && typeof value === 'object' ? Object.values(value).reduce((sum: number, v) => sum + lengthOf(v), 0) : 0;
  return paths.reduce((sum, path) => sum + lengthOf(path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], zhHant)), 0);
}

/** A practised resident reads the menu's service names until theirs (in the menu's order). */
function menuText(service: ServiceId): string[] {
  const names = Object.keys(zhHant.services);
  return names.slice(0, names.indexOf(service) + 1).map((name) => `services.${name}`);
}

interface Screen {
  name: string;
  taps: number;
  deviceS: number;
  /** More text to read than the screen's own (the overview's list of the service's steps). */
  text?: string[];
}

/** The taps and device time of a host step's screen, in the model. */
function stepScreen(step: Step): Screen {
  switch (step.kind) {
    case 'read-card':
      return { name: step.kind, taps: 0, deviceS: MODEL.CARD_PLACE_S + MODEL.CARD_READ_S };
    case 'enter-pin':
      return { name: step.kind, taps: MODEL.PIN_TAPS, deviceS: 0 };
    // A verified finger, the prints taken, the card scanned: the visit moves on by itself after the success.
    case 'verify-identity':
      return { name: step.kind, taps: 0, deviceS: MODEL.FINGER_PLACEMENT_S + MODEL.SUCCESS_DISPLAY_S };
    case 'capture-fingerprints':
      // One placement per finger on this kiosk's scanner (an enrolment kiosk's 4-4-2 takes three for ten).
      return { name: step.kind, taps: 0, deviceS: step.fingers.length * MODEL.FINGER_PLACEMENT_S + MODEL.SUCCESS_DISPLAY_S };
    case 'photo':
      return { name: step.kind, taps: 1, deviceS: MODEL.PHOTO_FIRST_GUIDANCE_S + MODEL.PHOTO_POSE_S };
    // The gauge measures by itself once the resident stands still, shows the height, moves on.
    case 'height':
      return { name: step.kind, taps: 0, deviceS: MODEL.HEIGHT_S + MODEL.SUCCESS_DISPLAY_S };
    case 'scan-card':
      return { name: step.kind, taps: step.sides.length, deviceS: step.sides.length * MODEL.SCAN_SIDE_S + MODEL.SUCCESS_DISPLAY_S };
    case 'signature':
      return { name: step.kind, taps: 1, deviceS: MODEL.SIGN_S };
    default:
      return { name: step.kind, taps: 1, deviceS: 0 };
  }
}

function ok<T>(result: { ok: true; value: T } | { ok: false; error: { code: string } }, what: string): T {
  if (!result.ok) throw new Error(`${what}: ${result.error.code}`);
  return result.value;
}

/** The screens of one service's visit, walked for real; the host's steps between the fixed ones. */
async function walk(api: KioskApi, controls: SimulatorControls, service: ServiceId, plan: WalkPlan): Promise<Screen[]> {
  const screens: Screen[] = [
    { name: 'attract', taps: 1, deviceS: 0 },
    { name: 'menu', taps: 1, deviceS: 0 },
  ];
  ok(await api.session.start({ language: 'zh-Hant' }), 'session.start');
  try {
    const overview = ok(await api.services.overview({ service }), 'services.overview');
    const firstVisit = process.env.FIRST_VISIT === '1' ? ['overview.stepsTitle', 'overview.bringTitle', ...overview.steps.map(({ kind }) => `overview.steps.${kind}`)] : [];
    screens.push({ name: 'overview', taps: 1, deviceS: 0, text: firstVisit });
    let state = ok(await api.visit.choose({ service }), 'visit.choose');
    for (let guard = 0; guard < 30 && state.phase === 'steps'; guard++) {
      const step = state.current;
      if (step.kind === 'payment' || step.kind === 'receipt') break;
      // A free service's last screen: the slip or ticket printed (the walk ends there).
      if (step.kind === 'print-result' || step.kind === 'choose-ticket') {
        screens.push({ name: step.kind, taps: step.kind === 'choose-ticket' ? 1 : 0, deviceS: MODEL.PRINT_S });
        return screens;
      }
      screens.push(stepScreen(step));
      if (step.kind === 'read-card') screens.push({ name: 'greeting', taps: 1, deviceS: 0 });
      await performStep(api, controls, step, plan);
      const choices = choicesFor(step, plan);
      state = ok(await api.visit.complete({ step: step.kind, ...(choices ? { choices } : {}) }), `visit.complete ${step.kind}`);
    }
    const paid = state.phase === 'steps' && state.current.kind === 'payment';
    if (paid) screens.push({ name: 'payment', taps: 1, deviceS: MODEL.PAYMENT_TERMINAL_S });
    // The resident chooses to print the receipt (photographing the QR instead takes about as long).
    screens.push({ name: 'receipt', taps: 1, deviceS: MODEL.PRINT_S });
  } finally {
    controls['card-reader'].removeCard();
    await api.session.end({ reason: 'finished' });
  }
  return screens;
}

const SERVICES: Array<{ service: ServiceId; plan: WalkPlan }> = [
  { service: 'renew-permanent', plan: { applicant: 'expired' } },
  { service: 'chip-data-print', plan: { applicant: 'chan-tai-man' } },
  { service: 'personal-data-certificate', plan: { applicant: 'chan-tai-man' } },
  { service: 'card-authenticity', plan: { applicant: 'chan-tai-man' } },
  { service: 'queue-ticket', plan: { applicant: 'chan-tai-man' } },
];

const raw = await startRawApiHost();
const results: Record<string, { minutes: number; taps: number; screens: number }> = {};
try {
  const controls = raw.host.simulatorControls;
  if (!controls) throw new Error('no simulator controls');
  for (const { service, plan } of SERVICES) {
    try {
      const screens = await walk(raw.api, controls, service, plan);
      let seconds = 0;
      let taps = 0;
      const parts: string[] = [];
      for (const screen of screens) {
        const paths = [...(SCREEN_TEXT[screen.name as keyof typeof SCREEN_TEXT] ?? []), ...(screen.name === 'menu' ? menuText(service) : []), ...(screen.text ?? [])];
        const read = textLength(paths) / MODEL.READ_CHARS_PER_S;
        seconds += read + screen.taps * MODEL.TAP_S + screen.deviceS;
        taps += screen.taps;
        parts.push(`${screen.name} ${read.toFixed(1)}+${(screen.taps * MODEL.TAP_S).toFixed(1)}+${screen.deviceS.toFixed(1)}`);
      }
      console.log(`  ${service} per screen (read + taps + device, s): ${parts.join('; ')}`);
      results[service] = { minutes: Number((seconds / 60).toFixed(2)), taps, screens: screens.length };
      console.log(`${service}: ${(seconds / 60).toFixed(2)} min, ${taps} taps, ${screens.length} screens (${screens.map((s) => s.name).join(' → ')})`);
    } catch (error) {
      console.log(`${service}: not modelled (${(error as Error).message})`);
    }
  }
} finally {
  await raw.close();
}
console.log(JSON.stringify({ bench: 'resident', renewPermanentMinutes: results['renew-permanent']?.minutes ?? null, services: results, model: MODEL }));
