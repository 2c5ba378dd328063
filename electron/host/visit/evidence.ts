import type { Finger } from '../../../devices/fingerprint-scanner/contract.js';
import type { RequestOptions, Step, StepKind } from '../service-rules/index.js';

/**
 * What the host itself holds about a visit, read when the visit machine asks whether a step is
 * done. Every answer comes from the host's own records (the card it read, the verification it ran,
 * the photo it accepted, the gauge's reading…), never from what the renderer says.
 */
export interface VisitEvidence {
  /** The applicant's card, read in this visit from a placement made after the visit began. */
  applicantCardRead(): boolean;
  /** How the applicant was verified in this visit against the card read (finger match or the card's PIN). */
  applicantVerifiedBy(): 'fingerprint' | 'pin' | undefined;
  /** A minor's accompanying adult: card read, on the minor's file, and verified. */
  guardianVerified(): boolean;
  /** The ten-print capture: each finger's status, for the fingers asked. */
  tenPrint(): { fingers: ReadonlyArray<{ finger: Finger; status: 'pending' | 'captured' | 'missing' | 'injured' | 'failed' }> } | undefined;
  /** The ID photo the host accepted, and where it came from. */
  photoSource(): 'live' | 'my-photo' | 'scanned-photo' | undefined;
  /** The sides of the ID card the host scanned and kept in this visit. */
  cardScanned(side: 'front' | 'back'): boolean;
  /** A signature with enough ink to be one. */
  signatureAccepted(): boolean;
  heightMm(): number | undefined;
  relativesRead(): number;
  /** The card checked for authenticity in this visit. */
  cardChecked(): boolean;
  /** The applicant's general PIN was verified on their own card (chip-data print). */
  chipPinVerified(): boolean;
  /** The second card of a contact change (child's or ward's) read and its relation looked up. */
  contactSubjectRead(relation: 'minor-child' | 'ward'): boolean;
  /** The spouse's card read (marital status). */
  spouseCardRead(): boolean;
  /** A queue ticket taken from the back office in this visit. */
  ticketTaken(): boolean;
  /** Something printed at this step: the ticket, a check or chip-data result. */
  printed(what: 'ticket' | 'authenticity-check' | 'chip-data'): boolean;
  /** The receipt number looked up (collection). */
  receiptLookedUp(): boolean;
  /** The visit's application: paid (or free) and on its way to the back office. */
  applicationSent(): boolean;
}

/**
 * What the host does when the resident goes back to a capture (`visit.back`): it drops the earlier
 * capture, so the step is done again only with a new one (a retaken photo, a new measurement…).
 */
export interface CaptureRetakes {
  discard(step: Step): void;
}

type Check<K extends StepKind> = (step: Extract<Step, { kind: K }>, evidence: VisitEvidence, request: RequestOptions) => boolean;

/** What makes each step done. One entry per step kind: a new kind fails to compile until it has one. */
export const STEP_EVIDENCE: { [K in StepKind]: Check<K> } = {
  'read-card': (step, e) => (step.whose === 'applicant' ? e.applicantCardRead() : step.whose === 'card-to-check' ? e.cardChecked() : e.guardianVerified()),
  'verify-identity': (step, e) => (step.who === 'applicant' ? e.applicantVerifiedBy() !== undefined : e.guardianVerified()),
  'guardian-verification': (_step, e) => e.guardianVerified(),
  'capture-fingerprints': (step, e) => {
    const fingers = e.tenPrint()?.fingers;
    if (!fingers || fingers.length !== step.fingers.length) return false;
    // Every finger asked is captured or recorded missing or injured; a failed finger goes to a counter. [001 ID Q24C]
    return step.fingers.every((finger) => ['captured', 'missing', 'injured'].includes(fingers.find((f) => f.finger === finger)?.status ?? 'pending'));
  },
  photo: (step, e) => {
    const source = e.photoSource();
    if (source === undefined) return false;
    return step.sources.includes(source === 'my-photo' ? 'one-account-id-photo' : source);
  },
  height: (_step, e) => e.heightMm() !== undefined,
  'scan-card': (step, e) => step.sides.every((side) => e.cardScanned(side)),
  signature: (_step, e) => e.signatureAccepted(),
  review: () => true, // the resident's confirmation is the `visit.complete` call itself
  'relatives-cards': (step, e) => e.relativesRead() >= step.min && e.relativesRead() <= step.max,
  'enter-related-id': (step, _e, request) =>
    request.relatedCardNumber !== undefined && request.verifyRelation !== undefined && step.relations.includes(request.verifyRelation),
  'enter-pin': (_step, e) => e.chipPinVerified(),
  'choose-data-items': (_step, _e, request) => (request.personalDataItems?.length ?? 0) > 0,
  'choose-certificate-format': (step, _e, request) => request.certificate !== undefined && step.formats.includes(request.certificate.format),
  'enter-contact-details': (step, e, request) => {
    // A child's or ward's details: their card read at this step, whatever the renderer says of them.
    const subject = request.contactSubject?.relation ?? step.subject;
    return request.contactDetails !== undefined && (subject === 'self' || e.contactSubjectRead(subject));
  },
  'confirm-marriage-data': (_step, e, request) => request.marriage !== undefined && e.spouseCardRead(),
  'choose-ticket': (_step, _e, request) => request.ticket !== undefined,
  'print-ticket': (_step, e) => e.ticketTaken() && e.printed('ticket'),
  'choose-pickup': (step, _e, request) => request.pickupPlace !== undefined && step.places.includes(request.pickupPlace),
  payment: (_step, e) => e.applicationSent(),
  receipt: (_step, e) => e.applicationSent(),
  'print-result': (step, e) => e.printed(step.document),
  'scan-pickup-receipt': (_step, e) => e.receiptLookedUp(),
  // Not done at this kiosk (a counter takes the old card and hands over the document).
  'return-old-card': () => false,
  'collect-document': () => false,
};

export function hasEvidence(step: Step, evidence: VisitEvidence, request: RequestOptions): boolean {
  return (STEP_EVIDENCE[step.kind] as Check<StepKind>)(step as never, evidence, request);
}
