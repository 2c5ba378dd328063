import { z } from 'zod';

/**
 * The KioskApi method of the "Call staff" button (spread into `kioskMethods` in bridge/contract.ts).
 * Pure zod: the renderer sees it through the contract.
 */

/**
 * The screen the resident was on: the renderer's screen name, optionally `:` and a step kind
 * (`step:choose-relatives`). A code, never text the resident typed or read from a card.
 */
export const StaffCallScreen = z.string().regex(/^[a-z][a-z0-9-]{0,39}(?::[a-z][a-z0-9-]{0,39})?$/);

export const StaffCallResult = z.object({
  /** Quoted by staff when they answer; also in the host log and the tester state. */
  callId: z.string().max(40),
  calledAt: z.iso.datetime({ offset: true }),
});
export type StaffCallResult = z.infer<typeof StaffCallResult>;

export const staffMethods = {
  /**
   * The resident asks for a member of staff. Works with or without a session (the attract screen
   * has none); records the kiosk id, the time and the screen name only, so the call holds no personal data.
   */
  'staff.call': { params: z.strictObject({ screen: StaffCallScreen }), result: StaffCallResult },
} as const;

export const staffEvents = {
  /** Staff acknowledged a call from the operations dashboard: the screen says they are on the way. */
  'staff.acknowledged': z.object({ callId: z.string().max(40), acknowledgedAt: z.iso.datetime({ offset: true }) }),
} as const;
