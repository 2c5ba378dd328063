import type { CapturedCardScan, CapturedFinger, CapturedPhoto, CapturedSignature, IdentityVerification } from '../backoffice/captured.js';
import type { BiometricsService } from '../biometrics/biometrics-service.js';
import { greyscalePng } from '../biometrics/finger-image.js';
import { KioskApiError } from '../../shared/kiosk-api/errors.js';
import type { PhotoService } from '../photo/photo-service.js';
import type { Step } from '../service-rules/index.js';
import type { Session } from '../sessions/session.js';
import type { PersonalPayload } from './payload.js';

type Captured = Pick<PersonalPayload, 'verification' | 'heightMm' | 'photo' | 'fingerprints' | 'signature' | 'cardScans'>;

function missing(step: Step['kind'], what: string): never {
  throw new KioskApiError('step-not-done', `the visit holds no ${what}`, step);
}

/**
 * What the visit captured, as the application carries it to the back office: for each step of the
 * plan, what that step produced in the host (never a value from the renderer). Called once every
 * step before payment is done, so a gap here is a bug or a tampered call; it is refused all the same.
 */
export async function capturedForApplication(
  session: Session,
  plan: readonly Step[],
  sources: { biometrics: BiometricsService; photos: PhotoService },
): Promise<Captured> {
  const { biometrics, photos } = sources;
  const applicant = biometrics.verifiedBy(session);
  if (applicant === undefined) missing('verify-identity', 'identity verification');
  const verification: IdentityVerification = { applicant };
  const guardian = session.guardian;
  if (plan.some((step) => step.kind === 'guardian-verification')) {
    const by = biometrics.guardianVerifiedBy(session);
    if (!guardian?.verified || by === undefined) missing('guardian-verification', "guardian's verification");
    verification.guardian = { relation: guardian.relation, cardNumber: guardian.cardNumber, verifiedBy: by };
  }
  const captured: Captured = { verification };
  for (const step of plan) {
    switch (step.kind) {
      case 'photo': {
        const photo = photos.photoOf(session);
        if (!photo) missing('photo', 'photo');
        captured.photo = { source: photo.source, jpegBase64: Buffer.from(photo.jpeg).toString('base64'), width: 413, height: 531 } satisfies CapturedPhoto;
        break;
      }
      case 'capture-fingerprints': {
        const fingers = biometrics.fingersForApplication(session);
        if (!fingers) missing('capture-fingerprints', 'complete ten-print capture');
        captured.fingerprints = await Promise.all(
          fingers.map(async ({ finger, status, capture }): Promise<CapturedFinger> => {
            if (status !== 'captured' || !capture) return { finger, status: status === 'captured' ? 'missing' : status };
            const png = await greyscalePng(capture.image, capture.width, capture.height);
            const image = { pngBase64: png.toString('base64'), width: capture.width, height: capture.height };
            png.fill(0);
            return { finger, status: 'captured', quality: capture.quality, templateBase64: Buffer.from(capture.template).toString('base64'), image };
          }),
        );
        break;
      }
      case 'signature': {
        const signature = photos.signatureOf(session);
        if (!signature) missing('signature', 'signature');
        captured.signature = { pngBase64: Buffer.from(signature.png).toString('base64'), width: signature.width, height: signature.height } satisfies CapturedSignature;
        break;
      }
      case 'scan-card': {
        const scans = photos.cardScansOf(session);
        captured.cardScans = step.sides.map((side) => {
          const jpeg = scans[side];
          if (!jpeg) missing('scan-card', `the card's ${side}`);
          return { side, jpegBase64: Buffer.from(jpeg).toString('base64'), width: 1011, height: 638 } satisfies CapturedCardScan;
        });
        break;
      }
      case 'height':
        if (session.heightMm === undefined) missing('height', 'height');
        captured.heightMm = session.heightMm;
        break;
      default:
        break;
    }
  }
  return captured;
}
