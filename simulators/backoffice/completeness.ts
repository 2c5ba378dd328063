import { FINGERS, type Finger } from '../../devices/fingerprint-scanner/contract.js';
import { ID_PHOTO_SIZE } from '../../electron/host/backoffice/captured.js';
import type { ApplicationSubmission, PersonRecord } from '../../electron/host/backoffice/wire.js';
import { macauDateOf } from '../../electron/shared/calendar/macau-time.js';
import { ageOn } from '../../electron/host/service-rules/age.js';
import type { ServiceId } from '../../electron/shared/kiosk-api/schemas/service-id.js';
import { imageProblem } from './image-check.js';

/** The fingers every renewal records when the file does not ask for all ten. */
export const STANDARD_FINGERS: readonly Finger[] = ['right-index', 'left-index'];

/** Below this age on the application date an applicant comes with a verified guardian. */
const ADULT_AGE = 18;

type Check = (body: ApplicationSubmission, person: PersonRecord['person']) => string[];

/**
 * What the back office needs in each service's application, as item names (`photo`,
 * `fingerprints.left-index`, `request.certificate`, …). docs/backoffice-api.md "Captured data"
 * lists the same rules. A service without an entry needs nothing beyond the schema.
 */
const NEEDS: Partial<Record<ServiceId, Check>> = {
  'renew-permanent': (body, person) => [
    ...needPhoto(body),
    ...needFingers(body, person),
    ...(body.signature ? [] : ['signature']),
    ...(person.captureNeeds?.height === true && body.heightMm === undefined ? ['heightMm'] : []),
  ],
  'renew-nonpermanent': (body, person) => [
    ...needPhoto(body),
    ...needFingers(body, person),
    ...(person.captureNeeds?.height !== false && body.heightMm === undefined ? ['heightMm'] : []),
    ...(isMinorOn(person, body.queuedAt) && !body.verification.guardian ? ['verification.guardian'] : []),
  ],
  'kinship-certificate': ({ request }) => [
    ...(!request.relatives?.length ? ['request.relatives'] : request.relatives.flatMap((r, i) => (r.cardNumber ? [] : [`request.relatives[${i}].cardNumber`]))),
    ...(request.certificate ? [] : ['request.certificate']),
  ],
  'personal-data-certificate': ({ request }) => [
    ...(request.personalDataItems?.length ? [] : ['request.personalDataItems']),
    ...(request.certificate ? [] : ['request.certificate']),
  ],
  'kinship-verification': ({ request }) => [
    ...(request.verifyRelation ? [] : ['request.verifyRelation']),
    ...(request.relatedCardNumber ? [] : ['request.relatedCardNumber']),
  ],
  'contact-change': ({ request }) => [
    ...(request.contactDetails && Object.keys(request.contactDetails).length > 0 ? [] : ['request.contactDetails']),
    ...(request.contactSubject && request.contactSubject.relation !== 'self' && !request.contactSubject.cardNumber ? ['request.contactSubject.cardNumber'] : []),
  ],
  'marital-status-married': ({ request }) => (request.marriage?.spouseCardNumber ? [] : ['request.marriage.spouseCardNumber']),
};

/**
 * Everything missing or unusable in an application, for the 422 `application-incomplete` problem:
 * the service's required items (above), then every picture it carries, decoded in full (a corrupt
 * photo, finger image or signature is as good as none). Empty when the application is complete.
 * `person` is the back office's own file of the applicant (capture needs, date of birth).
 */
export async function missingItems(body: ApplicationSubmission, person: PersonRecord['person']): Promise<string[]> {
  const missing = NEEDS[body.service]?.(body, person) ?? [];
  return [...missing, ...(await unusablePictures(body))];
}

function needPhoto(body: ApplicationSubmission): string[] {
  return body.photo ? [] : ['photo'];
}

/** All ten when the file asks for them, else the standard two; each captured, or missing/injured. */
function needFingers(body: ApplicationSubmission, person: PersonRecord['person']): string[] {
  if (!body.fingerprints) return ['fingerprints'];
  const required = person.captureNeeds?.tenFingerprints ? FINGERS : STANDARD_FINGERS;
  const given = new Set(body.fingerprints.map((f) => f.finger));
  return required.filter((finger) => !given.has(finger)).map((finger) => `fingerprints.${finger}`);
}

function isMinorOn(person: PersonRecord['person'], queuedAt: string): boolean {
  return ageOn(person.dateOfBirth, macauDateOf(new Date(queuedAt)), 'march-1') < ADULT_AGE;
}

async function unusablePictures(body: ApplicationSubmission): Promise<string[]> {
  const checks: Array<Promise<string | null>> = [];
  const label = (name: string) => (problem: string | null) => (problem ? `${name} (${problem})` : null);
  if (body.photo) checks.push(imageProblem(body.photo.jpegBase64, { format: 'jpeg', ...ID_PHOTO_SIZE }).then(label('photo')));
  for (const finger of body.fingerprints ?? []) {
    if (finger.status !== 'captured') continue;
    const name = `fingerprints.${finger.finger}`;
    if (Buffer.from(finger.templateBase64, 'base64').length === 0) checks.push(Promise.resolve(`${name}.template (empty)`));
    checks.push(imageProblem(finger.image.pngBase64, { format: 'png', width: finger.image.width, height: finger.image.height, greyscale: true }).then(label(`${name}.image`)));
  }
  if (body.signature) {
    const { pngBase64, width, height } = body.signature;
    checks.push(imageProblem(pngBase64, { format: 'png', width, height }).then(label('signature')));
  }
  return (await Promise.all(checks)).filter((p): p is string => p !== null);
}
