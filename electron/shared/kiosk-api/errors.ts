import { z } from 'zod';

/**
 * Stable error codes that cross the KioskApi boundary as data. The renderer maps each one to a
 * localised message and a recovery; nothing on either side branches on `instanceof` or `message`.
 */
export const ApiErrorCode = z.enum([
  // transport and protocol
  'malformed-frame',
  'frame-too-large',
  'unknown-method',
  'invalid-params',
  'invalid-result',
  'disconnected',
  'cancelled',
  'timeout',
  // too many calls in flight on one connection (electron/host/bridge/server.ts)
  'too-many-calls',
  // sessions
  'no-session',
  'session-expired',
  // devices (DeviceError codes, see devices/errors.ts)
  'device-not-connected',
  'device-busy',
  'device-fault',
  'device-protocol',
  'user-action-needed',
  'card-removed',
  'card-unreadable',
  // applications, payment and the back office (electron/host/applications)
  'backoffice-unavailable',
  'not-eligible',
  'application-not-found',
  'payment-in-progress',
  'already-paid',
  // the journal cannot take the writes a payment needs (disk full, read-only): the kiosk is out of service
  'journal-unavailable',
  // collection by receipt (electron/host/counter): the back office knows no such receipt number
  'receipt-not-found',
  // fingerprints and photo (electron/host/biometrics): an action the flow has not offered
  'step-not-allowed',
  // the card on the reader is not the one this step needs (someone else's card for a verification)
  'wrong-card',
  // the visit (electron/host/visit): a step asked for before the steps it needs (`detail`: the step
  // to do first), a choice the step did not offer (`detail`: the field), a card left on the reader
  // from before the visit began (lift it and place it again)
  'step-not-done',
  'invalid-choice',
  'card-not-lifted',
  // a service the kiosk's devices cannot serve now (`detail`: the first device missing), or a new
  // visit while nothing can be offered (`detail`: `out-of-service`); electron/host/availability
  'service-unavailable',
  // a payment method the kiosk cannot take now (`detail`: the reason, e.g. `terminal-offline`);
  // electron/host/availability/payment-methods.ts
  'payment-method-unavailable',
  // paying at a counter refused (`detail`: `outside-office-hours`, or `not-offered` for this service
  // or visit); electron/host/applications/counter-payment.ts
  'counter-payment-unavailable',
  // maintenance mode (electron/host/maintenance): entry refused during a resident's visit
  // (`visit-in-progress`), while locked after wrong PINs (`locked`), or an action outside the mode (`not-open`)
  'maintenance-refused',
  // anything unexpected: a bug, logged on the host
  'internal',
]);
export type ApiErrorCode = z.infer<typeof ApiErrorCode>;

export const ApiErrorData = z.object({
  code: ApiErrorCode,
  /** English, for logs and technicians; never shown to residents. */
  message: z.string().max(500),
  /** A stable word the renderer may branch on: the step to do first (`step-not-done`), the field refused (`invalid-choice`). */
  detail: z.string().max(100).optional(),
});
export type ApiErrorData = z.infer<typeof ApiErrorData>;

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiErrorData };

/** Thrown inside the host by handlers for expected failures; turned into data at the bridge. */
export class KioskApiError extends Error {
  readonly code: ApiErrorCode;
  readonly detail: string | undefined;
  constructor(code: ApiErrorCode, message: string, detail?: string) {
    super(message);
    this.name = 'KioskApiError';
    this.code = code;
    this.detail = detail;
  }
}

/** Recognises an error by its code, never by class, so it works across realms and processes. */
export function hasApiErrorCode(error: unknown): error is { code: ApiErrorCode; message: string; detail?: unknown } {
  if (typeof error !== 'object' || error === null) return false;
  const code = (error as { code?: unknown }).code;
  return ApiErrorCode.safeParse(code).success;
}
