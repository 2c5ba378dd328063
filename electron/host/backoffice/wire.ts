/**
 * The back office's HTTP JSON API as the kiosk sees it (DSI and PSP systems behind one gateway).
 * One schema per message, used by the kiosk's client to validate every answer and by the
 * simulator (simulators/backoffice) to validate every request. Errors are RFC 9457 problem+json.
 */
import { z } from 'zod';
import { LocalDateSchema } from '../../shared/calendar/local-date.js';
import { CardNumber, KinRelation, PersonSchema, RequestSchema, ResidenceCertificateSchema } from '../../shared/kiosk-api/schemas/service-facts.js';
import { CounterOffice, PickupPlace, ServiceId } from '../../shared/kiosk-api/schemas/service-id.js';
import { CapturedCardScans, CapturedFingerprints, CapturedPhoto, CapturedSignature, FingerName, IdentityVerification } from './captured.js';

export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  /** Stable code the kiosk branches on, e.g. `not-found`, `idempotency-key-reused`, `application-refused`. */
  code: z.string().max(80),
  detail: z.string().max(500).optional(),
});
export type Problem = z.infer<typeof Problem>;

export const Health = z.object({ status: z.literal('ok') });

/** Personal lookups send the card number in the body, never in the URL (URLs end up in logs). */
export const CardLookup = z.strictObject({ cardNumber: CardNumber });

export const PersonRecord = z.object({
  person: PersonSchema,
  /** Present for non-permanent residents: the PSP certificate received through 一戶通. */
  residenceCertificate: ResidenceCertificateSchema.optional(),
  /**
   * For minors: who may accompany them (parents, guardian), each with a Macau ID card or not, and that
   * card's number when on file (the kiosk checks the accompanying adult's card against it).
   */
  guardians: z
    .array(z.object({ relation: z.enum(['father', 'mother', 'guardian']), holdsMacauIdCard: z.boolean(), cardNumber: CardNumber.optional() }))
    .default([]),
  /** The 一戶通 "My Photo" share code, when the resident has one. */
  photoShareCode: z.string().max(40).optional(),
});
export type PersonRecord = z.infer<typeof PersonRecord>;

export const KinshipRecord = z.object({
  onFile: z.object({ parents: z.boolean(), children: z.boolean(), spouse: z.boolean() }),
  relatives: z.array(z.object({ relation: KinRelation, cardNumber: CardNumber })),
});
export type KinshipRecord = z.infer<typeof KinshipRecord>;

export const Photo = z.object({ jpegBase64: z.string().max(2_000_000), takenOn: LocalDateSchema });

export const ApplicationSubmission = z.strictObject({
  /** Also the Idempotency-Key: one application, one key, however many times it is sent. */
  applicationId: z.string().min(8).max(80),
  kioskId: z.string().min(1).max(64),
  kioskSessionId: z.string().min(1).max(80),
  service: ServiceId,
  request: RequestSchema,
  feeAvos: z.number().int().nonnegative(),
  /** The resident pays the fee at a counter (office hours): sent unpaid, `payment` null. Absent otherwise. */
  payAtCounter: z.literal(true).optional(),
  payment: z
    .strictObject({
      method: z.enum(['terminal', 'govpay']),
      reference: z.string().min(1).max(100),
      amountAvos: z.number().int().positive(),
      authCode: z.string().max(40).nullable(),
    })
    .nullable(),
  applicant: z.strictObject({
    cardNumber: CardNumber,
    nameZh: z.string().max(40),
    nameLatin: z.string().max(80),
    dateOfBirth: LocalDateSchema,
  }),
  /** How the kiosk verified the applicant (and a minor's guardian). */
  verification: IdentityVerification,
  /** Measured at the kiosk for the new card (mm). The pickup place is `request.pickupPlace`. */
  heightMm: z.number().int().min(500).max(2500).optional(),
  /** The ID photo the kiosk accepted (renewals): docs/backoffice-api.md "Captured data". */
  photo: CapturedPhoto.optional(),
  /** Every finger the renewal asked for: captured (template + image) or missing/injured. */
  fingerprints: CapturedFingerprints.optional(),
  /** The applicant's signature for the card (permanent renewal). */
  signature: CapturedSignature.optional(),
  /** The ID card's surface, side by side (permanent renewal): docs/backoffice-api.md "Captured data". */
  cardScans: CapturedCardScans.optional(),
  queuedAt: z.iso.datetime({ offset: true }),
});
export type ApplicationSubmission = z.infer<typeof ApplicationSubmission>;

export const ApplicationAccepted = z.object({
  applicationId: z.string(),
  receiptNumber: z.string().regex(/^R\d{10}$/),
  acceptedAt: z.iso.datetime({ offset: true }),
});
export type ApplicationAccepted = z.infer<typeof ApplicationAccepted>;

/** `POST /v1/applications/{id}/withdraw` (Idempotency-Key = id): the resident changed their mind. */
export const WithdrawalRequest = z.strictObject({ reason: z.enum(['cancelled-by-resident']) });
/**
 * The back office no longer processes the application. `received: false`: it never had it (a kept-for-later
 * application cancelled before it was sent); the id is remembered so a late submission is refused.
 * `refund`: the payment the kiosk gives back (the back office records it; the kiosk voids or refunds it).
 */
export const ApplicationWithdrawn = z.object({
  applicationId: z.string(),
  received: z.boolean(),
  withdrawnAt: z.iso.datetime({ offset: true }),
  refund: z.object({ reference: z.string(), amountAvos: z.number().int().positive() }).nullable(),
});
export type ApplicationWithdrawn = z.infer<typeof ApplicationWithdrawn>;

/** What a counter (or the kiosk's collection screen) sees when it scans a receipt number. */
export const Collection = z.object({
  receiptNumber: z.string(),
  service: ServiceId,
  status: z.enum(['processing', 'ready', 'collected', 'withdrawn']),
  counter: z.string().max(10).nullable(),
  /** The applicant's name as submitted; the kiosk masks it before any screen shows it. */
  applicant: z.object({ nameZh: z.string().max(40), nameLatin: z.string().max(80) }),
  acceptedAt: z.iso.datetime({ offset: true }),
});
export type Collection = z.infer<typeof Collection>;

export const GovPayCreate = z.strictObject({
  /** Our reference; also the Idempotency-Key. */
  reference: z.string().min(1).max(100),
  amountAvos: z.number().int().positive(),
  description: z.string().max(100),
});
export const GovPayStatus = z.enum(['pending', 'paid', 'cancelled', 'expired', 'refunded']);
export type GovPayStatus = z.infer<typeof GovPayStatus>;
export const GovPayPayment = z.object({
  reference: z.string(),
  amountAvos: z.number().int().positive(),
  status: GovPayStatus,
  /** The text the kiosk shows as a QR code for the resident's 政付通 app. */
  qr: z.string().max(500),
  expiresAt: z.iso.datetime({ offset: true }),
  transactionId: z.string().nullable(),
});
export type GovPayPayment = z.infer<typeof GovPayPayment>;

export const TicketRequest = z.strictObject({ office: CounterOffice, kind: z.enum(['same-day', 'booking']) });
export const Ticket = z.object({ ticketNumber: z.string().max(10), office: CounterOffice, issuedAt: z.iso.datetime({ offset: true }) });

/**
 * Test and tester control: what arrived with an application, without the pictures' bytes (those are
 * `GET /v1/_control/applications/{id}/photo`, `…/fingers/{finger}`, `…/signature`).
 */
export const ControlCaptured = z.object({
  verification: IdentityVerification,
  photo: z.object({ source: CapturedPhoto.shape.source, bytes: z.number().int() }).nullable(),
  fingerprints: z.array(
    z.object({
      finger: FingerName,
      status: z.enum(['captured', 'missing', 'injured']),
      quality: z.number().int().nullable(),
      image: z.object({ width: z.number().int(), height: z.number().int() }).nullable(),
    }),
  ),
  signature: z.object({ width: z.number().int(), height: z.number().int(), bytes: z.number().int() }).nullable(),
});

/** Test and tester control: what the back office holds, and faults to inject. */
export const ControlApplication = z.object({
  applicationId: z.string(),
  kioskSessionId: z.string(),
  service: ServiceId,
  receiptNumber: z.string(),
  feeAvos: z.number().int(),
  paymentReference: z.string().nullable(),
  /** Sent unpaid: the fee is to be paid at a counter. */
  payAtCounter: z.boolean(),
  /** How many times the same key and body came again (harmless: answered from the first). */
  replays: z.number().int().nonnegative(),
  pickupPlace: PickupPlace.nullable(),
  heightMm: z.number().int().nullable(),
  /** What the kiosk captured (null for an application stored before the simulator kept it). */
  captured: ControlCaptured.nullable(),
  /** Set once the resident cancelled it at the kiosk: when, and the payment given back. */
  withdrawal: z.object({ withdrawnAt: z.string(), reason: z.string(), refund: z.object({ reference: z.string(), amountAvos: z.number().int() }).nullable() }).nullable(),
});
export const ControlFaults = z.strictObject({
  /** `unavailable`: every submission answers 503 before storing anything. `lose-response`: stored, then the connection is dropped. */
  submissions: z.enum(['ok', 'unavailable', 'lose-response']).default('ok'),
  /** Every endpoint answers 503 (a back office that is down but whose port is open). */
  down: z.boolean().default(false),
  /** Every non-control request waits this long before it is answered (a slow back office). */
  latencyMs: z.number().int().min(0).max(120_000).default(0),
  /** Every non-control request has its connection dropped unanswered (a back office refusing the kiosk's connections). */
  refusing: z.boolean().default(false),
});
