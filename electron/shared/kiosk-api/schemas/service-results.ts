/**
 * What the rules answer, as zod schemas so the bridge can validate them across IPC.
 *
 * Money is integer avos (1 pataca = 100 avos): MOP 15 is 1500. Never a float.
 * Instants are ISO 8601 strings with the Macau offset, e.g. "2026-09-29T13:30:00+08:00".
 */
import { z } from 'zod';
import { FINGERS } from '../../../../devices/fingerprint-scanner/contract.js';
import { LocalDateSchema } from '../../calendar/local-date.js';
import { KinRelation, PersonalDataItem } from './service-facts.js';
import { ReasonCode } from './reason-codes.js';
import { PickupAddressSchema } from './pickup-address.js';
import { CounterOffice, PickupPlace, ServiceId } from './service-id.js';

const MacauIso = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);

export const Verdict = z.enum(['allowed', 'counter-only', 'not-allowed']);
export type Verdict = z.infer<typeof Verdict>;

export const EligibilitySchema = z.object({
  verdict: Verdict,
  /** Why the verdict is not `allowed` (empty when allowed). */
  reasons: z.array(ReasonCode),
  /** Warnings and hints that do not block (guardian needed, certificate expiring soon…). */
  notices: z.array(ReasonCode),
  /** When trying again at the kiosk would succeed (office hours, renewal window), if known. */
  availableFrom: MacauIso.nullable(),
});
export type Eligibility = z.infer<typeof EligibilitySchema>;

export const OfficeStatusSchema = z.object({
  office: PickupPlace,
  openNow: z.boolean(),
  nextOpenAt: MacauIso.nullable(),
});

export const AvailabilitySchema = z.object({
  serviceId: ServiceId,
  /** Kiosk services run 24 hours; some facts narrow that (see eligibility). */
  schedule: z.enum(['24-hours', 'office-hours']),
  openNow: z.boolean(),
  nextOpenAt: MacauIso.nullable(),
  /** DSI counter hours on a working day, right now. [003] */
  officeHoursNow: z.boolean(),
  workingDay: z.boolean(),
  offices: z.array(OfficeStatusSchema),
  notices: z.array(ReasonCode),
});
export type Availability = z.infer<typeof AvailabilitySchema>;

/** The ten fingers, as the fingerprint scanner's contract names them (one list for the kiosk). */
export const Finger = z.enum(FINGERS);
export type Finger = z.infer<typeof Finger>;

export const PaymentMethod = z.enum(['unionpay-quickpass', 'macau-pass', 'govpay']);
export type PaymentMethod = z.infer<typeof PaymentMethod>;

const step = <Kind extends string, Shape extends z.ZodRawShape>(kind: Kind, shape: Shape) =>
  z.object({ kind: z.literal(kind), ...shape });

/** One thing the renderer asks the person to do, in order. */
export const StepSchema = z.discriminatedUnion('kind', [
  step('read-card', { whose: z.enum(['applicant', 'guardian', 'card-to-check']) }),
  step('verify-identity', {
    who: z.enum(['applicant', 'guardian']),
    method: z.enum(['fingerprint', 'pin']),
    /** What to offer when fingerprints fail. [001 ID Q24C] */
    fallback: z.enum(['pin', 'counter']).nullable(),
  }),
  step('guardian-verification', {
    relations: z.array(z.enum(['father', 'mother', 'guardian'])),
    requiresMacauIdCard: z.literal(true),
  }),
  step('capture-fingerprints', { fingers: z.array(Finger).min(1) }),
  step('photo', {
    sources: z.array(z.enum(['live', 'one-account-id-photo', 'scanned-photo'])).min(1),
    /** Maximum age of a 一戶通 "ID photo", when that source is offered. [000] */
    oneAccountPhotoMaxAgeDays: z.number().int().positive().nullable(),
  }),
  step('height', {}),
  /** The ID card laid on the scanner, each side asked. [001 ID Q31] */
  step('scan-card', { sides: z.array(z.enum(['front', 'back'])).min(1).max(2) }),
  step('signature', {}),
  /** The resident checks what the new card will carry (the card's data, photo, height, signature) before pickup and payment. */
  step('review', {}),
  step('relatives-cards', { min: z.number().int(), max: z.number().int(), relations: z.array(KinRelation) }),
  step('enter-related-id', { relations: z.array(KinRelation) }),
  step('enter-pin', { digits: z.literal(6), purpose: z.enum(['read-chip-data', 'verify-identity']) }),
  step('choose-data-items', { items: z.array(PersonalDataItem) }),
  step('choose-certificate-format', { formats: z.array(z.enum(['paper', 'electronic'])) }),
  step('enter-contact-details', { subject: z.enum(['self', 'minor-child', 'ward']) }),
  step('confirm-marriage-data', {}),
  step('choose-ticket', { offices: z.array(CounterOffice), kinds: z.array(z.enum(['same-day', 'booking'])) }),
  step('print-ticket', {}),
  step('choose-pickup', { places: z.array(PickupPlace) }),
  step('payment', { methods: z.array(PaymentMethod), counterAllowed: z.boolean() }),
  step('receipt', { options: z.array(z.enum(['photograph-qr', 'print'])) }),
  step('print-result', { document: z.enum(['authenticity-check', 'chip-data']) }),
  step('scan-pickup-receipt', {}),
  step('return-old-card', {}),
  step('collect-document', {}),
]);
export type Step = z.infer<typeof StepSchema>;
export type StepKind = Step['kind'];

export const FeeLineSchema = z.object({
  code: z.string(),
  quantity: z.number().int().nonnegative(),
  /** Integer avos. */
  unitAmount: z.number().int().nonnegative(),
  /** Integer avos = quantity × unitAmount. */
  amount: z.number().int().nonnegative(),
});

export const FeeQuoteSchema = z.object({
  currency: z.literal('MOP'),
  /** All amounts are integer avos (MOP 1 = 100 avos). */
  unit: z.literal('avos'),
  lines: z.array(FeeLineSchema),
  total: z.number().int().nonnegative(),
  /** True when a choice the price depends on (e.g. paper or electronic) is not made yet. */
  incomplete: z.boolean(),
});
export type FeeQuote = z.infer<typeof FeeQuoteSchema>;

export const PickupOptionSchema = z.object({
  place: PickupPlace,
  /** The place's address in the four languages, from the host's pickup table. */
  address: PickupAddressSchema,
  readyAt: MacauIso,
  readyDate: LocalDateSchema,
  /** Smart locker: collect within N days of the 一戶通 notice, or it goes back to HQ. [003] */
  collectWithinDays: z.number().int().positive().nullable(),
  notices: z.array(ReasonCode),
});
export type PickupOption = z.infer<typeof PickupOptionSchema>;

export const EvaluationSchema = z.object({
  serviceId: ServiceId,
  eligibility: EligibilitySchema,
  availability: AvailabilitySchema,
  steps: z.array(StepSchema),
  quote: FeeQuoteSchema,
  pickupOptions: z.array(PickupOptionSchema),
  /** Date by which the result is due, for services with a commitment in working days. */
  resultDueBy: LocalDateSchema.nullable(),
  /**
   * The applicant's PSP residence certificate, for services that ride on it (non-permanent renewal):
   * the renewal must be done within its validity [000, Law 16/2021]. `daysLeft` counts from today
   * (Macau); `eligibility.notices` carries `residence-certificate-expiring-soon` when it is near.
   */
  residenceCertificate: z.object({ issuedOn: LocalDateSchema, validUntil: LocalDateSchema, daysLeft: z.number().int() }).nullable().optional(),
});
export type Evaluation = z.infer<typeof EvaluationSchema>;
