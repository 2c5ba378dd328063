import type { ApplicationOrchestrator } from '../applications/orchestrator.js';
import type { BiometricsService } from '../biometrics/biometrics-service.js';
import type { PhotoService } from '../photo/photo-service.js';
import type { Session } from '../sessions/session.js';
import type { CaptureRetakes, VisitEvidence } from './evidence.js';

export interface EvidenceSources {
  biometrics: BiometricsService;
  photos: PhotoService;
  applications: Pick<ApplicationOrchestrator, 'status'>;
}

/**
 * The visit's evidence, read from where the host keeps it: the session, the captures, the journal;
 * and the captures dropped when the resident goes back to do a step again.
 */
export function sessionEvidence(session: Session, sources: EvidenceSources, application: () => string | null): VisitEvidence & CaptureRetakes {
  const { biometrics, photos, applications } = sources;
  const holder = () => session.holder;
  return {
    applicantCardRead: () => holder() !== undefined,
    applicantVerifiedBy: () => (holder() ? biometrics.verifiedBy(session) : undefined),
    guardianVerified: () => session.guardian?.verified === true,
    tenPrint: () => biometrics.tenPrintSnapshot(session),
    photoSource: () => photos.photoOf(session)?.source,
    cardScanned: (side) => photos.cardScansOf(session)[side] !== undefined,
    signatureAccepted: () => photos.signatureOf(session) !== undefined,
    heightMm: () => session.heightMm,
    relativesRead: () => session.relatives.length,
    cardChecked: () => session.has('card-checked'),
    chipPinVerified: () => holder() !== undefined && session.verified.chipPinVerifiedFor === holder()?.cardNumber,
    contactSubjectRead: (relation) => session.verified.contactSubject?.relation === relation,
    spouseCardRead: () => session.verified.spouse !== undefined,
    ticketTaken: () => session.has('ticket-taken'),
    printed: (what) => session.has(`${what}-printed`),
    receiptLookedUp: () => session.has('receipt-looked-up'),
    applicationSent: () => {
      const id = application();
      if (id === null) return false;
      const { state } = applications.status(id);
      return state === 'submitted' || state === 'kept-for-later' || state === 'awaiting-counter-payment';
    },
    discard: (step) => {
      switch (step.kind) {
        case 'photo':
          return photos.discardPhoto(session);
        case 'height':
          return session.clearHeight();
        case 'scan-card':
          return photos.discardCardScans(session);
        case 'signature':
          return photos.discardSignature(session);
        default:
          return; // a choice: the new one replaces it when the step is completed again
      }
    },
  };
}
