import { z } from 'zod';
import { DEVICE_KINDS } from '../../../devices/kinds.js';
import { HEIGHT_PROMPTS } from '../../../devices/height-gauge/contract.js';
import { EnclosureLayout } from './schemas/enclosure.js';
import { Language } from './schemas/language.js';
// Pure schema modules of the service rules (no I/O), shared with the renderer through this contract.
import { RequestSchema } from './schemas/service-facts.js';
import { AvailabilitySchema, EvaluationSchema, FeeQuoteSchema, PaymentMethod, PickupOptionSchema } from './schemas/service-results.js';
import { ApplicationStatus } from './schemas/application-status.js';
import { ServiceId } from './schemas/service-id.js';
import { ServiceOverviewSchema } from './schemas/service-overview.js';
import { biometricsEvents, biometricsMethods } from './schemas/biometrics.js';
import { counterMethods } from './schemas/counter.js';
import { ContactDetailsSchema, ContactPhone, ownDataMethods } from './schemas/own-data.js';
import { relativesMethods } from './schemas/relatives.js';
import { guardianMethods } from './schemas/guardian.js';
import { staffEvents, staffMethods } from './schemas/staff.js';
import { visitEvents, visitMethods } from './schemas/visit.js';
import { availabilityEvents, availabilityMethods } from './schemas/availability.js';
import { maintenanceEvents, maintenanceMethods } from './schemas/maintenance.js';

export { ServiceId, ApplicationStatus };
/** The renderer checks what the resident types against the host's own schemas before sending it. */
export { ContactDetailsSchema, ContactPhone };
/** Limits both sides check (the renderer before sending, the host on what it receives). */
export { SIGNATURE_MIN_INK } from './schemas/biometrics.js';
export type { VisitState, CardOnReader } from './schemas/visit.js';
export type { KioskAvailability, ServiceAvailabilityNow, ReceiptOutput } from './schemas/availability.js';
export type { MaintenanceView } from './schemas/maintenance.js';
export { MaintenancePin } from './schemas/maintenance.js';
export { DEFAULT_ENCLOSURE, type EnclosureLevel, type EnclosurePlace, type EnclosureSide } from './schemas/enclosure.js';

/**
 * KioskApi: the one contract between the renderer (a view) and the kiosk host. Each method is a
 * params schema and a result schema; each event a payload schema. Both sides validate every
 * message against these, whichever transport carries it.
 *
 * Method names are `namespace.verb`; the renderer sees them as `api.namespace.verb(params)`.
 */

export { Language };

export const DeviceKind = z.enum(DEVICE_KINDS);
export type DeviceKind = z.infer<typeof DeviceKind>;

const IsoDate = z.iso.date();
const IsoDateTime = z.iso.datetime({ offset: true });

export const DeviceHealth = z.object({
  device: DeviceKind,
  state: z.enum(['online', 'offline', 'degraded']),
  /** A stable code (e.g. `paper-near-end`), translated by the technician screen. */
  detail: z.string().max(100).optional(),
  model: z.string().max(100),
});
export type DeviceHealth = z.infer<typeof DeviceHealth>;

export const KioskInfo = z.object({
  kioskId: z.string(),
  version: z.string(),
  languages: z.array(Language).min(1),
  defaultLanguage: Language,
  idle: z.object({
    /** Seconds of inactivity before the spoken warning starts. */
    timeoutSeconds: z.number().int().positive(),
    /** Seconds the warning lasts; touching once extends the session. */
    warningSeconds: z.number().int().positive(),
  }),
  /** Test mode (simulated devices or `testMode: true`): the screen carries a TEST MODE mark. */
  testMode: z.boolean(),
  /** Where each device is on this kiosk's front, for the guidance pictures (operator configuration). */
  enclosure: EnclosureLayout,
});
export type KioskInfo = z.infer<typeof KioskInfo>;

export const SessionInfo = z.object({
  sessionId: z.string(),
  language: Language,
  startedAt: IsoDateTime,
  /** When the idle warning starts unless the resident touches the screen. */
  idleWarningAt: IsoDateTime,
});
export type SessionInfo = z.infer<typeof SessionInfo>;

/** The visible data on the ID card, as read from the chip. */
export const CardHolder = z.object({
  /** Seven digits and a check digit in brackets, e.g. `1234567(8)`. */
  cardNumber: z.string().regex(/^\d{7}\(\d\)$/),
  nameZh: z.string().max(40),
  nameLatin: z.string().max(80),
  sex: z.enum(['F', 'M']),
  dateOfBirth: IsoDate,
  permanent: z.boolean(),
  firstIssue: IsoDate,
  currentIssue: IsoDate,
  /** `null` for a card valid for life. */
  expiry: IsoDate.nullable(),
});
export type CardHolder = z.infer<typeof CardHolder>;

export const SessionEndReason = z.enum(['finished', 'cancelled', 'idle-timeout', 'host-stopped']);
export type SessionEndReason = z.infer<typeof SessionEndReason>;

const NoParams = z.strictObject({});

function method<P extends z.ZodType, R extends z.ZodType>(params: P, result: R) {
  return { params, result };
}

export const kioskMethods = {
  'kiosk.info': method(NoParams, KioskInfo),
  'kiosk.health': method(NoParams, z.object({ devices: z.array(DeviceHealth) })),
  // What the devices let the kiosk offer now (electron/shared/kiosk-api/schemas/availability.ts).
  ...availabilityMethods,
  // The technicians' maintenance mode (electron/shared/kiosk-api/schemas/maintenance.ts).
  ...maintenanceMethods,
  'session.start': method(z.strictObject({ language: Language }), SessionInfo),
  'session.setLanguage': method(z.strictObject({ language: Language }), SessionInfo),
  /** Any touch on the screen: postpones the idle warning, or cancels one in progress. */
  'session.touch': method(NoParams, SessionInfo),
  'session.end': method(z.strictObject({ reason: z.enum(['finished', 'cancelled']) }), z.object({})),
  /**
   * Waits for an ID card on the reader and reads its visible data. Long: pass an AbortSignal.
   * Fails with `card-removed` when the card leaves mid-read (ask for it again), `timeout` when no
   * card comes within the configured time, `device-not-connected` when the reader is offline.
   */
  'identity.readCard': method(NoParams, z.object({ holder: CardHolder })),
  /** Every service with its availability now, in menu order. */
  'services.list': method(NoParams, z.object({ services: z.array(z.object({ id: ServiceId, availability: AvailabilitySchema })) })),
  /**
   * Eligibility, availability, steps, fee and pickup for one service, from what the session knows
   * so far (the card once read; the person once the back office answers) and the request's choices.
   */
  'services.evaluate': method(z.strictObject({ service: ServiceId, request: RequestSchema.optional() }), EvaluationSchema),
  'services.quote': method(z.strictObject({ service: ServiceId, request: RequestSchema }), FeeQuoteSchema),
  'services.pickupOptions': method(z.strictObject({ service: ServiceId }), z.object({ options: z.array(PickupOptionSchema) })),
  /** Before a service starts: its steps ("if needed" where they depend on the person), time estimate, fee, what to have ready. */
  'services.overview': method(z.strictObject({ service: ServiceId }), ServiceOverviewSchema),
  // The visit the host holds: the chosen service's steps, each done only with the host's own evidence (electron/shared/kiosk-api/schemas/visit.ts).
  ...visitMethods,
  // Fingerprints, photo, signature, camera health (electron/shared/kiosk-api/schemas/biometrics.ts).
  ...biometricsMethods,
  // A second card (child, ward, spouse) and the chip-data print (electron/shared/kiosk-api/schemas/own-data.ts).
  ...ownDataMethods,
  // A kinship certificate's relatives, read card by card (electron/shared/kiosk-api/schemas/relatives.ts).
  ...relativesMethods,
  // A minor's accompanying adult (electron/shared/kiosk-api/schemas/guardian.ts).
  ...guardianMethods,
  /**
   * Creates the visit's application, priced by the host from the choices the visit holds, carrying
   * what the kiosk captured (photo, fingerprints, signature, height, how the applicant was verified).
   * Only at the visit's payment step (a free service: its receipt step) with every step before it
   * done (`step-not-done`, detail: the step missing). Fails `backoffice-unavailable` when the back
   * office does not answer: nothing is charged for an application that cannot be sent.
   */
  'applications.start': method(z.strictObject({ service: ServiceId }), ApplicationStatus),
  /**
   * Pays (with `payment` when there is a fee) and sends the application. Long: the terminal waits
   * for the card, GovPay for the resident's app (the QR arrives in `applications.changed`);
   * cancelling while waiting for the card stops the sale. Resolves with what the receipt shows:
   * `submitted`, `kept-for-later` (paid; sent when the back office is back), `refunded`, or
   * `awaiting-payment` with the decline reason (try again). `payment-in-progress` while an earlier
   * charge is unsettled: the kiosk never charges twice.
   */
  'applications.submit': method(z.strictObject({ applicationId: z.string().max(80), payment: PaymentMethod.optional() }), ApplicationStatus),
  'applications.status': method(z.strictObject({ applicationId: z.string().max(80) }), ApplicationStatus),
  /**
   * Pay at a counter instead (office hours only, where the payment step says `counterAllowed`):
   * nothing is charged; the application is sent to the back office unpaid and resolves
   * `awaiting-counter-payment` with `counterPayment.payBy`. `counter-payment-unavailable`
   * (`outside-office-hours` / `not-offered`) otherwise; `already-paid` once money has moved.
   */
  'payment.atCounter': method(z.strictObject({ applicationId: z.string().max(80) }), ApplicationStatus),
  /** Cancels an unpaid application; `already-paid` once money has moved (it is then sent or refunded). */
  'applications.cancel': method(z.strictObject({ applicationId: z.string().max(80) }), ApplicationStatus),
  /**
   * Measures the resident's height on the gauge. Long: pass an AbortSignal; the screen calls it on
   * arrival and the gauge measures by itself once the resident stands still (live prompts in
   * `height.prompt`). Fails `timeout` without a stable reading.
   */
  'height.measure': method(NoParams, z.object({ heightMm: z.number().int().positive() })),
  /** Prints the receipt of a submitted (or kept-for-later) application of this session; `step-not-allowed` before. */
  'receipts.print': method(z.strictObject({ applicationId: z.string().max(80) }), z.object({ printed: z.literal(true) })),
  // Authenticity check, queue ticket, collection by receipt (electron/shared/kiosk-api/schemas/counter.ts).
  ...counterMethods,
  // "Call staff" from any screen (electron/shared/kiosk-api/schemas/staff.ts).
  ...staffMethods,
} as const;

export const kioskEvents = {
  'session.changed': z.discriminatedUnion('state', [
    z.object({ state: z.literal('active'), session: SessionInfo }),
    z.object({ state: z.literal('ended'), sessionId: z.string(), reason: SessionEndReason }),
  ]),
  /** Sent once a second while the idle warning counts down. */
  'session.idleWarning': z.object({ sessionId: z.string(), secondsLeft: z.number().int().nonnegative() }),
  'device.health': DeviceHealth,
  'card.presence': z.object({ present: z.boolean() }),
  /** The height gauge's live prompts while `height.measure` waits (devices/height-gauge/contract.ts). */
  'height.prompt': z.object({ prompt: z.enum(HEIGHT_PROMPTS) }),
  ...biometricsEvents,
  /** Every change of an application of the current session (payment progress, GovPay QR, receipt). */
  'applications.changed': ApplicationStatus,
  ...visitEvents,
  ...availabilityEvents,
  ...maintenanceEvents,
  ...staffEvents,
} as const;

export type KioskMethods = typeof kioskMethods;
export type KioskEvents = typeof kioskEvents;
export type MethodName = keyof KioskMethods;
export type EventName = keyof KioskEvents;
/** What a caller passes (before defaults are applied). */
export type ParamsIn<M extends MethodName> = z.input<KioskMethods[M]['params']>;
/** What a handler receives (validated). */
export type ParamsOut<M extends MethodName> = z.output<KioskMethods[M]['params']>;
export type ResultOf<M extends MethodName> = z.output<KioskMethods[M]['result']>;
export type EventPayload<E extends EventName> = z.output<KioskEvents[E]>;

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(kioskMethods, name);
}
export function isEventName(name: string): name is EventName {
  return Object.hasOwn(kioskEvents, name);
}
