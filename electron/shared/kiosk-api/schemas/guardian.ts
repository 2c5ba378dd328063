import { z } from 'zod';

/**
 * The KioskApi method of a minor's guardian verification (spread into `kioskMethods`): the minor
 * lifts their card, the accompanying adult places theirs; the host checks it against the minor's
 * file. Their finger (or their card's PIN) is then verified with `biometrics.startVerification({ who: 'guardian' })`.
 */
export const GuardianRelation = z.enum(['father', 'mother', 'guardian']);

export const ReadGuardianResult = z.discriminatedUnion('outcome', [
  /** On file for this minor and holding a Macau ID card: verify their finger next. */
  z.object({ outcome: z.literal('found'), relation: GuardianRelation }),
  /**
   * Refusals, as outcomes: `own-card` the minor's own card again; `not-on-file` a card that is not a
   * father's, mother's or guardian's on the minor's file; `no-macau-id` the file says this adult does
   * not hold a Macau ID card [000].
   */
  z.object({ outcome: z.enum(['own-card', 'not-on-file', 'no-macau-id']) }),
]);
export type ReadGuardianResult = z.infer<typeof ReadGuardianResult>;

export const guardianMethods = {
  /** Waits for a card and reads it as the minor's guardian. Long: pass an AbortSignal. Errors as `identity.readCard`. */
  'guardian.readCard': { params: z.strictObject({}), result: ReadGuardianResult },
} as const;
