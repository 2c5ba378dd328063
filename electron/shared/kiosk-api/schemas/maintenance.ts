import { z } from 'zod';
import { DEVICE_KINDS } from '../../../../devices/kinds.js';
import { CountersSchema } from './counters.js';

/**
 * Maintenance mode through the KioskApi (electron/host/maintenance), spread into the contract. The
 * renderer shows what `maintenance.changed` says; the host decides every step.
 */

const IsoDateTime = z.iso.datetime({ offset: true });

export const MaintenanceView = z.discriminatedUnion('phase', [
  z.object({ phase: z.literal('closed') }),
  /** The hidden gesture was made: place a staff card on the reader. */
  z.object({ phase: z.literal('card') }),
  z.object({ phase: z.literal('pin'), triesLeft: z.number().int().min(0).max(10) }),
  z.object({ phase: z.literal('open'), staffId: z.string().max(20), since: IsoDateTime, idleEndsAt: IsoDateTime }),
  /** Too many wrong PINs: no entry until `until`. */
  z.object({ phase: z.literal('locked'), until: IsoDateTime }),
]);
export type MaintenanceView = z.infer<typeof MaintenanceView>;

/** A technician's PIN: 4 to 8 digits, checked on both sides. */
export const MaintenancePin = z.string().regex(/^\d{4,8}$/);

function method<P extends z.ZodType, R extends z.ZodType>(params: P, result: R) {
  return { params, result };
}

const DeviceKind = z.enum(DEVICE_KINDS);

export const MaintenanceDevice = z.object({
  device: DeviceKind,
  state: z.enum(['online', 'offline', 'degraded']),
  detail: z.string().max(100).optional(),
  model: z.string().max(100),
  vendor: z.string().max(100),
  firmware: z.string().max(100).optional(),
  serial: z.string().max(100).optional(),
  /** The driver's own counters (link retransmissions, bad lines), where it keeps any. */
  diagnostics: z.record(z.string().max(40), z.number().int().nonnegative()).optional(),
});
export type MaintenanceDevice = z.infer<typeof MaintenanceDevice>;

export const SelfTestOutcome = z.object({
  device: DeviceKind,
  passed: z.boolean(),
  checks: z.array(z.object({ name: z.string().max(100), passed: z.boolean(), detail: z.string().max(200).optional() })).max(32),
  /** The device could not run its self-test (offline, busy): the error's stable code. */
  error: z.string().max(100).optional(),
});
export type SelfTestOutcome = z.infer<typeof SelfTestOutcome>;

/** A gauge calibration offset, in millimetres: the same bound as the serial driver's own offset. */
export const GaugeOffsetMm = z.number().int().min(-200).max(200);
/** A reference rod's height, in millimetres (50–230 cm, the gauge's range). */
export const ReferenceRodMm = z.number().int().min(500).max(2_300);

/** Why a technician resolved an item by hand: required, short, written to the audit trail. */
export const ResolutionReason = z.string().trim().min(5).max(200);

/** What the journal still waits on, as a technician sees it: no resident data, only ids, states and amounts. */
export const PendingItem = z.discriminatedUnion('kind', [
  /** The payment system's answer was lost and enquiries have not settled it. */
  z.object({ kind: z.literal('unknown-payment'), reference: z.string().max(32), service: z.string().max(40), method: z.enum(['terminal', 'govpay']), amountAvos: z.number().int().positive(), since: IsoDateTime }),
  /** A refund the payment system has not confirmed yet. */
  z.object({ kind: z.literal('reversal-pending'), reference: z.string().max(32), service: z.string().max(40), method: z.enum(['terminal', 'govpay']), amountAvos: z.number().int().positive(), since: IsoDateTime, reason: z.string().max(100).optional() }),
  /** A paid, free or pay-at-counter (`counter-queued`: unpaid) application the back office has not accepted yet (the outbox keeps trying). */
  z.object({ kind: z.literal('queued-application'), applicationId: z.uuid(), service: z.string().max(40), state: z.enum(['queued', 'withdrawing', 'counter-queued']), attempts: z.number().int().nonnegative(), since: IsoDateTime, lastError: z.string().max(100).optional() }),
]);
export type PendingItem = z.infer<typeof PendingItem>;

/** A technician's resolution: what they found out (on the terminal's own record, with GovPay, at the counter). */
export const Resolution = z.discriminatedUnion('kind', [
  /** The payment system's own record says the resident was charged (`charged`: the application goes on) or not. */
  z.strictObject({ kind: z.literal('unknown-payment'), reference: z.string().min(1).max(32), outcome: z.enum(['charged', 'not-charged']), reason: ResolutionReason }),
  /** The money was given back another way (at the terminal, at the counter). */
  z.strictObject({ kind: z.literal('reversal-pending'), reference: z.string().min(1).max(32), outcome: z.literal('refunded-by-hand'), reason: ResolutionReason }),
  /** Send it to the back office now, not at the outbox's next pass. */
  z.strictObject({ kind: z.literal('queued-application'), applicationId: z.uuid(), outcome: z.literal('retry-now'), reason: ResolutionReason }),
]);
export type Resolution = z.infer<typeof Resolution>;

export const LogEntry = z.object({
  at: IsoDateTime,
  level: z.enum(['debug', 'info', 'warn', 'error']),
  message: z.string().max(200),
  device: DeviceKind.optional(),
  state: z.string().max(20).optional(),
  /** The stable code, detail and where a fault came from (device path, errno, vendor code). */
  code: z.string().max(100).optional(),
  detail: z.string().max(200).optional(),
  path: z.string().max(200).optional(),
  errno: z.string().max(40).optional(),
  vendorCode: z.string().max(40).optional(),
});
export type LogEntry = z.infer<typeof LogEntry>;

export const StaffCallView = z.object({ callId: z.string().max(40), calledAt: IsoDateTime, screen: z.string().max(81), acknowledgedAt: IsoDateTime.optional() });

/** The most log entries a technician's screen (and the bundle) carries. */
export const LOG_VIEW_MAX = 200;

/** What only an open maintenance mode answers (`maintenance-refused`, detail `not-open`, otherwise); each call is audited. */
export const maintenanceToolMethods = {
  /** Every device's status, model, vendor, firmware and serial, in the technician screen's order. */
  'maintenance.devices': method(z.strictObject({}), z.object({ devices: z.array(MaintenanceDevice).max(DEVICE_KINDS.length) })),
  /** One device's self-test, or every device's (`device` absent). Long: pass an AbortSignal. */
  'maintenance.selfTest': method(z.strictObject({ device: DeviceKind.optional() }), z.object({ results: z.array(SelfTestOutcome).max(DEVICE_KINDS.length) })),
  /** Prints a test slip (kiosk id, time, staff id, a ruler of every column). Printer errors as for receipts (`user-action-needed` with `paper-out`…). */
  'maintenance.printTestSlip': method(z.strictObject({}), z.object({ printed: z.literal(true) })),
  /** A test scan of the whole bed at the scanner's lowest resolution, as a JPEG for the screen (`blank`: nothing on the bed). Scanner errors as for any scan. */
  'maintenance.testScan': method(
    z.strictObject({}),
    z.object({ jpegBase64: z.string().max(8_000_000), width: z.number().int(), height: z.number().int(), dpi: z.number().int(), blank: z.boolean() }),
  ),
  /** The counters, kept across restarts. */
  'maintenance.counters': method(z.strictObject({}), CountersSchema),
  /** Reads the card on the reader as a test: its type, how long the read took, and both authenticity checks. Never its holder's data. */
  'maintenance.testCard': method(
    z.strictObject({}),
    z.object({ permanent: z.boolean(), cardNumberMasked: z.string().max(20), passive: z.enum(['valid', 'invalid']), active: z.enum(['valid', 'invalid']), readMs: z.number().int().nonnegative() }),
  ),
  /** Captures one finger as a test: its image (8-bit greyscale PNG, base64) and quality. Nothing is kept. */
  'maintenance.testFinger': method(
    z.strictObject({}),
    z.object({ quality: z.number().int().min(0).max(100), width: z.number().int().positive(), height: z.number().int().positive(), pngBase64: z.string().max(400_000) }),
  ),
  /** Measures the reference rod standing on the gauge, with the calibration in force, and proposes the offset that would make it read `referenceMm`. */
  'maintenance.measureGauge': method(
    z.strictObject({ referenceMm: ReferenceRodMm }),
    z.object({ measuredMm: z.number().int(), offsetMm: GaugeOffsetMm, proposedOffsetMm: z.number().int() }),
  ),
  /** Saves the gauge's calibration offset (kept across restarts; audited). Out of range: `invalid-params`. */
  'maintenance.calibrateGauge': method(z.strictObject({ offsetMm: GaugeOffsetMm }), z.object({ offsetMm: GaugeOffsetMm })),
  /** The payment terminal's status and the day's sales as the kiosk's journal holds them (Macau day): the figures to reconcile with the terminal's own report. */
  'maintenance.terminalDay': method(
    z.strictObject({}),
    z.object({
      state: z.enum(['online', 'offline', 'degraded']),
      detail: z.string().max(100).optional(),
      day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
      approved: z.object({ count: z.number().int().nonnegative(), totalAvos: z.number().int().nonnegative() }),
      declined: z.number().int().nonnegative(),
      unknown: z.number().int().nonnegative(),
      reversed: z.object({ count: z.number().int().nonnegative(), totalAvos: z.number().int().nonnegative() }),
    }),
  ),
  /** What the journal still waits on (unknown payments, refunds pending, applications not yet accepted). */
  'maintenance.pending': method(z.strictObject({}), z.object({ items: z.array(PendingItem).max(500) })),
  /**
   * Resolves one pending item by hand, with a reason (audited). Refused `invalid-params` when the item
   * is not in that state any more or is being worked on (a resident's visit, the outbox).
   */
  'maintenance.resolve': method(Resolution, z.object({ items: z.array(PendingItem).max(500) })),
  /** The kiosk's recent calls for staff (kiosk id, time, screen; no personal data), newest first, acknowledged or not. */
  'maintenance.staffCalls': method(z.strictObject({}), z.object({ calls: z.array(StaffCallView).max(50) })),
  /** A technician answers a call at the kiosk: the resident's screen says staff are on the way, the fleet is told. Unknown id: `invalid-params`. */
  'maintenance.acknowledgeStaffCall': method(z.strictObject({ callId: z.string().min(1).max(40) }), z.object({ calls: z.array(StaffCallView).max(50) })),
  /** The last log entries, newest first, optionally one device's only. */
  'maintenance.log': method(z.strictObject({ device: DeviceKind.optional() }), z.object({ entries: z.array(LogEntry).max(LOG_VIEW_MAX) })),
  /** Closes and opens one device again; answers its state after. */
  'maintenance.restartDevice': method(z.strictObject({ device: DeviceKind }), MaintenanceDevice),
  /**
   * Writes a diagnostics bundle (health, counters, recent log, pending counts, configuration digest;
   * no personal data) to the kiosk's state directory, where a technician's USB export or the fleet
   * picks it up.
   */
  'maintenance.exportBundle': method(
    z.strictObject({}),
    z.object({ file: z.string().max(300), bytes: z.number().int().positive(), sha256: z.string().regex(/^[0-9a-f]{64}$/) }),
  ),
} as const;


export const maintenanceMethods = {
  'maintenance.state': method(z.strictObject({}), MaintenanceView),
  /**
   * The hidden gesture: waits for a staff card on the reader, reads it and checks it is genuine.
   * Long: pass an AbortSignal. Refused `maintenance-refused` during a resident's visit (detail
   * `visit-in-progress`) or while entry is locked (`locked`). A card that is not a staff card ends
   * the entry (audited); the answer is then `closed`.
   */
  'maintenance.begin': method(z.strictObject({}), MaintenanceView),
  /** The PIN; a wrong one answers `pin` with the tries left, or `locked`. */
  'maintenance.enterPin': method(z.strictObject({ pin: MaintenancePin }), MaintenanceView),
  /** A technician's touch: postpones the idle exit. */
  'maintenance.touch': method(z.strictObject({}), MaintenanceView),
  'maintenance.exit': method(z.strictObject({}), MaintenanceView),
  ...maintenanceToolMethods,
} as const;

export const maintenanceEvents = {
  'maintenance.changed': MaintenanceView,
} as const;
