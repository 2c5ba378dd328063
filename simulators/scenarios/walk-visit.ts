import type { KioskApi } from '../../electron/shared/kiosk-api/client.js';
import type { ServiceId, VisitState } from '../../electron/shared/kiosk-api/contract.js';
import type { RequestOptions, Step } from '../../electron/host/service-rules/index.js';
import type { SimulatorControls } from '../index.js';
import { samplePhoto, sampleSignature } from '../backoffice/sample-capture.js';
import type { ProfileId } from '../card-reader/profiles.js';
import type { SeedCardId } from '../backoffice/seed-cards.js';

/**
 * Walks a visit through the raw KioskApi, the way the touchscreen does but without it: for each step
 * the host says is current, the simulated devices do their part and the step's KioskApi calls run,
 * then `visit.complete`. For integration tests that need a visit at its payment step, the tests that
 * attack the visit machine from there, and the headless crash runner (run-visit.ts).
 */

export interface WalkPlan {
  /** The applicant's card: a card profile, or a back-office seed resident's card. */
  applicant: ProfileId | { resident: SeedCardId };
  /** A minor's accompanying adult. */
  guardian?: ProfileId;
  /** A kinship certificate's relatives, read in order. */
  relatives?: Array<{ relation: 'parent' | 'child' | 'spouse' | 'sibling' | 'paternal-grandparent' | 'maternal-grandparent' | 'grandchild'; profile: ProfileId }>;
  /** The second card of a contact change (child, ward) or a marriage (spouse). */
  secondCard?: ProfileId;
  /** Choices per step kind, sent with `visit.complete`; sensible defaults otherwise. */
  choices?: Partial<Record<Step['kind'], RequestOptions>>;
  heightMm?: number;
  /** Stop when this step is current (default: the payment, or a free service's receipt). */
  until?: Step['kind'][];
}

/** A live capture as the renderer sends it: the face cropped to the ID photo format (413 × 531 JPEG). */
export async function idPhotoBase64(): Promise<string> {
  return (await samplePhoto()).jpegBase64;
}

/** A signature from the pad: a long stroke with enough ink. */
export async function signaturePngBase64(): Promise<string> {
  return (await sampleSignature()).pngBase64;
}

function ok<T>(result: { ok: true; value: T } | { ok: false; error: { code: string; message: string; detail?: string | undefined } }, what: string): T {
  if (!result.ok) throw new Error(`${what}: ${result.error.code} ${result.error.detail ?? ''} ${result.error.message}`);
  return result.value;
}

const DEFAULT_CHOICES: Partial<Record<Step['kind'], RequestOptions>> = {
  'choose-certificate-format': { certificate: { format: 'paper', copies: 1, pages: 1 } },
  'choose-data-items': { personalDataItems: ['visible-card-data'] },
  'enter-contact-details': { contactSubject: { relation: 'self' }, contactDetails: { phone: '66123456' } },
};

/** Presents the applicant's (or guardian's) matching finger and verifies it. */
async function verifyFinger(api: KioskApi, controls: SimulatorControls, who: 'applicant' | 'guardian'): Promise<void> {
  const started = ok(await api.biometrics.startVerification({ who }), `startVerification ${who}`);
  if (started.alreadyVerified) return;
  controls['fingerprint-scanner'].presentFinger({ quality: 85, matches: true });
  const answer = ok(await api.biometrics.verifyFinger({ finger: started.enrolled[0]! }), 'verifyFinger');
  if (answer.outcome !== 'matched') throw new Error(`finger not matched: ${answer.outcome}`);
}

/** Does the current step's work (devices and KioskApi calls), without completing it. */
export async function performStep(api: KioskApi, controls: SimulatorControls, step: Step, plan: WalkPlan): Promise<void> {
  const reader = controls['card-reader'];
  switch (step.kind) {
    case 'read-card':
      if (typeof plan.applicant === 'string') reader.placeCard(plan.applicant);
      else reader.placeResident(plan.applicant.resident);
      if (step.whose === 'applicant') ok(await api.identity.readCard({}), 'identity.readCard');
      if (step.whose === 'card-to-check') ok(await api.authenticity.check({}), 'authenticity.check');
      return;
    case 'enter-pin':
      ok(await api.chipData.verifyPin({ pin: '123456' }), 'chipData.verifyPin');
      return;
    case 'verify-identity':
      return verifyFinger(api, controls, 'applicant');
    case 'guardian-verification': {
      if (!plan.guardian) throw new Error('the plan names no guardian');
      reader.removeCard();
      reader.placeCard(plan.guardian);
      const found = ok(await api.guardian.readCard({}), 'guardian.readCard');
      if (found.outcome !== 'found') throw new Error(`guardian: ${found.outcome}`);
      return verifyFinger(api, controls, 'guardian');
    }
    case 'capture-fingerprints':
      ok(await api.biometrics.startTenPrint({ fingers: step.fingers }), 'startTenPrint');
      for (const finger of step.fingers) {
        controls['fingerprint-scanner'].presentFinger({ quality: 80, matches: true });
        ok(await api.biometrics.captureFinger({ finger }), `captureFinger ${finger}`);
      }
      return;
    case 'photo':
      ok(await api.photo.submitLive({ jpegBase64: await idPhotoBase64() }), 'photo.submitLive');
      return;
    case 'height':
      controls['height-gauge'].setHeightMm(plan.heightMm ?? 1720);
      ok(await api.height.measure({}), 'height.measure');
      return;
    case 'signature':
      ok(await api.signature.submit({ pngBase64: await signaturePngBase64() }), 'signature.submit');
      return;
    case 'scan-card':
      // The ID card laid on the (simulated) scanner, each side the step asks.
      controls['document-scanner'].placeDocument('id-card');
      for (const side of step.sides) ok(await api.cardScan.scan({ side }), `cardScan.scan ${side}`);
      return;
    case 'relatives-cards':
      for (const relative of plan.relatives ?? []) {
        reader.placeCard(relative.profile);
        const read = ok(await api.relatives.readCard({ relation: relative.relation }), 'relatives.readCard');
        if (read.outcome !== 'added') throw new Error(`relative ${relative.profile}: ${read.outcome}`);
      }
      return;
    case 'enter-contact-details': {
      const subject = plan.choices?.['enter-contact-details']?.contactSubject?.relation ?? step.subject;
      if (subject !== 'self') {
        if (!plan.secondCard) throw new Error('the plan names no second card');
        const reading = api.contacts.readSubjectCard({ relation: subject });
        reader.removeCard();
        reader.placeCard(plan.secondCard);
        ok(await reading, 'contacts.readSubjectCard');
      }
      return;
    }
    case 'confirm-marriage-data': {
      if (!plan.secondCard) throw new Error('the plan names no spouse card');
      const reading = api.marriage.readSpouseCard({});
      reader.removeCard();
      reader.placeCard(plan.secondCard);
      ok(await reading, 'marriage.readSpouseCard');
      return;
    }
    default:
      return;
  }
}

/** The choices sent when completing `step`: the plan's, else a default the step offers. */
export function choicesFor(step: Step, plan: WalkPlan): RequestOptions | undefined {
  const given = plan.choices?.[step.kind];
  if (given) return given;
  if (step.kind === 'choose-pickup') return { pickupPlace: step.places[0]! };
  return DEFAULT_CHOICES[step.kind];
}

/** From `visit.choose` to the step `until` names (default: payment or receipt), each step done for real. */
export async function walkVisit(api: KioskApi, controls: SimulatorControls, service: ServiceId, plan: WalkPlan): Promise<VisitState> {
  const until = plan.until ?? ['payment', 'receipt'];
  let state = ok(await api.visit.choose({ service }), 'visit.choose');
  for (let guard = 0; guard < 30; guard++) {
    if (state.phase !== 'steps' || until.includes(state.current.kind)) return state;
    const step = state.current;
    await performStep(api, controls, step, plan);
    const choices = choicesFor(step, plan);
    state = ok(await api.visit.complete({ step: step.kind, ...(choices ? { choices } : {}) }), `visit.complete ${step.kind}`);
  }
  throw new Error('the visit did not reach its end in 30 steps');
}
