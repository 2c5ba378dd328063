import { z } from 'zod';

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
} as const;

export const maintenanceEvents = {
  'maintenance.changed': MaintenanceView,
} as const;
