import { z } from 'zod';
import { CardNumber, RequestSchema } from '../../shared/kiosk-api/schemas/service-facts.js';
import { LocalDateSchema } from '../../shared/calendar/local-date.js';
import type { ApplicationRow, PaymentRow } from '../../shared/kiosk-api/schemas/journal-states.js';
import type { ApplicationSubmission } from '../backoffice/wire.js';
import { CapturedCardScans, CapturedFingerprints, CapturedPhoto, CapturedSignature, IdentityVerification } from '../backoffice/captured.js';

/**
 * The personal part of an application, sealed in the journal until the back office has it. Fixed
 * at the draft, so every resend builds the same body (same key, same body: a replay, not a conflict).
 */
export const PersonalPayload = z.strictObject({
  kioskId: z.string().min(1),
  applicant: z.strictObject({ cardNumber: CardNumber, nameZh: z.string().max(40), nameLatin: z.string().max(80), dateOfBirth: LocalDateSchema }),
  request: RequestSchema,
  /** How the host verified the applicant (and a minor's guardian) in this visit. */
  verification: IdentityVerification,
  /** Measured by the host's gauge in this visit (never sent by the renderer). */
  heightMm: z.number().int().min(500).max(2500).optional(),
  /** What the host accepted and captured in this visit (docs/backoffice-api.md "Captured data"). */
  photo: CapturedPhoto.optional(),
  fingerprints: CapturedFingerprints.optional(),
  signature: CapturedSignature.optional(),
  /** The ID card's surface, scanned in this visit (permanent renewal). */
  cardScans: CapturedCardScans.optional(),
});
export type PersonalPayload = z.infer<typeof PersonalPayload>;

export function encodePayload(payload: PersonalPayload): Buffer {
  return Buffer.from(JSON.stringify(PersonalPayload.parse(payload)), 'utf8');
}

export function decodePayload(bytes: Uint8Array): PersonalPayload {
  return PersonalPayload.parse(JSON.parse(Buffer.from(bytes).toString('utf8')));
}

/** The submission, from the sealed payload and the journal's own fields only: deterministic. */
export function buildSubmission(app: ApplicationRow, payload: PersonalPayload, payment: PaymentRow | undefined): ApplicationSubmission {
  if (app.queuedAt === null) throw new Error(`application ${app.id} is not queued`);
  return {
    applicationId: app.id,
    kioskId: payload.kioskId,
    kioskSessionId: app.sessionId,
    service: app.service as ApplicationSubmission['service'],
    request: payload.request,
    feeAvos: app.feeAvos,
    ...(app.state === 'counter-queued' ? { payAtCounter: true as const } : {}),
    payment: payment ? { method: payment.method, reference: payment.reference, amountAvos: payment.amountAvos, authCode: payment.authCode } : null,
    applicant: payload.applicant,
    ...(payload.heightMm !== undefined ? { heightMm: payload.heightMm } : {}),
    verification: payload.verification,
    ...(payload.photo !== undefined ? { photo: payload.photo } : {}),
    ...(payload.fingerprints !== undefined ? { fingerprints: payload.fingerprints } : {}),
    ...(payload.signature !== undefined ? { signature: payload.signature } : {}),
    ...(payload.cardScans !== undefined ? { cardScans: payload.cardScans } : {}),
    queuedAt: app.queuedAt,
  };
}
