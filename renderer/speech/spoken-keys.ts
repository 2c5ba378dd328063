import { ApiErrorCode } from '../../electron/shared/kiosk-api/errors.js';
import { kioskMethods } from '../../electron/shared/kiosk-api/contract.js';
import { FINGERS } from '../../devices/fingerprint-scanner/contract.js';
import { COUNT_KEYS, DIGIT_KEYS } from './data-items.js';
import { HEIGHT_PROMPTS } from '../../devices/height-gauge/contract.js';

/**
 * What the kiosk can say from pre-rendered audio (assets/audio/<lang>/<key>.ogg, made by
 * scripts/render-speech.mjs). One list: tests/unit/speech/clips.test.ts fails when a key here has no
 * clip in a language, or a clip has no key here.
 *
 * Only argument-free messages are spoken from audio: a name, an amount or a countdown number would
 * need a clip per value (or per digit, with each language's grammar around it). Where a message has
 * arguments, the audio says the argument-free key listed for that screen (e.g. the greeting says
 * "Your ID card has been read" rather than "Hello, {name}"), and an unknown alert says
 * `speech.readScreen`. A platform voice (speechSynthesis) reads the full text instead.
 */

/** Screen titles (the <h1>), each followed by the prompt the resident acts on. */
export const TITLE_PROMPTS = {
  'attract.welcome': ['attract.chooseLanguage'],
  'connecting.title': ['connecting.wait'],
  'menu.title': [],
  'identify.title': ['identify.placeCard'],
  'evaluating.title': [],
  'refusal.title': ['speech.readScreen'],
  'fingerprint.title': ['fingerprint.prompt.place-finger'],
  'pin.title': ['pin.hint'],
  'photo.title': [],
  'height.title': ['height.hint'],
  'signature.title': ['signature.hint'],
  'review.title': ['review.hint'],
  'pickup.title': [],
  'payment.title': ['payment.choose'],
  'receipt.title': ['receipt.qrHint'],
  'flowError.title': ['flowError.counter'],
  'takeCard.title': ['takeCard.prompt'],
  // The other services' screens (their prompts are on screen; the title says where the resident is).
  'authenticity.placeTitle': [],
  'authenticity.resultTitle': [],
  'certificate.title': [],
  'chipData.blockedTitle': [],
  'chipData.printTitle': [],
  'collection.answerTitle': [],
  'collection.title': [],
  'contact.confirmTitle': [],
  'contact.title': [],
  'dataItems.title': [],
  'guardian.title': [],
  'guardian.fingerprintTitle': [],
  'kinship.relativesTitle': [],
  'kinship.verifyTitle': [],
  'marriage.confirmTitle': [],
  'marriage.spouseCard': [],
  'marriage.title': [],
  'queue.chooseTitle': [],
  'queue.ticketTitle': [],
  'contact.placeCard.minor-child': [],
  'contact.placeCard.ward': [],
} as const satisfies Record<string, readonly string[]>;

/** Screens whose title has arguments (the greeting's name): what to say instead, by screen name. */
export const SCREEN_FALLBACK = {
  greeting: ['greeting.cardRead'],
  // The overview's title is the service's name: then how to go on.
  overview: ['overview.prompt'],
} as const satisfies Record<string, readonly string[]>;

/** Alerts and notices that are not API errors, and the speech module's own words. */
const OTHER_KEYS = [
  'fingerprint.outcome.no-match',
  'fingerprint.outcome.poor-quality',
  'fingerprint.outcome.no-finger',
  'fingerprint.verified',
  'tenPrint.complete',
  'cardScan.done',
  'pin.blocked',
  'signature.empty',
  'signature.tooLittle',
  'photo.shareCode.tooOld',
  'identify.keepStill',
  'receipt.printed',
  'staff.calledTitle',
  'staff.calledWait',
  'takeCard.staffCalled',
  'a11y.speechOn',
  'speech.followScreen',
  'speech.readScreen',
  'speech.idleWarning',
] as const;

/**
 * Words a language may leave empty because its grammar has nothing there: English and Portuguese
 * end "Step 3 of 9" on the number, Chinese ends 第三步，共九步 on 步. An empty message has no clip
 * and is not said (plan.ts clipKeys); the locales test allows empty strings for these keys only.
 */
export const UNSAID_IN_SOME_LANGUAGES = ['speech.step.end'] as const;

/** Every place a pickup option can name, from the KioskApi contract. */
const PICKUP_PLACES = kioskMethods['services.pickupOptions'].result.shape.options.element.shape.place.options;

/**
 * The words data are said with from audio (speech/data-items.ts): digits one by one, the decimal
 * point, the units, the finger names and the pickup places.
 */
const DATA_KEYS = [
  ...DIGIT_KEYS,
  ...COUNT_KEYS,
  'speech.data.point',
  'speech.data.fee',
  'speech.data.patacas',
  'speech.data.receiptNumber',
  'speech.data.height',
  'speech.data.centimetres',
  'speech.data.useFinger',
  'speech.data.pickupPlace',
  ...FINGERS.map((finger) => `fingers.${finger}`),
  ...PICKUP_PLACES.map((place) => `pickupPlaces.${place}`),
  // "Step n of N" (ui/StepIndicator.tsx): the words around the two counts, in each language's order.
  'speech.step.lead',
  'speech.step.of',
  ...UNSAID_IN_SOME_LANGUAGES,
  // The height gauge's live prompts ("step on", "stand straight"…), said as they appear.
  ...HEIGHT_PROMPTS.map((prompt) => `height.prompt.${prompt}`),
] as const;

export const SPOKEN_KEYS: readonly string[] = [
  ...new Set<string>([
    ...Object.entries(TITLE_PROMPTS).flatMap(([title, prompts]) => [title, ...prompts]),
    ...Object.values(SCREEN_FALLBACK).flat(),
    ...ApiErrorCode.options.map((code) => `errors.${code}`),
    ...OTHER_KEYS,
    ...DATA_KEYS,
  ]),
];
