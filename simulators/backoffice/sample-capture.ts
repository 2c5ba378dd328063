/**
 * Complete, valid captured data for a seed resident and a service, as a kiosk would send it: for
 * tests, the headless crash runner and anything else that submits applications without a resident
 * at a touchscreen. The pictures are made the way the kiosk makes them: the simulated card's face
 * cropped by the host's `cropToIdPhoto`, the simulated scanner's finger images through the host's
 * `greyscalePng`, a signature stroke rendered to PNG. docs/backoffice-api.md "Captured data".
 */
import { loadSharp } from '../../electron/host/photo/load-sharp.js';
import { FINGERS, type Finger } from '../../devices/fingerprint-scanner/contract.js';
import { type CapturedFinger, type CapturedPhoto, type CapturedSignature, ID_PHOTO_SIZE, type IdentityVerification } from '../../electron/host/backoffice/captured.js';
import type { ApplicationSubmission } from '../../electron/host/backoffice/wire.js';
import { greyscalePng } from '../../electron/host/biometrics/finger-image.js';
import { macauDateOf } from '../../electron/shared/calendar/macau-time.js';
import { cropToIdPhoto } from '../../electron/host/photo/id-photo.js';
import { ageOn } from '../../electron/host/service-rules/age.js';
import type { RequestOptions } from '../../electron/shared/kiosk-api/schemas/service-facts.js';
import type { ServiceId } from '../../electron/shared/kiosk-api/schemas/service-id.js';
import { faceJpeg } from '../card-reader/face-image.js';
import { syntheticFingerprint } from '../fingerprint-scanner/image.js';
import { IMAGE_HEIGHT, IMAGE_WIDTH } from '../fingerprint-scanner/simulated-fingerprint-scanner.js';
import { encodeProbeTemplate } from '../fingerprint-scanner/template.js';
import { STANDARD_FINGERS } from './completeness.js';
import { SEED_RESIDENTS, type SeedResident } from './seed.js';

/** What `ApplicationOrchestrator.create` takes as `request` and `personal`, or a submission spreads. */
export interface SampleCapture {
  request: RequestOptions;
  personal: {
    applicant: ApplicationSubmission['applicant'];
    verification: IdentityVerification;
    heightMm?: number;
    photo?: CapturedPhoto;
    fingerprints?: CapturedFinger[];
    signature?: CapturedSignature;
  };
}

const QUALITY = 85;
const SIGNATURE = { width: 600, height: 200 } as const;
const SIGNATURE_SVG =
  `<svg xmlns="http://www.w3.org/2000/svg" width="${SIGNATURE.width}" height="${SIGNATURE.height}">` +
  '<path d="M40 140 C 80 40, 120 40, 140 120 S 200 180, 230 90 S 300 40, 330 130 L 360 80 C 380 50, 420 60, 430 120 S 520 150, 560 70" ' +
  'fill="none" stroke="#111" stroke-width="5" stroke-linecap="round"/></svg>';

// The pictures never change: made once per process.
let photo: Promise<CapturedPhoto> | undefined;
let signature: Promise<CapturedSignature> | undefined;
const fingers = new Map<Finger, Promise<CapturedFinger>>();

/**
 * `on`: the application date (a minor's guardian is verified when the applicant is under 18 on it);
 * today in Macau by default. Throws for a resident who cannot make a complete application of this
 * service (a minor whose guardians have no Macau ID card on file).
 */
export async function sampleCapture(residentId: string, service: ServiceId, options: { on?: Date } = {}): Promise<SampleCapture> {
  const resident = seedResident(residentId);
  const person = resident.record.person;
  const minor = ageOn(person.dateOfBirth, macauDateOf(options.on ?? new Date()), 'march-1') < 18;
  const guardian = resident.record.guardians.find((g) => g.cardNumber !== undefined);
  if (minor && !guardian && service === 'renew-nonpermanent') throw new Error(`${residentId} is a minor without a guardian's card on file`);
  const verification: IdentityVerification = {
    applicant: 'fingerprint',
    ...(minor && guardian?.cardNumber ? { guardian: { relation: guardian.relation, cardNumber: guardian.cardNumber, verifiedBy: 'fingerprint' as const } } : {}),
  };
  const personal: SampleCapture['personal'] = {
    applicant: { cardNumber: resident.cardNumber, nameZh: resident.nameZh, nameLatin: resident.nameLatin, dateOfBirth: person.dateOfBirth },
    verification,
  };
  if (service === 'renew-permanent' || service === 'renew-nonpermanent') {
    const wanted = person.captureNeeds?.tenFingerprints ? FINGERS : STANDARD_FINGERS;
    personal.photo = await samplePhoto();
    personal.fingerprints = await Promise.all(wanted.map(sampleFinger));
    if (person.captureNeeds?.height !== false) personal.heightMm = minor ? 1420 : 1720;
    if (service === 'renew-permanent') personal.signature = await sampleSignature();
  }
  return { request: sampleRequest(resident, service), personal };
}

/** A complete submission (no fee unless one is given), for tests that talk to the back office directly. */
export async function sampleSubmission(
  residentId: string,
  service: ServiceId,
  ids: { applicationId: string; kioskSessionId?: string; queuedAt?: string; feeAvos?: number; payment?: ApplicationSubmission['payment'] },
): Promise<ApplicationSubmission> {
  const queuedAt = ids.queuedAt ?? new Date().toISOString();
  const sample = await sampleCapture(residentId, service, { on: new Date(queuedAt) });
  return {
    applicationId: ids.applicationId,
    kioskId: 'SAMPLE',
    kioskSessionId: ids.kioskSessionId ?? `s-${ids.applicationId}`,
    service,
    request: sample.request,
    feeAvos: ids.feeAvos ?? 0,
    payment: ids.payment ?? null,
    ...sample.personal,
    queuedAt,
  };
}

function seedResident(id: string): SeedResident {
  const resident = SEED_RESIDENTS.find((r) => r.id === id);
  if (!resident) throw new Error(`no seed resident ${id}`);
  return resident;
}

/** Another seed resident's card: a relative to verify or a spouse, when the file names none. */
function otherCard(resident: SeedResident, preferred: string): string {
  return (SEED_RESIDENTS.find((r) => r.id === preferred && r.id !== resident.id) ?? SEED_RESIDENTS.find((r) => r.id !== resident.id)!).cardNumber;
}

function sampleRequest(resident: SeedResident, service: ServiceId): RequestOptions {
  const relative = resident.kinship.relatives[0];
  const paper = { format: 'paper' as const, copies: 1, pages: 1 };
  switch (service) {
    case 'kinship-certificate':
      return { relatives: [{ relation: relative?.relation ?? 'parent', cardNumber: relative?.cardNumber ?? otherCard(resident, 'chan-father') }], certificate: paper };
    case 'personal-data-certificate':
      return { personalDataItems: ['visible-card-data'], certificate: paper };
    case 'kinship-verification':
      return { verifyRelation: relative?.relation ?? 'parent', relatedCardNumber: relative?.cardNumber ?? otherCard(resident, 'chan-father') };
    case 'contact-change':
      return { contactSubject: { relation: 'self' }, contactDetails: { phone: '66123456' } };
    case 'marital-status-married':
      return { marriage: { registeredOn: '2026-10-01', civilRegistryAuthorised: true, spouseHoldsValidSmartCard: true, spouseCardNumber: otherCard(resident, 'lou-sio-fong') } };
    default:
      return {};
  }
}

/** The ID photo the kiosk would accept: the simulated card's face cropped to 413 × 531 (also what a test submits as a live capture). */
export function samplePhoto(): Promise<CapturedPhoto> {
  photo ??= cropToIdPhoto(faceJpeg()).then(({ jpeg }) => ({ source: 'live' as const, jpegBase64: jpeg.toString('base64'), ...ID_PHOTO_SIZE }));
  return photo.then((p) => structuredClone(p));
}

function sampleFinger(finger: Finger): Promise<CapturedFinger> {
  let made = fingers.get(finger);
  if (!made) {
    made = greyscalePng(syntheticFingerprint(IMAGE_WIDTH, IMAGE_HEIGHT, finger, QUALITY), IMAGE_WIDTH, IMAGE_HEIGHT).then((png) => ({
      finger,
      status: 'captured' as const,
      quality: QUALITY,
      templateBase64: Buffer.from(encodeProbeTemplate(finger, QUALITY, true)).toString('base64'),
      image: { pngBase64: png.toString('base64'), width: IMAGE_WIDTH, height: IMAGE_HEIGHT },
    }));
    fingers.set(finger, made);
  }
  return made.then((f) => structuredClone(f)); // a caller may alter its copy (tests do), never the next caller's
}

/** A signature with enough ink (also what a test submits from the pad). */
export function sampleSignature(): Promise<CapturedSignature> {
  signature ??= loadSharp()
    .then((sharp) => sharp(Buffer.from(SIGNATURE_SVG)).png().toBuffer())
    .then((png) => ({ pngBase64: png.toString('base64'), ...SIGNATURE }));
  return signature.then((s) => structuredClone(s));
}
