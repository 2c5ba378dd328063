import { z } from 'zod';
import { DEVICE_KINDS } from '../../../devices/kinds.js';
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
